import PerMille
import PerMilleTestSupport
import Testing

/// EX-ACT v9.4's own grassland example (method.md §5.4), and the IPCC method's SOM N2O on top of it.
@Suite("Grassland module")
struct GrasslandTests {
    static func demo() -> Project {
        let all150 = Triple(start: 150.0, without: 150, with: 150)
        return Project(
            description: description(),
            grassland: [
                GrasslandRow(
                    id: "G1", name: "Grazing pressure reduced", area: all150,
                    states: Triple(
                        start: GrasslandState(condition: "high-intensity-grazing"), without: GrasslandState(condition: "non-degraded"),
                        with: GrasslandState(condition: "non-degraded")),
                    dynamics: RowDynamics(.linear)),
                GrasslandRow(
                    id: "G2", name: "Commons protected", area: all150,
                    states: Triple(
                        start: GrasslandState(condition: "non-degraded"), without: GrasslandState(condition: "severely-degraded", fire: true),
                        with: GrasslandState(condition: "non-degraded")),
                    dynamics: RowDynamics(.linear)),
            ])
    }

    @Test("exact-v9.4 reproduces the workbook: without 1 650, with −825, balance −2 475")
    func workbookFigures() throws {
        let result = try assess(Self.demo(), method: .exactV94)
        // SOCref 24; SOC: high-intensity grazing 24 × 0.90 = 21.6, severely degraded 24 × 0.70 = 16.8.
        // Hectare series 0 → 150 linear over (5, 10): 15 + 45 + 75 + 105 + 135 + 10 × 150 = 1875 ha·yr.
        // G1: −(24 − 21.6) / 20 × 44/12 = −0.44 t CO2/ha/yr × 1875 = −825 in both scenarios.
        // G2 without: −(16.8 − 24) / 20 × 44/12 = +1.32 × 1875 = +2475; with: unchanged, 0.
        let g1 = try #require(result.rows.first { $0.id == "G1" }).balance(gwp: result.gwpFactors)
        let g2 = try #require(result.rows.first { $0.id == "G2" }).balance(gwp: result.gwpFactors)
        expectClose(g1.without, -825)
        expectClose(g1.with, -825)
        expectClose(g2.without, 2475)
        expectClose(g2.with, 0)
        expectClose(result.total.without, 1650)
        expectClose(result.total.with, -825)
        expectClose(result.total.balance, -2475)
        expectClose(result.projectArea, 300)
        expectClose(result.total.balance / result.projectArea / Double(result.totalYears), -0.55, within: 0.0001)
        #expect(result.total(of: result.rows, gas: .n2o).without == 0)
    }

    @Test("ipcc adds N2O from the soil organic matter G2 loses without the project (D3)")
    func somNitrousOxide() throws {
        let result = try assess(Self.demo(), method: .ipcc)
        // |ΔSOC| = 7.2 t C/ha over 20 yr = 0.36 t C/ha/yr; ÷ C:N 15 = 0.024 t N; × EF1 (dry, other N) 0.005
        // × 44/28 = 1.885714e-4 t N2O/ha/yr × 1875 ha·yr = 0.353571 t N2O; × GWP 265 = 93.70 t CO2e.
        let g2 = try #require(result.rows.first { $0.id == "G2" })
        expectClose(g2.mass(.without, .n2o), 0.353571, within: 1e-6)
        expectClose(g2.balance(gwp: result.gwpFactors).without, 2475 + 93.696, within: 0.01)
        let divergence = try #require(result.divergences.first { $0.rowID == "G2" })
        #expect(divergence.ids == [.d3])
        expectClose(divergence.differenceCO2e, 93.696, within: 0.01)
    }

    @Test("grassland fire with fuel: CH4 and N2O from ha × M_B × C_f × G_ef")
    func fire() throws {
        var project = Self.demo()
        project.grassland[1].states.without.fireFuelTonnesPerHa = 4
        project.grassland[1].states.without.fireIntervalYears = 2
        let result = try assess(project, method: .exactV94)
        // 4 t dm/ha × C_f 0.77 ÷ 2 yr = 1.54 t dm/ha/yr burnt; × G_ef CH4 2.3 g/kg = 0.003542 t CH4/ha/yr,
        // N2O 0.21 g/kg = 0.0003234 t/ha/yr; on the hectares that reached the burning state: 1875 ha·yr.
        let g2 = try #require(result.rows.first { $0.id == "G2" })
        expectClose(g2.mass(.without, .ch4), 0.003542 * 1875, within: 1e-6)
        expectClose(g2.mass(.without, .n2o), 0.0003234 * 1875, within: 1e-6)
        #expect(g2.mass(.with, .ch4) == 0)
    }

    @Test("a fire that starts with the project spreads with the dynamics, like any change of state")
    func fireOnly() throws {
        let calm = GrasslandState(condition: "non-degraded")
        let burnt = GrasslandState(condition: "non-degraded", fire: true, fireFuelTonnesPerHa: 4)
        let project = Project(
            description: description(),
            grassland: [
                GrasslandRow(
                    id: "G1", name: "Burning", area: Triple(start: 100, without: 100, with: 100), states: Triple(start: calm, without: calm, with: burnt),
                    dynamics: RowDynamics(.linear))
            ])
        let row = try #require(try assess(project, method: .ipcc).rows.first)
        // 4 × 0.77 = 3.08 t dm/ha/yr burnt × 2.3 g CH4/kg on the hectares reaching the state: 0 → 100 linear, 1250 ha·yr.
        expectClose(row.mass(.with, .ch4), 3.08 * 2.3 / 1000 * 1250, within: 1e-9)
        expectClose(row.mass(.with, .co2Soil), 0)
    }
}
