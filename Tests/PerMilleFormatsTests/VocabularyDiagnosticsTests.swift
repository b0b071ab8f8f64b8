import PerMille
import Testing

@testable import PerMilleFormats

/// Keys from the vocabulary that the data does not know: practices, countries, climate zones, soils.
/// Each literal is the grassland demo (row G1 only) with one key changed.
@Suite("Diagnostics about unknown vocabulary")
struct VocabularyDiagnosticsTests {
    @Test("An unknown grassland condition is practice.unknown with the closest key suggested")
    func unknownConditionIsUnknownPractice() throws {
        // line 11: `"degraded"` starts at column 34
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
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.unknown", message: "unknown grassland condition 'degraded'", line: 11, column: 34, token: "\"degraded\"",
                path: "modules.grassland[0].without.condition", rowID: "G1",
                expected: "one of high-intensity-grazing, improved, moderately-degraded, non-degraded, severely-degraded",
                found: "'degraded'", suggestion: "did you mean 'non-degraded'?"),
            in: outcome, source: text)
    }

    @Test("An unknown country is country.unknown with the closest country key suggested")
    func unknownCountry() throws {
        // line 3: `"spainn"` starts at column 53
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "spainn", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": 150},
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
                code: "country.unknown", message: "unknown country 'spainn'", line: 3, column: 53, token: "\"spainn\"",
                path: "project.country", rowID: nil,
                expected: "an ISO 3166-1 alpha-3 code (ESP) or a country key of country-regions.csv (spain)",
                found: "'spainn'", suggestion: "did you mean 'spain'?"),
            in: outcome, source: text)
        #expect(outcome.diagnostics.count == 1)
    }

    @Test("An unknown climate zone is climate.unknown with the closest zone suggested")
    func unknownClimateZone() throws {
        // line 5: `"warm-temperate-dri"` starts at column 27
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dri", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": 150},
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
                code: "climate.unknown", message: "unknown climate zone 'warm-temperate-dri'", line: 5, column: 27,
                token: "\"warm-temperate-dri\"", path: "project.climate", rowID: nil,
                expected: "one of boreal-dry, boreal-moist, cool-temperate-dry, cool-temperate-moist, warm-temperate-dry, "
                    + "warm-temperate-moist, tropical-dry, tropical-moist, tropical-wet, tropical-montane",
                found: "'warm-temperate-dri'", suggestion: "did you mean 'warm-temperate-dry'?"),
            in: outcome, source: text)
        #expect(outcome.diagnostics.count == 1)
    }

    @Test("A WRB name that is no reference soil group is soil.unknown")
    func unknownWRBGroup() throws {
        // line 5: `"Moonsoil"` starts at column 65
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": {"wrb": "Moonsoil"}, "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": {"start": 150, "without": 150, "with": 150},
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
                code: "soil.unknown", message: "'Moonsoil' is not a WRB 2014 reference soil group", line: 5, column: 65,
                token: "\"Moonsoil\"", path: "project.soil.wrb", rowID: nil,
                expected: "one of the 32 groups, e.g. Cambisols, Ferralsols, Histosols", found: "'Moonsoil'"),
            in: outcome, source: text)
        #expect(outcome.diagnostics.count == 1)
    }
}
