import PerMille
import Testing

@testable import PerMilleFormats

/// Keys of an object: misspelt, given twice, or missing. Each literal is the grassland demo (row G1 only)
/// with one thing broken; line and column count from 1 in the literal as written.
@Suite("Diagnostics about object keys")
struct KeyDiagnosticsTests {
    @Test("A misspelt key is key.unknown with a 'did you mean' suggestion")
    func misspeltKeyIsUnknownWithSuggestion() throws {
        // line 10: `"conditon"` starts at column 19
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": 150},
                    "start": {"conditon": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "key.unknown", message: "unknown key 'conditon'", line: 10, column: 19, token: "\"conditon\"",
                path: "modules.grassland[0].start.conditon", rowID: "G1",
                expected: "one of condition, input, fire, fireFuelTonnesPerHa, fireIntervalYears", found: "'conditon'",
                suggestion: "did you mean 'condition'?"),
            in: outcome, source: text)
        // The state then lacks its required condition, reported at the state object's brace (column 18).
        let missing = try #require(outcome.diagnostics.first { $0.code == "field.missing" })
        #expect(missing.location?.line == 10)
        #expect(missing.location?.column == 18)
        #expect(missing.path == "modules.grassland[0].start.condition")
    }

    @Test("A key given twice in one object is key.duplicate at the second occurrence")
    func repeatedKeyIsDuplicate() throws {
        // line 9: the second `"with"` starts at column 61
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": 150, "with": 150},
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "key.duplicate", message: "key 'with' appears twice in the same object (first at line 9)",
                line: 9, column: 61, token: "\"with\": 150}",
                path: "modules.grassland[0].area.with", rowID: "G1", expected: "each key once", found: "a second 'with'"),
            in: outcome, source: text)
        #expect(outcome.diagnostics.count == 1)
    }

    @Test("A row without its area is field.missing, pointing at the row's opening brace")
    func rowWithoutAreaIsMissingField() throws {
        // line 8: the row's `{` is at column 7; there is no "area" line
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "field.missing", message: "missing required field 'area'", line: 8, column: 7, token: "{ \"id\": \"G1\"",
                path: "modules.grassland[0].area", rowID: "G1",
                expected: "{start, without, with} in hectares", found: "no 'area'"),
            in: outcome, source: text)
    }
}
