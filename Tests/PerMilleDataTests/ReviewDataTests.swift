import Foundation
import PerMille
import PerMilleData
import Testing

/// The review documents (indicator catalogue, criteria, practice sheets) load, hang together and are refused with positions when broken.
@Suite("Review data loader")
struct ReviewDataTests {
    static func scratchCopy() throws -> URL {
        let source = try #require(IndicatorsLoader.bundledDirectory)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("permille-review-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Rewrites a document and its digest in the manifest (so only the content is wrong), unless told not to.
    static func replace(_ file: String, in folder: URL, updateDigest: Bool = true, transform: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        let old = try Data(contentsOf: url)
        let text = transform(String(decoding: old, as: UTF8.self))
        try Data(text.utf8).write(to: url)
        guard updateDigest else { return }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
            .replacingOccurrences(of: SHA256Digest.hex([UInt8](old)), with: SHA256Digest.hex(Array(text.utf8)))
        try Data(manifest.utf8).write(to: manifestURL)
    }

    static func diagnostics(_ body: () throws(DiagnosticsError) -> ReviewData) -> [Diagnostic] {
        do {
            _ = try body()
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("the bundled documents load, with the factor links checked, and report their digests")
    func bundled() throws {
        let factors = try IndicatorsLoader.load()
        let review = try ReviewDataLoader.load(factors: factors)
        #expect(review.criteria.criteria.count == 13)
        #expect(review.criteria.criteria.filter { !$0.provisional }.map(\.id) == ["1.1", "1.2", "1.3", "2.1", "2.2"])
        #expect(review.criteria.criteria.filter(\.provisional).allSatisfy { $0.wording.hasPrefix("Provisional") })
        #expect(Set(review.digests.keys) == ["indicators.json", "criteria.json", "practices.json"])
        #expect(review.digests.values.allSatisfy { $0.hasPrefix("sha256:") && $0.count == 71 })
        // Every row of indicators.md §3 is in the catalogue.
        for id in [
            "soc-initial", "soc-change", "permille-rate", "permille-additional", "ghg-balance", "non-co2-offset", "uncertainty",
            "area-improved", "area-restored", "carbon-input", "residue-burning-avoided", "nitrogen-applied", "yield-change",
            "production-change", "cost-effectiveness", "carbon-value", "beneficiaries", "income-change", "tenure-secure", "safeguards",
            "adaptation", "mrv-readiness", "permanence", "sdg-count",
        ] {
            #expect(review.catalogue.indicator(id) != nil, "\(id) missing")
        }
        // The keys project-format.md names.
        for key in ["households", "womenBeneficiaryShare", "farmersTrained", "yieldChangePercent", "waterUseChangePercent", "monitoringPlan"] {
            #expect(review.catalogue.inputKeys[key] != nil, "\(key) missing")
        }
        // project-format.md lists monitoringPlan values with "…": an open list, read as text.
        #expect(review.catalogue.inputKeys["monitoringPlan"]?.input.kind == .text)
        #expect(review.practice("no-till")?.appliesTo.contains(PracticeMatch(module: .annualCrops, field: "tillage", value: "no-till")) == true)
    }

    @Test("every criterion names catalogue indicators, and every condition a known value key")
    func criteriaConsistent() throws {
        let review = try ReviewDataLoader.load()
        let computed = Set(review.catalogue.indicators.filter { $0.kind == .computed || $0.kind == .derived }.flatMap(\.values))
        let inputs = Set(review.catalogue.inputKeys.keys)
        #expect(computed.isDisjoint(with: inputs))
        for criterion in review.criteria.criteria {
            for id in criterion.indicators { #expect(review.catalogue.indicator(id) != nil, "\(criterion.id) names \(id)") }
            let rule = criterion.rule
            #expect(!rule.met.isEmpty, "\(criterion.id) has no met rule")
            for condition in rule.appliesIf + rule.met + rule.partlyMet {
                #expect(computed.contains(condition.value) || inputs.contains(condition.value), "\(criterion.id): \(condition)")
            }
        }
        // Each input key once in the whole catalogue.
        let all = review.catalogue.indicators.flatMap { $0.inputs.map(\.key) }
        #expect(all.count == Set(all).count)
    }

    @Test("every practice factor link resolves to rows whose values are the table's")
    func practiceLinks() throws {
        let factors = try IndicatorsLoader.load()
        let review = try ReviewDataLoader.load(factors: factors)
        #expect(review.practices.count >= 20)
        for sheet in review.practices {
            #expect(!sheet.appliesTo.isEmpty, "\(sheet.key) applies to nothing")
            if sheet.expectedChange == nil { #expect(sheet.description.contains("No sourced range")) }
            for link in sheet.factors {
                let table = try #require(factors.tables[link.table], "\(sheet.key): \(link.table)")
                let records = link.records(in: table)
                #expect(!records.isEmpty, "\(sheet.key): \(link.label)")
            }
        }
        // No-till leaves climate_zone open: one row per zone, each the table's value.
        let noTill = try #require(review.practice("no-till")?.factors.first)
        let table = try #require(factors.tables[noTill.table])
        #expect(noTill.openColumns(in: table) == ["climate_zone"])
        let rows = noTill.records(in: table)
        #expect(rows.count >= 10)
        for row in rows {
            let zone = row.key[4]
            let direct = try factors.factor(
                "soil-stock-change-factors",
                [
                    "used_in": "management", "land_use": "cropland", "practice": "no-tillage", "factor": "f-mg", "climate_zone": zone,
                ])
            #expect(direct.value == row.values[0])
        }
        let awd = try #require(review.practice("alternate-wetting-and-drying")?.factors.first { $0.key["practice"] == "irrigated-multiple-drainage-periods" })
        #expect(awd.records(in: try #require(factors.tables["rice-scaling-factors"])).map(\.values) == [[0.55]])
    }

    @Test("a tampered document fails the digest check")
    func tampered() throws {
        let folder = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.replace("practices/practices.json", in: folder, updateDigest: false) { $0.replacingOccurrences(of: "No-till", with: "No till") }
        let found = Self.diagnostics { () throws(DiagnosticsError) in try ReviewDataLoader.load(from: folder) }
        #expect(found.map(\.code) == ["indicators.digest-mismatch"])
        #expect(found.first?.location?.file.hasSuffix("practices.json") == true)
    }

    @Test("malformed documents give positioned diagnostics, all of them")
    func malformed() throws {
        let folder = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.replace("catalogue/criteria.json", in: folder) { text in
            text.replacingOccurrences(of: "\"value\": \"secureTenureShare\", \"op\": \">=\"", with: "\"value\": \"secureTenureShar\", \"op\": \"=>\"")
                .replacingOccurrences(of: "\"indicators\": [\"safeguards\", \"beneficiaries\"]", with: "\"indicators\": [\"safeguard\", \"beneficiaries\"]")
                .replacingOccurrences(of: "\"provisional\": false", with: "\"provisional\": \"no\"")
        }
        try Self.replace("practices/practices.json", in: folder) { text in
            text.replacingOccurrences(of: "\"module\": \"rice\"", with: "\"module\": \"paddy\"")
                .replacingOccurrences(of: "\"practice\": \"no-tillage\"", with: "\"practice\": \"no-tilage\"")
                .replacingOccurrences(of: "\"costsAndBarriers\"", with: "\"costs\"")
        }
        let factors = try IndicatorsLoader.load(from: folder)
        let found = Self.diagnostics { () throws(DiagnosticsError) in try ReviewDataLoader.load(from: folder, factors: factors) }
        let codes = Set(found.map(\.code))
        for code in [
            "review.unknown-value-key", "review.unknown-value", "review.unknown-indicator", "review.type", "review.link-unresolved",
            "review.unknown-key", "review.missing-key",
        ] {
            #expect(codes.contains(code), "\(code) not reported; got \(found.map(\.code))")
        }
        #expect(found.allSatisfy { ($0.location?.line ?? 0) > 0 && ($0.location?.column ?? 0) > 0 && !($0.location?.path ?? "").isEmpty })
        let key = try #require(found.first { $0.code == "review.unknown-value-key" })
        #expect(key.location?.path.hasPrefix("criteria[") == true && key.location?.path.hasSuffix(".value") == true)
        #expect(key.suggestion == "did you mean 'secureTenureShare'?")
        let op = try #require(found.first { $0.code == "review.unknown-value" && $0.found == "'=>'" })
        #expect(op.location?.path.hasSuffix(".op") == true)
        let indicator = try #require(found.first { $0.code == "review.unknown-indicator" })
        #expect(indicator.suggestion == "did you mean 'safeguards'?")
        #expect(found.contains { $0.code == "review.unknown-value" && $0.found == "'paddy'" && $0.location?.path.hasSuffix(".module") == true })
        #expect(found.filter { $0.code == "review.link-unresolved" }.count == 1)
    }

    @Test("a JSON syntax error is reported at its line and column")
    func syntax() throws {
        let folder = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.replace("catalogue/indicators.json", in: folder) { "{\n  \"format\": \"permille-indicators/1\",\n  \"indicators\": [,]\n}\n" + String($0.prefix(0)) }
        let found = Self.diagnostics { () throws(DiagnosticsError) in try ReviewDataLoader.load(from: folder) }
        let syntax = try #require(found.first { $0.code == "review.syntax" })
        #expect(syntax.location?.line == 3)
        #expect(syntax.location?.column == 18)
    }

    @Test("a replacement criteria file is read without the manifest's digest and reported by its own")
    func replacementCriteria() throws {
        let bundled = try #require(IndicatorsLoader.bundledDirectory)
        let original = try String(contentsOf: bundled.appendingPathComponent("catalogue/criteria.json"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("permille-criteria-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("stc-final.json")
        let text = original.replacingOccurrences(of: "\"name\": \"Human rights\"", with: "\"name\": \"Human rights (final)\"")
        try Data(text.utf8).write(to: file)
        let review = try ReviewDataLoader.load(criteria: file)
        #expect(review.criteria.criteria.first?.name == "Human rights (final)")
        #expect(review.digests["stc-final.json"] == "sha256:" + SHA256Digest.hex(Array(text.utf8)))
        #expect(review.digests["criteria.json"] == nil)
    }
}
