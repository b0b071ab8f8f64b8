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
    let riceWater: [String]
    let ricePreseason: [String]
    let riceStraw: [String]
    let riceAmendments: [String]
    /// Animal keys of `livestock-parameters`.
    let livestockSpecies: [String]
    let livestockProductivity: [String]
    /// System keys of `livestock-manure-system-shares`.
    let manureSystems: [String]
    /// Kind keys of `input-kinds`, and what the table says of each.
    let inputKinds: [String]
    let inputKindDetails: [String: InputKind]
    /// Tier 2 factor names an override may use (`OverridesReader.knownFactors`), sorted.
    let overridableFactors: [String]

    /// One row of `input-kinds`: the unit of its amounts and the fuel uses it has factors for.
    struct InputKind: Sendable {
        var unit: String
        /// `stationary`, `mobile`, `off-road`: those whose `fuel_…` column is not `none`, in that order.
        var fuelUses: [String]
    }

    static let dynamics = DynamicsKind.allCases.map(\.rawValue)
    static let residues = ResidueHandling.allCases.map(\.rawValue)
    static let annualLandUses = ["annual-cropland", "set-aside"]
    static let forestTypes = ["natural", "plantation"]
    static let forestConditions = ["primary", "secondary"]
    static let standAges = ["gt-20-years", "le-20-years"]
    static let water = OrganicSoilWater.allCases.map(\.rawValue)
    static let nutrients = ["poor", "rich"]
    /// Fuel uses of an input row; each has a `fuel_…` column in `input-kinds` (`off-road` → `fuel_off_road`).
    static let fuelUses = ["stationary", "mobile", "off-road"]

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
        landUses =
            ["forest", "annual-cropland", "set-aside", "flooded-rice", "grassland", "degraded-land", "other-land-non-vegetated"]
            + perennialSystems
        forestEcozones = keys("forest-biomass", "ecozone")
        organicLandUses =
            keys("organic-soil-drainage", "land_use").filter { !["other-land", "other-land-use", "settlement"].contains($0) }
            + ["peat-extraction"]
        wrbGroups = keys("wrb-soil-groups", "wrb_group")
        riceWater = vocabulary("rice-water")
        ricePreseason = vocabulary("rice-preseason")
        riceStraw = vocabulary("rice-straw")
        riceAmendments = vocabulary("rice-amendment")
        livestockSpecies = keys("livestock-parameters", "animal")
        livestockProductivity = keys("livestock-parameters", "productivity")
        manureSystems = keys("livestock-manure-system-shares", "manure_system")
        inputKinds = keys("input-kinds", "kind")
        var details: [String: InputKind] = [:]
        for record in factors.tables["input-kinds"]?.records ?? [] {
            guard let kind = record.key.first else { continue }
            let uses = Self.fuelUses.filter { use in
                let factor = record.text["fuel_" + String(use.map { $0 == "-" ? "_" : $0 })] ?? "none"
                return !factor.isEmpty && factor != "none"
            }
            details[kind] = InputKind(unit: record.text["amount_unit"] ?? "", fuelUses: uses)
        }
        inputKindDetails = details
        overridableFactors = OverridesReader.knownFactors(manureSystems: manureSystems, landUses: landUses).keys.sorted()
    }
}
