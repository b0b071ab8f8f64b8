import PerMille

/// The keys a project file may use, taken from the factor tables so new data needs no code change.
final class Vocabulary: Sendable {
    let climateZones: [String]
    let soilClasses: [String]
    let regions: [String]
    let countries: Set<String>
    let isoCodes: [String: String]
    let tillage: [String]
    let inputs: [String]
    let grasslandConditions: [String]
    let improvedInputs: [String]
    let perennialSystems: [String]
    let crops: [String]
    let landUses: [String]
    let forestEcozones: [String]
    let organicLandUses: [String]
    let wrbGroups: [String]

    static let dynamics = DynamicsKind.allCases.map(\.rawValue)
    static let residues = ["retained", "burned", "exported"]
    static let annualLandUses = ["annual-cropland", "set-aside"]
    static let forestTypes = ["natural", "plantation"]
    static let forestConditions = ["primary", "secondary"]
    static let standAges = ["gt-20-years", "le-20-years"]
    static let water = ["drained", "rewetted", "undrained"]
    static let nutrients = ["poor", "rich"]

    init(factors: FactorSet) {
        func keys(_ table: String, _ column: String) -> [String] {
            factors.tables[table]?.distinctValues(ofKey: column) ?? []
        }
        func vocabulary(_ field: String) -> [String] {
            (factors.tables["vocabulary"]?.records ?? []).filter { $0.key.first == field }.compactMap { $0.key.last }.sorted()
        }
        climateZones = ClimateZone.accepted.map(\.rawValue)
        soilClasses = SoilClass.accepted.map(\.rawValue)
        let countryRecords = factors.tables["country-regions"]?.records ?? []
        regions = Array(Set(countryRecords.compactMap { $0.text["region"] }.filter { !$0.isEmpty })).sorted()
        countries = Set(countryRecords.compactMap(\.key.first))
        var iso: [String: String] = [:]
        for record in factors.tables["iso-countries"]?.records ?? [] {
            if let code = record.key.first, let country = record.text["country"] { iso[code] = country }
        }
        isoCodes = iso
        tillage = vocabulary("tillage")
        inputs = vocabulary("input")
        grasslandConditions = vocabulary("grassland-condition")
        improvedInputs = vocabulary("grassland-improved-input")
        perennialSystems = keys("perennial-max-agb", "system")
        crops = keys("crop-yields", "crop")
        landUses = ["forest", "annual-cropland", "set-aside", "flooded-rice", "grassland", "degraded-land", "other-land-non-vegetated"]
            + perennialSystems
        forestEcozones = keys("forest-biomass", "ecozone")
        organicLandUses = keys("organic-soil-drainage", "land_use").filter { !["other-land", "other-land-use", "settlement"].contains($0) }
            + ["peat-extraction"]
        wrbGroups = keys("wrb-soil-groups", "wrb_group")
    }
}
