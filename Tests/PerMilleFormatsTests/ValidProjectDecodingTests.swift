import Foundation
import PerMille
import Testing

@testable import PerMilleFormats

/// Valid files decode into the project they describe, with no diagnostics at all.
@Suite("Decoding valid project files")
struct ValidProjectDecodingTests {
    /// The demo fixture with one piece of text replaced; fails the test if the piece is not there.
    static func demo(replacing original: String, with replacement: String) throws -> String {
        let text = try DecoderTestSupport.grasslandDemo()
        try #require(text.contains(original), "the fixture no longer contains \(original)")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    @Test("The grassland demo decodes with no diagnostics into its description and two rows")
    func grasslandDemoDecodes() throws {
        let outcome = DecoderTestSupport.decode(try DecoderTestSupport.grasslandDemo())
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let project = try #require(outcome.project)

        #expect(project.format == "permille/1")
        let description = project.description
        #expect(description.name == "Grassland demo")
        #expect(description.country == "spain")
        #expect(description.region == "europe")
        #expect(description.startYear == 2026)
        #expect(description.implementationYears == 5)
        #expect(description.capitalizationYears == 10)
        #expect(description.totalYears == 15)
        #expect(description.climate == .zone(ClimateZone(rawValue: "warm-temperate-dry")))
        #expect(description.soil == .soilClass(SoilClass(rawValue: "high-activity-clay")))
        #expect(description.gwp == .ar5)
        #expect(description.factorSet == .ipcc2019, "default")
        #expect(description.method == .ipcc, "default")
        #expect(description.dynamics == .linear, "default")

        #expect(project.rowCount == 2)
        #expect(project.grassland.map(\.id) == ["G1", "G2"])
        let g1 = project.grassland[0]
        let g2 = project.grassland[1]
        #expect(g1.name == "Grazing pressure reduced")
        #expect(g1.area == Triple(start: 150, without: 150, with: 150))
        #expect(g2.area == Triple(start: 150, without: 150, with: 150))
        #expect(g1.states.start == GrasslandState(condition: "high-intensity-grazing"))
        #expect(g1.states.without == GrasslandState(condition: "non-degraded"))
        #expect(g1.states.with == GrasslandState(condition: "non-degraded"))
        #expect(g2.states.start == GrasslandState(condition: "non-degraded"))
        #expect(g2.states.without == GrasslandState(condition: "severely-degraded", fire: true))
        #expect(g2.states.with == GrasslandState(condition: "non-degraded"))
        #expect(g1.dynamics == RowDynamics(.linear))
        #expect(g2.dynamics == RowDynamics(.linear))
        #expect(project.overrides.isEmpty)
        #expect(project.indicators.isEmpty)
    }

    @Test("Row dynamics: the project's default, one kind, or one per scenario")
    func dynamicsPerRowAndScenario() throws {
        var text = try Self.demo(replacing: #""gwp": "AR5" }"#, with: #""gwp": "AR5", "dynamics": "exponential" }"#)
        text = text.replacingOccurrences(
            of: #""with": {"condition": "non-degraded"} },"#,
            with: #""with": {"condition": "non-degraded"}, "dynamics": {"without": "linear", "with": "immediate"} },"#)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let project = try #require(outcome.project)
        #expect(project.description.dynamics == .exponential)
        #expect(project.grassland[0].dynamics == RowDynamics(without: .linear, with: .immediate))
        #expect(project.grassland[1].dynamics == RowDynamics(.exponential), "rows without dynamics take the project's")
    }

    @Test("A country is an ISO alpha-3 code (any case) or a country key", arguments: ["ESP", "esp", "spain"])
    func countryCodesMapToCountryKey(country: String) throws {
        let text = try Self.demo(replacing: #""country": "ESP""#, with: #""country": "\#(country)""#)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.project?.description.country == "spain")
    }

    @Test("Measured climate decodes, and its zone derives as warm temperate dry")
    func measuredClimateDecodes() throws {
        let measured = #"""
            {"meanAnnualTemperatureC": 15, "annualPrecipitationMm": 400,
                        "potentialEvapotranspirationMm": 900, "elevationM": 200}
            """#
        let text = try Self.demo(replacing: #""warm-temperate-dry""#, with: measured)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let climate = try #require(outcome.project?.description.climate)
        let expected = MeasuredClimate(
            meanAnnualTemperatureC: 15, annualPrecipitationMm: 400, potentialEvapotranspirationMm: 900, elevationM: 200)
        #expect(climate == .measured(expected))
        #expect(try SiteResolver.climateZone(for: expected).zone == ClimateZone(rawValue: "warm-temperate-dry"))
    }

    @Test("A WRB reference soil group decodes, singular or plural", arguments: ["Cambisol", "Cambisols", "cambisols"])
    func wrbSoilGroupDecodes(group: String) throws {
        let text = try Self.demo(replacing: #""high-activity-clay""#, with: #"{"wrb": "\#(group)"}"#)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.project?.description.soil == .wrb(group))
    }
}
