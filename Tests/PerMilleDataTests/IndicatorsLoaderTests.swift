import Foundation
import PerMille
import PerMilleData
import Testing

/// The loader checks every table against the manifest and refuses bad data with file:line.
@Suite("Indicators loader")
struct IndicatorsLoaderTests {
    /// A copy of the bundled Indicators folder in a temporary directory, to break on purpose.
    static func scratchCopy() throws -> URL {
        let source = try #require(IndicatorsLoader.bundledDirectory)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("permille-indicators-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Rewrites one table and, unless told not to, its digest in the manifest (so only the content is wrong).
    static func replace(_ table: String, in folder: URL, updateDigest: Bool = true, transform: (String) -> String) throws {
        let file = folder.appendingPathComponent("factors/\(table).csv")
        let text = transform(try String(contentsOf: file, encoding: .utf8))
        try Data(text.utf8).write(to: file)
        guard updateDigest else { return }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let entries = manifest.components(separatedBy: "\"name\": \"\(table)\"")
        let after = try #require(entries.dropFirst().first)
        let old = try #require(after.range(of: "\"sha256\": \"")).upperBound
        let oldDigest = String(after[old...].prefix(64))
        manifest = manifest.replacingOccurrences(of: oldDigest, with: SHA256Digest.hex(Array(text.utf8)))
        try Data(manifest.utf8).write(to: manifestURL)
    }

    @Test("the bundled tables load, with digests and sources")
    func bundled() throws {
        let factors = try IndicatorsLoader.load()
        #expect(factors.tables.count >= 30)
        let soc = try factors.factor("soc-reference", ["climate_zone": "warm-temperate-dry", "soil_class": "high-activity-clay"])
        #expect(soc.value == 24)
        #expect(soc.source == "IPCC 2019 Vol4 Table 2.3")
        #expect(soc.uncertaintyPercent == 5)
        #expect(factors.digests(of: Set(factors.tables.keys)).allSatisfy { $0.digest.hasPrefix("sha256:") && $0.digest.count == 71 })
    }

    @Test("a missing key names the key and the table, never a zero")
    func missingKey() throws {
        let factors = try IndicatorsLoader.load()
        #expect {
            try factors.factor("soc-reference", ["climate_zone": "warm-temperate-dry", "soil_class": "spodic"])
        } throws: { error in
            let text = String(describing: error)
            return text.contains("soc-reference") && text.contains("soil_class=spodic") && text.contains("climate_zone=warm-temperate-dry")
        }
    }

    @Test("`all` in a table matches any value of that column")
    func wildcard() throws {
        let factors = try IndicatorsLoader.load()
        let ef1 = try factors.factor(
            "n2o-emission-factors",
            [
                "parameter": "ef1", "n_source": "mineralised-soil-n", "climate_zone": "tropical-wet", "moisture_regime": "wet",
            ])
        #expect(ef1.value == 0.006)
        #expect(ef1.key.contains("climate_zone=all"))
    }

    @Test("a value that is not a plain decimal is refused with file:line:column")
    func malformedValue() throws {
        let folder = try Self.scratchCopy()
        try Self.replace("gwp", in: folder) { $0.replacingOccurrences(of: "ar5,ch4,28,", with: "ar5,ch4,2.8e1,") }
        #expect {
            try IndicatorsLoader.load(from: folder)
        } throws: { error in
            guard let diagnostics = (error as? DiagnosticsError)?.diagnostics, let first = diagnostics.first else { return false }
            return first.location?.file.hasSuffix("factors/gwp.csv") == true && first.location?.line == 9 && first.location?.column == 3
                && first.found == "2.8e1"
        }
    }

    @Test("a value without a reliability tag is refused at its cell, not read as the most trusted class")
    func missingReliability() throws {
        let folder = try Self.scratchCopy()
        try Self.replace("soc-reference", in: folder) {
            $0.replacingOccurrences(of: "boreal-moist,sandy,10,tC/ha (0-30 cm),90,V-EX,", with: "boreal-moist,sandy,10,tC/ha (0-30 cm),90,,")
        }
        #expect {
            try IndicatorsLoader.load(from: folder)
        } throws: { error in
            guard let first = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            return first.location?.file.hasSuffix("factors/soc-reference.csv") == true && first.location?.line == 3
                && first.location?.column == 6 && first.message.contains("missing reliability tag")
        }
    }

    @Test("a manifest entry pointing outside the folder is refused at its position, whatever its digest")
    func entryOutsideFolder() throws {
        let folder = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let edited = manifest.replacingOccurrences(of: #""file": "factors/gwp.csv""#, with: #""file": "../elsewhere/gwp.csv""#)
        #expect(edited != manifest)
        try Data(edited.utf8).write(to: manifestURL)
        #expect {
            try IndicatorsFolder(directory: folder)
        } throws: { error in
            guard let first = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            return first.code == "indicators.manifest-path" && first.found == "../elsewhere/gwp.csv" && (first.location?.line ?? 0) > 1
        }
    }

    @Test("a duplicate key and a short row are both reported, each with its line")
    func duplicateAndShortRow() throws {
        let folder = try Self.scratchCopy()
        try Self.replace("gwp", in: folder) { $0 + "sar,co2,1,kg CO2e/kg gas,,V-EX,duplicate\nar4,ch4\n" }
        #expect {
            try IndicatorsLoader.load(from: folder)
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            return diagnostics.count == 2 && diagnostics.contains { $0.message.contains("duplicate key sar,co2") && $0.location?.line == 18 }
                && diagnostics.contains { $0.message.contains("wrong number of fields") && $0.location?.line == 19 }
        }
    }

    @Test("an edited table whose digest no longer matches the manifest is refused")
    func digestMismatch() throws {
        let folder = try Self.scratchCopy()
        try Self.replace("gwp", in: folder, updateDigest: false) { $0.replacingOccurrences(of: "ar5,n2o,265,", with: "ar5,n2o,298,") }
        #expect {
            try IndicatorsLoader.load(from: folder)
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].code == "indicators.digest-mismatch" && diagnostics[0].message.contains("gwp")
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("no factor value lives in Swift source: every number a module uses comes from a table")
    func tablesCoverConstants() throws {
        let factors = try IndicatorsLoader.load()
        for parameter in ["carbon-fraction", "soc-transition-years", "exponential-dynamics-k", "cn-ratio-conversion-to-cropland", "cn-ratio-cropland-remaining", "forest-f-lu"] {
            #expect(throws: Never.self) { try factors.factor("constants", ["parameter": parameter]) }
        }
    }
}
