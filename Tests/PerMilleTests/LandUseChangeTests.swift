import PerMille
import PerMilleTestSupport
import Testing

@Suite("Land-use change, forest management and organic soils")
struct LandUseChangeTests {
    static let rainforest = ForestDescription(ecozone: "tropical-rainforest")

    @Test("deforestation to cropland: biomass, dead organic matter, soil and SOM N2O")
    func deforestation() throws {
        let project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "western-africa"),
            landUseChange: [
                LandUseChangeRow(
                    id: "L1", name: "Clearing", from: LandUse(key: "forest", forest: Self.rainforest), to: LandUse(key: "annual-cropland"), convertedWithout: 100, convertedWith: 0,
                    dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        let row = try #require(result.rows.first)
        // AGB 189.974 t C/ha (404.2 t dm ≥ 125 → R 0.532): living 189.974 × 1.532 = 291.040168;
        // litter 4.8 + dead wood 14.8; cropland after conversion 4.7 t C/ha.
        // (291.040168 + 19.6 − 4.7) × 44/12 = 1121.780616 t CO2/ha × 100 ha.
        expectClose(row.mass(.without, .co2Biomass), 112_178.0616)
        // Soil: SOCref 38 (tropical moist LAC) × (F_LU cropland 0.83 − forest 1) = −6.46 t C/ha;
        // 6.46 / 20 × 44/12 = 1.184333 t CO2/ha/yr × 1250 ha·yr = 1480.417.
        expectClose(row.mass(.without, .co2Soil), 1480.417)
        // N2O: 6.46 / 20 / C:N 15 × EF1 (moist: IPCC's wet 0.006 in ipcc, EX-ACT's 0.0055 in exact-v9.4; D12) × 44/28 × 1250.
        expectClose(row.mass(.without, .n2o), 6.46 / 20 / 15 * 0.006 * 44 / 28 * 1250, within: 1e-9)
        let exact = try #require(try assess(project, method: .exactV94).rows.first)
        expectClose(exact.mass(.without, .n2o), 6.46 / 20 / 15 * 0.0055 * 44 / 28 * 1250, within: 1e-9)
        #expect(row.mass(.with, .co2Biomass) == 0)
    }

    @Test("afforestation of grassland: stock lost, forest growth and dead organic matter building up")
    func afforestation() throws {
        let project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "western-africa"),
            landUseChange: [
                LandUseChangeRow(
                    id: "L2", name: "Planting", from: LandUse(key: "grassland"), to: LandUse(key: "forest", forest: Self.rainforest), convertedWithout: 0, convertedWith: 100,
                    dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        let row = try #require(result.rows.first)
        // Grassland stock 7.567 t C/ha lost: 7.567 × 44/12 × 100 = 2774.567 t CO2.
        // Growth (all stands ≤ 20 yr): 7.6 t dm × (1 + R 0.825) × CF 0.47 = 6.5189 t C/ha/yr × 1250 ha·yr.
        // Dead organic matter: (4.8 + 14.8) / 20 = 0.98 t C/ha/yr × 1250 ha·yr (all within 20 years).
        let expected = 2774.567 - 6.5189 * 1250 * 44 / 12 - 0.98 * 1250 * 44 / 12
        expectClose(row.mass(.with, .co2Biomass), expected)
        expectClose(row.mass(.with, .co2Soil), 0)
    }

    @Test("forest degradation books the lost living biomass as hectares degrade")
    func degradation() throws {
        let intact = ForestState(biomassLossPercent: 0)
        let project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "western-africa"),
            forestManagement: [
                ForestManagementRow(
                    id: "F1", name: "Logging", forest: Self.rainforest, area: Triple(start: 200, without: 200, with: 200),
                    states: Triple(start: intact, without: ForestState(biomassLossPercent: 30), with: intact), dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        // 30 % of 291.040168 t C/ha = 87.31205 t C/ha × 44/12 × 200 ha.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.without, .co2Biomass), 0.3 * 291.040168 * 44 / 12 * 200)
        expectClose(row.mass(.with, .co2Biomass), 0)
    }

    @Test("rewetting a drained tropical grassland peat")
    func rewetting() throws {
        let drained = OrganicSoilState(landUse: "grassland", water: .drained, nutrient: "poor")
        let project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "south-eastern-asia"),
            organicSoils: [
                OrganicSoilRow(
                    id: "O1", name: "Peat", area: Triple(start: 100, without: 100, with: 100),
                    states: Triple(start: drained, without: drained, with: OrganicSoilState(landUse: "grassland", water: .rewetted, nutrient: "poor")),
                    dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        let row = try #require(result.rows.first)
        // Drained: (9.6 + DOC 0.82) × 44/12 = 38.206667 t CO2/ha/yr; CH4 7 kg; N2O 5 kg N2O-N × 44/28.
        // Without: 100 ha × 15 yr.
        expectClose(row.mass(.without, .co2Soil), 38.206667 * 1500, within: 0.05)
        expectClose(row.mass(.without, .ch4), 0.007 * 1500, within: 1e-6)
        expectClose(row.mass(.without, .n2o), 0.005 * 44 / 28 * 1500, within: 1e-6)
        // With: rewetted hectares 0 → 100 (1250 ha·yr) at DOC 0.51 t C and CH4 41 kg CH4-C;
        // hectares still drained 100 → 0 (250 ha·yr) at the drained rates.
        expectClose(row.mass(.with, .co2Soil), 0.51 * 44 / 12 * 1250 + 38.206667 * 250, within: 0.05)
        expectClose(row.mass(.with, .ch4), 0.041 * 16 / 12 * 1250 + 0.007 * 250, within: 1e-6)
        #expect(row.notes.contains { $0.contains("Frac_ditch") })
    }
}
