import PerMille
import PerMilleTestSupport
import Testing

@Suite("Area checks and uncertainty classes")
struct AreaCheckAndUncertaintyTests {
    static let systems: Set<String> = ["silvopasture", "orchard"]

    static func grassland(_ id: String, _ start: Double, _ with: Double) -> GrasslandRow {
        let state = GrasslandState(condition: "non-degraded")
        return GrasslandRow(
            id: id, name: id, area: Triple(start: start, without: start, with: with), states: Triple(start: state, without: state, with: state), dynamics: RowDynamics(.linear))
    }

    static func orchard(_ id: String, _ with: Double) -> PerennialRow {
        let state = PerennialState(system: "orchard")
        return PerennialRow(
            id: id, name: id, area: Triple(start: 0, without: 0, with: with), states: Triple(start: state, without: state, with: state), dynamics: RowDynamics(.linear))
    }

    static func conversion(_ id: String, from: String, to: String, with: Double) -> LandUseChangeRow {
        LandUseChangeRow(id: id, name: id, from: LandUse(key: from), to: LandUse(key: to), convertedWithout: 0, convertedWith: with, dynamics: RowDynamics(.linear))
    }

    @Test("land entering a module without a land-use-change row is an error naming rows and hectares")
    func unexplainedGain() {
        let project = Project(description: description(), perennialCrops: [Self.orchard("P1", 60)], grassland: [Self.grassland("G1", 100, 100)])
        let issues = AreaCheck.check(project, perennialSystems: Self.systems)
        let issue = issues.first
        #expect(issues.count == 1)
        #expect(issue?.code == "area.unexplained-gain")
        #expect(issue?.severity == .error)
        #expect(issue?.rowIDs == ["P1"])
        #expect(issue?.outcome == .with)
        #expect(issue?.message == "rows P1 gain 60 ha of perennial cropland in 'with', but no land-use-change row brings land into perennial cropland")
    }

    @Test("a message names at most ten rows and says how many there are; the issue keeps every id")
    func longRowListing() {
        let orchards = (1...12).map { Self.orchard("P\($0)", 5) }
        let project = Project(description: description(), perennialCrops: orchards)
        let issue = AreaCheck.check(project, perennialSystems: Self.systems).first
        #expect(issue?.rowIDs == orchards.map(\.id))
        #expect(
            issue?.message
                == "rows P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, … (12 rows) gain 60 ha of perennial cropland in 'with', but no land-use-change row brings land into perennial cropland"
        )
    }

    @Test("a matching land-use-change row explains the move; a different amount is a warning")
    func explainedMove() {
        var project = Project(
            description: description(), landUseChange: [Self.conversion("L1", from: "grassland", to: "orchard", with: 60)],
            perennialCrops: [Self.orchard("P1", 60)], grassland: [Self.grassland("G1", 100, 40)])
        #expect(AreaCheck.check(project, perennialSystems: Self.systems).isEmpty)
        project.grassland[0].area.with = 50
        let issues = AreaCheck.check(project, perennialSystems: Self.systems)
        #expect(issues.map(\.code) == ["area.unbalanced"])
        #expect(issues.first?.severity == .warning)
        #expect(issues.first?.rowIDs == ["G1", "L1"])
        #expect(issues.first?.found == "-50 ha")
        #expect(issues.first?.expected == "-60 ha (land-use change in − out)")
    }

    @Test("project area counts converted land once: in the rows that lose it, or on its own when no row holds it")
    func projectArea() {
        // Grassland 100 → 40 ha and a 60 ha conversion to orchard: the 60 ha are the grassland's, so 100 ha in all.
        let moved = Project(
            description: description(), landUseChange: [Self.conversion("L1", from: "grassland", to: "orchard", with: 60)],
            perennialCrops: [Self.orchard("P1", 60)], grassland: [Self.grassland("G1", 100, 40)])
        #expect(AreaCheck.projectArea(moved, perennialSystems: Self.systems) == 100)
        // The same conversion from grassland no row describes adds its 60 ha to the 100 ha that stay.
        let separate = Project(
            description: description(), landUseChange: [Self.conversion("L1", from: "grassland", to: "orchard", with: 60)],
            perennialCrops: [Self.orchard("P1", 60)], grassland: [Self.grassland("G1", 100, 100)])
        #expect(AreaCheck.projectArea(separate, perennialSystems: Self.systems) == 160)
    }

    @Test("losing land with no conversion out is an error; organic soils must keep their total")
    func lossAndOrganic() {
        let drained = OrganicSoilState(landUse: "grassland", water: .drained, nutrient: "poor")
        let project = Project(
            description: description(), grassland: [Self.grassland("G1", 100, 70)],
            organicSoils: [
                OrganicSoilRow(
                    id: "O1", name: "peat", area: Triple(start: 50, without: 50, with: 40), states: Triple(start: drained, without: drained, with: drained),
                    dynamics: RowDynamics(.linear))
            ])
        let issues = AreaCheck.check(project, perennialSystems: Self.systems)
        #expect(issues.map(\.code).sorted() == ["area.organic-total", "area.unexplained-loss"])
        #expect(issues.first { $0.code == "area.organic-total" }?.found == "40 ha")
    }

    @Test("grassland example: the soil cell's uncertainty is 2475 × 50 % = 1237.5 t CO2e (method.md §14.5)")
    func grasslandUncertainty() throws {
        let grazed = GrasslandState(condition: "high-intensity-grazing")
        let intact = GrasslandState(condition: "non-degraded")
        let degraded = GrasslandState(condition: "severely-degraded")
        let project = Project(
            description: description(method: .exactV94),
            grassland: [
                GrasslandRow(
                    id: "G1", name: "G1", area: Triple(start: 150, without: 150, with: 150), states: Triple(start: grazed, without: intact, with: intact),
                    dynamics: RowDynamics(.linear)),
                GrasslandRow(
                    id: "G2", name: "G2", area: Triple(start: 150, without: 150, with: 150), states: Triple(start: intact, without: degraded, with: intact),
                    dynamics: RowDynamics(.linear)),
            ])
        let result = try assess(project, method: .exactV94)
        let uncertainty = try #require(result.uncertainty)
        let soil = try #require(uncertainty.cells.first { $0.component == .soil })
        #expect(soil.stars == "****")
        expectClose(result.total.balance, -2475)
        expectClose(soil.uncertainty.balance, 1237.5)
        // Totals are plain sums of the cells, and the % is U ÷ Σ |cell flux|.
        expectClose(uncertainty.total.balance, uncertainty.cells.reduce(0) { $0 + $1.uncertainty.balance }, within: 1e-9)
        expectClose(uncertainty.percent.balance, uncertainty.total.balance / uncertainty.absoluteFlux.balance * 100, within: 1e-9)
    }
}
