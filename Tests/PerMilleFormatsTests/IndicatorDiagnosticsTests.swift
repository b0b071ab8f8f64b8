import PerMille
import Testing

@testable import PerMilleFormats

/// The project file's `indicators` section against the indicator catalogue.
@Suite("Diagnostics about reported indicators")
struct IndicatorDiagnosticsTests {
    static let catalogue = IndicatorCatalogue(indicators: [
        IndicatorDefinition(
            id: "beneficiaries", name: "Beneficiaries", unit: "count", kind: .reported, how: "reported", criteria: ["1.3"], sdgs: ["1"],
            inputs: [
                IndicatorInput(key: "households", kind: .number, unit: "households", minimum: 0),
                IndicatorInput(key: "womenBeneficiaryShare", kind: .number, unit: "share 0–1", minimum: 0, maximum: 1),
            ]),
        IndicatorDefinition(
            id: "mrv-readiness", name: "MRV", unit: "checklist", kind: .checklist, how: "evidence", criteria: [], sdgs: [],
            inputs: [
                IndicatorInput(key: "monitoringPlan", kind: .choice, choices: ["soil-sampling", "remote-sensing"]),
                IndicatorInput(key: "controlPlots", kind: .evidence),
            ]),
    ])

    static func decode(_ indicators: String) -> ProjectDecoder.Outcome {
        let text = """
            {"format": "permille/1",
             "project": {"name": "p", "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10, "climate": "warm-temperate-dry", "soil": "high-activity-clay"},
             "modules": {"grassland": [{"id": "G1", "area": {"start": 10, "without": 10, "with": 10}, "start": {"condition": "non-degraded"}, "without": {"condition": "non-degraded"}, "with": {"condition": "improved"}}]},
             "indicators": \(indicators)}
            """
        return ProjectDecoder(factors: DecoderTestSupport.factors, catalogue: Self.catalogue).decode(json: Array(text.utf8), file: "p.json")
    }

    @Test("keys of the catalogue with values of their kind are read")
    func valid() throws {
        let outcome = Self.decode(#"{"households": 120, "womenBeneficiaryShare": 0.4, "monitoringPlan": "soil-sampling", "controlPlots": "Annex 3, p. 12"}"#)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let project = try #require(outcome.project)
        #expect(project.indicators["households"] == .number(120))
        #expect(project.indicators["controlPlots"] == .text("Annex 3, p. 12"))
    }

    @Test("an unknown key names the catalogue and suggests the closest key")
    func unknownKey() throws {
        let outcome = Self.decode(#"{"houshold": 120}"#)
        #expect(outcome.project == nil)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.code == "indicator.unknown")
        #expect(diagnostic.message == "'houshold' is not a key of the indicator catalogue (Indicators/catalogue/indicators.json)")
        #expect(diagnostic.location?.line == 4)
        #expect(diagnostic.location?.column == 17)
        #expect(diagnostic.path == "indicators.houshold")
        #expect(diagnostic.suggestion == "did you mean 'households'?")
    }

    @Test("a value outside its bounds, of the wrong type, or not one of the choices is refused")
    func wrongValues() {
        let outcome = Self.decode(#"{"womenBeneficiaryShare": 45, "households": "many", "monitoringPlan": "drones", "controlPlots": false}"#)
        let byPath = Dictionary(uniqueKeysWithValues: outcome.diagnostics.map { ($0.path ?? "", $0) })
        #expect(byPath["indicators.womenBeneficiaryShare"]?.expected == "a number ≤ 1.0 (share 0–1)")
        #expect(byPath["indicators.womenBeneficiaryShare"]?.found == "45")
        #expect(byPath["indicators.households"]?.expected == "a number (households)")
        #expect(byPath["indicators.monitoringPlan"]?.expected == "one of soil-sampling, remote-sensing")
        #expect(byPath["indicators.controlPlots"]?.expected == "evidence: true, or a reference (document, page, note)")
        #expect(outcome.diagnostics.allSatisfy { $0.code == "indicator.value" })
    }
}
