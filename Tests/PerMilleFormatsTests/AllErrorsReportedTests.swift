import Foundation
import PerMille
import Testing

@testable import PerMilleFormats

/// project-format.md, Errors: "A file with errors gives no numbers; all errors are listed, not only the first."
/// Listed means each real problem once, and no invented ones.
@Suite("Every error of a file is reported, and nothing else")
struct AllErrorsReportedTests {
    @Test(
        "Three independent errors give exactly three diagnostics, in document order",
        .bug(id: "modules-empty-cascade", "modules.empty is added when every row has errors"))
    func threeIndependentErrors() throws {
        // line 2 col 13: "permille/2"; line 3 col 53: "spainn"; line 9 col 56: -5
        let text = """
            {
              "format": "permille/2",
              "project": { "name": "Grassland demo", "country": "spainn", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": -5},
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project == nil)
        // All three are there, not just the first …
        let codes = outcome.diagnostics.map(\.code)
        #expect(Array(codes.prefix(3)) == ["format.version", "country.unknown", "area.negative"])
        let places = outcome.diagnostics.prefix(3).compactMap { $0.location.map { "\($0.line):\($0.column)" } }
        #expect(places == ["2:13", "3:53", "9:56"])
        #expect(outcome.diagnostics.prefix(3).map(\.path) == ["format", "project.country", "modules.grassland[0].area.with"])
        #expect(outcome.diagnostics.allSatisfy { $0.severity == .error })
        // … and nothing more: the file has a row, so it is not "empty".
        #expect(codes == ["format.version", "country.unknown", "area.negative"])
    }

    @Test("Errors in several rows are all reported, each with its row id")
    func errorsInSeveralRows() throws {
        // line 9 col 56: -5 in G1; line 16 col 34: "improvd" in G2
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": -5},
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} },
                  { "id": "G2", "name": "Commons protected from degradation",
                    "area": {"start": 150, "without": 150, "with": 150},
                    "start": {"condition": "non-degraded"},
                    "without": {"condition": "improvd", "fire": true},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project == nil)
        let area = try #require(outcome.diagnostics.first { $0.code == "area.negative" })
        #expect(area.rowID == "G1")
        #expect(area.location.map { "\($0.line):\($0.column)" } == "9:56")
        let condition = try #require(outcome.diagnostics.first { $0.code == "practice.unknown" })
        #expect(condition.rowID == "G2")
        #expect(condition.location.map { "\($0.line):\($0.column)" } == "16:34")
        #expect(condition.suggestion == "did you mean 'improved'?")
    }

    /// One change to the one-row demo, and the only diagnostic it should give.
    struct BrokenRow: Sendable, CustomTestStringConvertible {
        var change: String
        var replacing: String
        var with: String
        var code: String
        var testDescription: String { change }
    }

    static let brokenRows = [
        BrokenRow(change: "negative area", replacing: #""with": 150},"#, with: #""with": -5},"#, code: "area.negative"),
        BrokenRow(change: "area too large", replacing: #""with": 150},"#, with: #""with": 1e309},"#, code: "number.not-finite"),
        BrokenRow(change: "area as a string", replacing: #""with": 150},"#, with: #""with": "150"},"#, code: "type.mismatch"),
        BrokenRow(
            change: "unknown condition", replacing: #""condition": "high-intensity-grazing""#, with: #""condition": "degraded""#,
            code: "practice.unknown"),
        BrokenRow(change: "no start state", replacing: #""start": {"condition": "high-intensity-grazing"},"#, with: "", code: "field.missing"),
    ]

    /// The demo fixture with its second row (G2) removed.
    static func oneRowDemo() throws -> String {
        var text = try DecoderTestSupport.grasslandDemo()
        let g2 = try #require(text.range(of: #",\#n      { "id": "G2""#), "the fixture's second row")
        let listEnd = try #require(text.range(of: "\n    ]", range: g2.upperBound..<text.endIndex))
        text.removeSubrange(g2.lowerBound..<listEnd.lowerBound)
        return text
    }

    @Test("The one-row demo is valid")
    func oneRowDemoIsValid() throws {
        let outcome = DecoderTestSupport.decode(try Self.oneRowDemo())
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.project?.grassland.map(\.id) == ["G1"])
    }

    @Test(
        "A broken row gives its own diagnostic and no 'project has no rows'",
        .bug(id: "modules-empty-cascade", "modules.empty is added when every row has errors"),
        arguments: brokenRows)
    func brokenRowGivesOnlyItsOwnDiagnostic(_ broken: BrokenRow) throws {
        var text = try Self.oneRowDemo()
        let first = try #require(text.range(of: broken.replacing), "the demo has no \(broken.replacing)")
        text.replaceSubrange(first, with: broken.with)

        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project == nil)
        #expect(outcome.diagnostics.map(\.code) == [broken.code])
    }
}
