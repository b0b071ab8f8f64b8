import PerMille
import PerMilleTestSupport
import Testing

/// The worked examples of coastal-wetlands.md §4, with FAO's engine numbers (0.01 t).
@Suite("Coastal wetlands")
struct CoastalWetlandsTests {
    static func project(
        climate: String, implementation: Int = 5, capitalization: Int, gwp: GWPSet = .ar5, row: CoastalWetlandRow
    ) -> Project {
        var description = description(climate: climate, soil: "low-activity-clay", region: "south-eastern-asia", implementation: implementation, capitalization: capitalization)
        description.gwp = gwp
        return Project(description: description, coastalWetlands: [row])
    }

    static func state(_ drained: Double = 0, _ excavated: Double = 0, _ revegetated: Double = 0) -> CoastalWetlandState {
        CoastalWetlandState(drainedHa: drained, excavatedHa: excavated, revegetatedHa: revegetated)
    }

    static let workbook = project(
        climate: "warm-temperate-dry", capitalization: 10,
        row: CoastalWetlandRow(
            id: "TM1", name: "tidal marsh", vegetation: .tidalMarsh, soil: .mineral, salinity: .below18,
            area: Triple(start: 50, without: 50, with: 50),
            states: Triple(start: state(22.5), without: state(12.5, 25), with: state(12.5, 25)), dynamics: RowDynamics(.linear)))

    static func m1(_ dynamics: DynamicsKind) -> Project {
        project(
            climate: "tropical-moist", capitalization: 15,
            row: CoastalWetlandRow(
                id: "M1", name: "mangrove", vegetation: .mangrove, soil: .mineral,
                area: Triple(start: 100, without: 100, with: 100),
                states: Triple(start: state(), without: state(20, 30), with: state()), dynamics: RowDynamics(dynamics)))
    }

    static func m2(_ dynamics: DynamicsKind) -> Project {
        project(
            climate: "tropical-wet", capitalization: 15,
            row: CoastalWetlandRow(
                id: "M2", name: "drained mangrove", vegetation: .mangrove, soil: .organic, salinity: .below18,
                area: Triple(start: 40, without: 40, with: 40),
                states: Triple(start: state(40), without: state(40), with: state(0, 0, 40)), dynamics: RowDynamics(dynamics)))
    }

    static func fortyYears(_ dynamics: DynamicsKind) -> Project {
        project(
            climate: "cool-temperate-moist", implementation: 10, capitalization: 30, gwp: .ar6,
            row: CoastalWetlandRow(
                id: "TM2", name: "tidal marsh", vegetation: .tidalMarsh, soil: .aggregated, salinity: .above18,
                area: Triple(start: 60, without: 60, with: 60),
                states: Triple(start: state(30, 5), without: state(30, 25), with: state(0, 5, 30)), dynamics: RowDynamics(dynamics)))
    }

    /// co2-biomass, co2-soil (t CO2), ch4 (t CH4) of a scenario.
    func expect(_ row: RowResult, _ outcome: Outcome, _ biomass: Double, _ soil: Double, _ ch4: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectClose(row.mass(outcome, .co2Biomass), biomass, within: 0.01, "\(row.id) \(outcome) co2-biomass", sourceLocation: sourceLocation)
        expectClose(row.mass(outcome, .co2Soil), soil, within: 0.01, "\(row.id) \(outcome) co2-soil", sourceLocation: sourceLocation)
        expectClose(row.mass(outcome, .ch4), ch4, within: 0.01, "\(row.id) \(outcome) ch4", sourceLocation: sourceLocation)
    }

    @Test("§4.1 the workbook's tidal-marsh example: 24 674.91 t CO2e in each scenario")
    func workbookExample() throws {
        let result = try assess(Self.workbook, method: .exactV94)
        let row = try #require(result.rows.first)
        for outcome in Outcome.allCases { expect(row, outcome, 0, 23_996.96, 24.2125) }
        expectClose(result.total.without, 24_674.91)
        expectClose(result.total.with, 24_674.91)
    }

    @Test("§4.2 mangrove kept from ponds and drains: balance −66 083.98 t CO2e, yearly as FAO's engine")
    func mangroveProtected() throws {
        let result = try assess(Self.m1(.linear), method: .exactV94)
        let row = try #require(result.rows.first)
        expect(row, .without, 25_744.05, 40_339.93, 0)
        expect(row, .with, 0, 0, 0)
        expectClose(result.total.with - result.total.without, -66_083.98)
        let biomass = [5_619.56, 4_501.53, 3_383.50, 2_265.48, 1_147.45] + Array(repeating: 588.44, count: 15)
        let soil = [10_930.51, 8_630.25, 6_329.99, 4_029.73, 1_729.46] + Array(repeating: 579.33, count: 15)
        for year in 0..<20 {
            expectClose(row.emissions.without.value(.co2Biomass, year: year), biomass[year], within: 0.01, "biomass year \(year + 1)")
            expectClose(row.emissions.without.value(.co2Soil, year: year), soil[year], within: 0.01, "soil year \(year + 1)")
        }
    }

    @Test("§4.3 drained mangrove rewetted and replanted: balance −59 254.22 t CO2e")
    func mangroveRewetted() throws {
        let result = try assess(Self.m2(.linear), method: .exactV94)
        let row = try #require(result.rows.first)
        expect(row, .without, 20_595.24, 20_276.67, 0)
        expect(row, .with, -18_020.83, -4_158.00, 135.59)
        expectClose(result.total.without, 40_871.91)
        expectClose(result.total.with, -18_382.31)
        expectClose(result.total.with - result.total.without, -59_254.22)
    }

    @Test("§4.4 the same rows under immediate and exponential dynamics")
    func otherDynamics() throws {
        let m1Immediate = try #require(try assess(Self.m1(.immediate), method: .exactV94).rows.first)
        expect(m1Immediate, .without, 10_297.62, 11_586.67, 0)
        let m1Exponential = try #require(try assess(Self.m1(.exponential), method: .exactV94).rows.first)
        expect(m1Exponential, .without, 25_744.05, 40_881.03, 0)
        let m2Immediate = try #require(try assess(Self.m2(.immediate), method: .exactV94).rows.first)
        expect(m2Immediate, .without, 20_595.24, 23_173.33, 0)
        expect(m2Immediate, .with, -20_080.36, -4_752.00, 154.96)
        let m2Exponential = try #require(try assess(Self.m2(.exponential), method: .exactV94).rows.first)
        expect(m2Exponential, .without, 20_595.24, 21_358.87, 0)
        expect(m2Exponential, .with, -18_982.64, -4_752.00, 142.8267)
    }

    @Test("§4.4 forty years: drainage cut at N = 32 years, excavation counted 0 under immediate")
    func fortyYearRow() throws {
        let immediate = try #require(try assess(Self.fortyYears(.immediate), method: .exactV94).rows.first)
        expectClose(immediate.mass(.without, .co2Soil), 27_373.50)
        expectClose(immediate.mass(.with, .co2Soil), -4_004.00)
        expectClose(immediate.mass(.with, .ch4), 0)
        #expect(immediate.notes.contains { $0.contains("excavation counted 0 under immediate dynamics") })
        let linear = try #require(try assess(Self.fortyYears(.linear), method: .exactV94).rows.first)
        expectClose(linear.mass(.without, .co2Soil), 45_586.20)
        expectClose(linear.mass(.with, .co2Soil), -3_503.50)
    }

    @Test("ipcc: immediate excavation is booked in year 1, land drained at the start loses no biomass, and the differences are named")
    func ipccTreatment() throws {
        let immediate = try assess(Self.m1(.immediate), method: .ipcc)
        let row = try #require(immediate.rows.first)
        // 30 ha × (514.8810 + 1006.72) + 20 ha × 514.8810 all in year 1; drainage soil 28.9667 × 20 ha × 20 yr.
        expectClose(row.mass(.without, .co2Biomass), 50 * 514.8810, within: 0.05)
        expectClose(row.emissions.without.value(.co2Biomass, year: 0), 50 * 514.8810, within: 0.05)
        expectClose(row.mass(.without, .co2Soil), 30 * 1_006.72 + 7.9 * 44 / 12 * 20 * 20, within: 0.05)
        #expect(row.divergenceIDs.contains(.d22))
        #expect(immediate.divergences.contains { $0.ids.contains(.d22) && $0.gas == .co2Soil })

        let rewetted = try #require(try assess(Self.m2(.linear), method: .ipcc).rows.first)
        // Already drained at the start: no biomass loss without the project; soil CO2 from year 1 (40 ha × 20 yr).
        expectClose(rewetted.mass(.without, .co2Biomass), 0)
        expectClose(rewetted.mass(.without, .co2Soil), 7.9 * 44 / 12 * 40 * 20, within: 0.05)
        #expect(rewetted.divergenceIDs.contains(.d23))
    }

    @Test("a mangrove in a cool zone that rewets needs a Tier 2 rewetting factor; one that does not rewet is assessed")
    func missingRewettingFactor() throws {
        let rewets = Self.project(
            climate: "cool-temperate-moist", capitalization: 15,
            row: CoastalWetlandRow(
                id: "C1", name: "cool mangrove", vegetation: .mangrove, area: Triple(start: 10, without: 10, with: 10),
                states: Triple(start: Self.state(10), without: Self.state(10), with: Self.state(0)), dynamics: RowDynamics(.linear)))
        #expect {
            try Assessor.assess(rewets, factors: TestData.factors, method: .exactV94)
        } throws: { error in
            guard let missing = (error as? Assessor.Failure)?.missingFactors.first else { return false }
            return missing.rowID == "C1" && (missing.hint ?? "").contains("coastal-rewetting-co2")
        }
        var stays = rewets
        stays.coastalWetlands[0].states.with = Self.state(10)
        #expect(throws: Never.self) { try Assessor.assess(stays, factors: TestData.factors, method: .exactV94) }
    }
}
