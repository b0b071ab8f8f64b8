import Foundation
import PerMille
import PerMilleData
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// Seeded mutation fuzzing of every fixture in both encodings: each mutant must either assess or
/// fail with diagnostics; a crash fails the run. Every run (CI too) tries 300 seeded mutants per
/// encoding; `PERMILLE_FUZZ=10000 swift test --filter MutationFuzz` tries 10 000.
///
/// Issue 16: the seeds include each fixture on one line (a minified file), mutations put extreme
/// numbers (2e18, 1e300, 1e-400, denormals) where numbers stand, every assessed mutant is also
/// written as a result document and a text report (no `null`, `nan` or `inf`), and every refused
/// one has its diagnostics rendered, which must stay bounded in size.
@Suite("Mutation fuzzing")
struct MutationFuzzTests {
    static var cases: Int { Int(ProcessInfo.processInfo.environment["PERMILLE_FUZZ"] ?? "") ?? 300 }

    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "-", "1e309", "NaN", "null", "true", "0", "-0", "\u{FEFF}", "\\u0000", "\\ud800",
        "<", ">", "</", "/>", "&amp;", "&x;", "<!DOCTYPE a>", "type=\"array\"", "<item>", "é", "999999999999999999999",
        "\u{1B}[2J", "=cmd()",
    ].map { Array($0.utf8) }

    /// Numbers at and past every bound: the probe's crashes came from values like these.
    static let extremeNumbers = [
        "2e18", "1e300", "-1e300", "1e-400", "4.9e-324", "2.2e-308", "1e15", "1.0000001e15", "15000000000", "1.5e10", "1e13",
        "-0.0", "9223372036854775807", "9223372036854775808", "1e19", "-1e19", "0.000000001", "1e308", "-273.15", "100.0000001",
    ].map { Array($0.utf8) }

    @Test("every mutant of every fixture assesses or fails cleanly", arguments: ["json", "xml"])
    func mutants(encoding: String) throws {
        let factors = DecoderTestSupport.factors
        let reviewData = try ReviewDataLoader.load(factors: factors)
        let decoder = ProjectDecoder(factors: factors, catalogue: reviewData.catalogue)
        var seeds: [[UInt8]] = []
        for name in ["grassland-demo.json", "tropical-demo.json", "rice-livestock-demo.json"] {
            let bytes = Array(try Data(contentsOf: DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/\(name)")))
            let seed = encoding == "json" ? bytes : Array(XMLWriter.write(try JSONParser.parse(bytes)).utf8)
            seeds.append(seed)
            seeds.append(Self.oneLine(seed))
        }
        var generator = SeededGenerator(seed: encoding == "json" ? 4_1000 : 4_1001)
        var assessed = 0
        var refused = 0
        for _ in 0..<Self.cases {
            var bytes = seeds.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 1...4, using: &generator) { Self.mutate(&bytes, using: &generator) }
            let file = encoding == "json" ? "fuzz.json" : "fuzz.xml"
            let outcome = decoder.decode(bytes, file: file)
            guard let project = outcome.project else {
                #expect(outcome.diagnostics.contains { $0.severity == .error })
                // Bounded whatever the mutant: at most 200 diagnostics of bounded excerpts and fields.
                let rendered = DiagnosticRenderer.render(outcome.diagnostics, source: bytes)
                #expect(rendered.utf8.count < 200 * 6_000 + 1_000, "diagnostics grew with the file: \(rendered.utf8.count) bytes")
                refused += 1
                continue
            }
            do {
                let result = try Assessor.assess(project, factors: factors)
                #expect(result.total.balance.isFinite)
                // The writers meet only finite numbers: no nan or inf in the result or the text report.
                let provenance = ResultJSON.Provenance(projectName: project.description.name, inputDigest: "sha256:-", factorDigests: [])
                let document = String(decoding: ResultDocument.encode(result, provenance: provenance), as: UTF8.self)
                #expect(!Self.hasNonFinite(document))
                let text = TextReport.render(result, projectName: project.description.name, explain: true)
                #expect(!Self.hasNonFinite(text) && !text.contains("not a number"))
                // Every assessed mutant also goes through the review and every report format.
                let review = ProjectReview.make(assessment: result, project: project, review: reviewData, factors: factors)
                let input = ReportInput(
                    assessment: result, project: project, review: review,
                    provenance: ResultJSON.Provenance(projectName: project.description.name, inputDigest: "sha256:-", factorDigests: []),
                    reviewDigests: reviewData.digests, criteriaSource: reviewData.criteria.source)
                for format in ReportFormat.allCases {
                    let text = ProjectReport.render(input, format: format)
                    #expect(!text.isEmpty)
                    #expect(!Self.hasNonFinite(text), "\(format): a non-finite number reached the report")
                }
                assessed += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                refused += 1
            }
        }
        print("mutation fuzzing (\(encoding)): \(Self.cases) cases, \(assessed) assessed, \(refused) refused with diagnostics, 0 crashes")
        #expect(assessed + refused == Self.cases)
    }

    /// Swift prints non-finite doubles as `nan`, `inf`, `-inf`: look for them as whole cells or values.
    static func hasNonFinite(_ text: String) -> Bool {
        ["nan", "inf", "-inf"].contains { token in
            ["\"\(token)\"", ">\(token)<", ",\(token),", ",\(token)\r", "| \(token) |", " \(token) ", ": \(token),", "=\"\(token)\""]
                .contains { text.contains($0) }
        }
    }

    /// The file on one line: JSON with its line breaks as spaces, XML without them and its indentation.
    static func oneLine(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var atLineStart = false
        let xml = bytes.first == UInt8(ascii: "<")
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if !xml { result.append(UInt8(ascii: " ")) }
                atLineStart = true
                continue
            }
            if atLineStart, xml, byte == UInt8(ascii: " ") { continue }
            atLineStart = false
            result.append(byte)
        }
        return result
    }

    static func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes = tokens.randomElement(using: &generator) ?? []
            return
        }
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0...6, using: &generator) {
        case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes.remove(at: index)
        case 2: bytes.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: index)
        case 3: bytes.removeSubrange(index..<bytes.count)
        case 4:
            let end = min(bytes.count, index + Int.random(in: 1...200, using: &generator))
            bytes.insert(contentsOf: Array(bytes[index..<end]), at: end)
        case 5:
            // Put an extreme number where a number stands: the whole digit run is replaced.
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { break }
            var start = index
            var end = index
            let numeric: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "-") }
            while start > 0, numeric(bytes[start - 1]) { start -= 1 }
            while end + 1 < bytes.count, numeric(bytes[end + 1]) { end += 1 }
            bytes.replaceSubrange(start...end, with: extremeNumbers.randomElement(using: &generator) ?? [])
        default:
            // Swap a digit run for another number: areas, years and factors take odd values.
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                bytes.replaceSubrange(index...index, with: Array(String(Int.random(in: -5...100_000, using: &generator)).utf8))
            }
        }
    }
}
