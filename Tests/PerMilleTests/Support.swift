import PerMille
import PerMilleData
import Testing

/// Factor tables shipped in `Indicators/`, loaded once for all tests.
enum TestData {
    static let factors: FactorSet = {
        do { return try IndicatorsLoader.load() } catch let error as DiagnosticsError { fatalError("bundled indicators do not load: \(error.diagnostics)") } catch {
            fatalError("\(error)")
        }
    }()
}

/// Absolute tolerance for t CO2e and hectare figures: the spec's reference values are given to 0.01.
let tolerance = 0.01

func expectClose(_ actual: Double, _ expected: Double, within limit: Double = tolerance, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= limit, "\(actual) is not within \(limit) of \(expected). \(comment?.rawValue ?? "")", sourceLocation: sourceLocation)
}

/// A project description on the site of EX-ACT's grassland example unless told otherwise.
func description(
    climate: String = "warm-temperate-dry", soil: String = "high-activity-clay", region: String = "europe",
    implementation: Int = 5, capitalization: Int = 10, method: Method = .ipcc
) -> ProjectDescription {
    ProjectDescription(
        name: "test", region: region, startYear: 2026, implementationYears: implementation,
        capitalizationYears: capitalization, climate: .zone(ClimateZone(rawValue: climate)),
        soil: .soilClass(SoilClass(rawValue: soil)), method: method)
}

func assess(_ project: Project, method: Method) throws -> Assessment {
    do { return try Assessor.assess(project, factors: TestData.factors, method: method) } catch {
        Issue.record("assessment failed: \(error.missingFactors) \(error.siteErrors)")
        throw error
    }
}
