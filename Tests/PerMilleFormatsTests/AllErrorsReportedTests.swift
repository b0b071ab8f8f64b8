import PerMille
import Testing

@testable import PerMilleFormats

/// project-format.md, Errors: "A file with errors gives no numbers; all errors are listed, not only the first."
@Suite("Every error of a file is reported")
struct AllErrorsReportedTests {
    @Test("Three independent errors give three diagnostics, in document order")
    func threeIndependentErrors() throws {
        // line 2 col 13: "permille/2"; line 3 col 53: "spian"; line 9 col 56: -5
        let text = """
            {
              "format": "permille/2",
              "project": { "name": "Grassland demo", "country": "spian", "region": "europe",
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
        #expect(outcome.diagnostics.map(\.code) == ["format.version", "country.unknown", "area.negative"])
        let places = outcome.diagnostics.compactMap { $0.location.map { "\($0.line):\($0.column)" } }
        #expect(places == ["2:13", "3:53", "9:56"])
        #expect(outcome.diagnostics.map(\.path) == ["format", "project.country", "modules.grassland[0].area.with"])
        #expect(outcome.diagnostics.allSatisfy { $0.severity == .error })
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
        #expect(outcome.diagnostics.map(\.code) == ["area.negative", "practice.unknown"])
        #expect(outcome.diagnostics.map(\.rowID) == ["G1", "G2"])
        let places = outcome.diagnostics.compactMap { $0.location.map { "\($0.line):\($0.column)" } }
        #expect(places == ["9:56", "16:34"])
        #expect(outcome.diagnostics.last?.suggestion == "did you mean 'improved'?")
    }
}
