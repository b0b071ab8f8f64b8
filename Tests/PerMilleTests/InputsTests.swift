import PerMille
import PerMilleTestSupport
import Testing

@Suite("Inputs and energy")
struct InputsTests {
    static func project(_ rows: [InputRow], climate: String = "tropical-moist", overrides: [FactorOverride] = []) -> Project {
        var description = description(climate: climate, soil: "low-activity-clay", region: "western-africa")
        description.country = "ghana"
        return Project(description: description, inputs: rows, overrides: overrides)
    }

    static func row(_ kind: String, _ start: Double, _ without: Double, _ with: Double, id: String = "I1", inCountry: Bool = false, fuelUse: String = "stationary") -> InputRow {
        InputRow(
            id: id, name: kind, kind: kind, amount: Triple(start: start, without: without, with: with), manufacturedInCountry: inCountry, fuelUse: fuelUse,
            dynamics: RowDynamics(.linear))
    }

    @Test("synthetic N: direct N2O with EF1, indirect N2O (ipcc), manufacture; amounts follow the dynamics")
    func syntheticNitrogen() throws {
        let result = try assess(Self.project([Self.row("synthetic-n", 10, 10, 5)]), method: .ipcc)
        // Amounts: without 10 t N × 15 yr = 150 t N; with 10 → 5 linear over 5 yr: 9.5 + 8.5 + 7.5 + 6.5 + 5.5 + 10 × 5 = 87.5 t N.
        // Direct: EF1 synthetic, tropical moist: IPCC 2019's wet value 0.016 (D12; EX-ACT averages 0.0105) → 0.016 × 44/28 t N2O/t N.
        // Indirect: (Frac_GASF 0.11 × EF4 wet 0.014 + Frac_LEACH 0.24 × EF5 0.011) × 44/28 = 0.00418 × 44/28 t N2O/t N.
        // Manufacture: 4.766666667 t CO2e/t N.
        let direct = 0.016 * 44 / 28
        let row = try #require(result.rows.first)
        expectClose(row.mass(.without, .n2o), 150 * direct, within: 1e-9)
        expectClose(row.mass(.with, .n2o), 87.5 * direct, within: 1e-9)
        expectClose(row.mass(.without, .n2oIndirect), 150 * 0.00418 * 44 / 28, within: 1e-9)
        expectClose(row.mass(.with, .co2eManufacture), 87.5 * 4.766666667, within: 1e-6)
        // Total CO2e (AR5): N2O × 265 + manufacture.
        expectClose(result.total.without, 150 * (direct + 0.00418 * 44 / 28) * 265 + 150 * 4.766666667, within: 1e-5)
        #expect(row.divergenceIDs == [.d2, .d12])
    }

    @Test("exact-v9.4 leaves out indirect N2O and the result names the difference (D2)")
    func indirectDivergence() throws {
        let result = try assess(Self.project([Self.row("synthetic-n", 10, 10, 5)]), method: .exactV94)
        let row = try #require(result.rows.first)
        #expect(row.mass(.without, .n2oIndirect) == 0)
        let divergence = try #require(result.divergences.first { $0.gas == .n2oIndirect && $0.outcome == .without })
        #expect(divergence.ids.contains(.d2))
        expectClose(divergence.other, 150 * 0.00418 * 44 / 28, within: 1e-9)
        expectClose(divergence.differenceCO2e, -150 * 0.00418 * 44 / 28 * 265, within: 1e-6)
        // Direct N2O: EX-ACT's moist average 0.0105 here, IPCC's wet 0.016 under ipcc (D12).
        let direct = try #require(result.divergences.first { $0.gas == .n2o && $0.outcome == .without })
        expectClose(direct.chosen, 150 * 0.0105 * 44 / 28, within: 1e-9)
        expectClose(direct.other, 150 * 0.016 * 44 / 28, within: 1e-9)
    }

    @Test("no leaching in a dry climate: only volatilisation is indirect")
    func dryClimate() throws {
        let result = try assess(Self.project([Self.row("synthetic-n", 10, 10, 10)], climate: "tropical-dry"), method: .ipcc)
        // EF1 synthetic dry 0.005; indirect 0.11 × EF4 dry 0.005 only.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .n2o), 150 * 0.005 * 44 / 28, within: 1e-9)
        expectClose(row.mass(.with, .n2oIndirect), 150 * 0.00055 * 44 / 28, within: 1e-9)
    }

    @Test("urea: CO2 of its carbon, N at 46.7 %, manufacture per t N; made in the country drops manufacture")
    func urea() throws {
        let result = try assess(Self.project([Self.row("urea", 10, 10, 10), Self.row("urea", 10, 10, 10, id: "I2", inCountry: true)]), method: .exactV94)
        // 10 t urea/yr × 15 yr = 150 t: CO2 150 × 0.2 × 44/12 = 110; N 150 × 0.467 = 70.05 t;
        // N2O 70.05 × EF1 urea (moist) 0.0105 × 44/28 = 1.1558250; manufacture 70.05 × 4.766666667 = 333.9050.
        let first = try #require(result.rows.first { $0.id == "I1" })
        expectClose(first.mass(.with, .co2Other), 110, within: 1e-9)
        expectClose(first.mass(.with, .n2o), 70.05 * 0.0105 * 44 / 28, within: 1e-9)
        expectClose(first.mass(.with, .co2eManufacture), 70.05 * 4.766666667, within: 1e-6)
        let second = try #require(result.rows.first { $0.id == "I2" })
        #expect(second.mass(.with, .co2eManufacture) == 0)
        #expect(second.notes.contains { $0.contains("manufactured in the country") })
    }

    @Test("lime: 0.12 / 0.13 / 0.125 t C per t, and 0.586667 t CO2e manufacture")
    func lime() throws {
        let result = try assess(
            Self.project([
                Self.row("limestone", 20, 20, 20, id: "L1"), Self.row("dolomite", 20, 20, 20, id: "L2"), Self.row("lime", 20, 20, 20, id: "L3"),
            ]), method: .ipcc)
        for (id, carbon) in [("L1", 0.12), ("L2", 0.13), ("L3", 0.125)] {
            let row = try #require(result.rows.first { $0.id == id })
            expectClose(row.mass(.with, .co2Other), 300 * carbon * 44 / 12, within: 1e-9)
            expectClose(row.mass(.with, .co2eManufacture), 300 * 0.586666667, within: 1e-6)
        }
    }

    @Test("diesel: CO2, fossil CH4 and N2O per m³; AR5 gives EX-ACT's 2.6827 t CO2e/m³, AR6 the fossil CH4 GWP")
    func diesel() throws {
        let project = Self.project([Self.row("diesel", 10, 10, 10)])
        let ar5 = try Assessor.assess(project, factors: TestData.factors, gwp: .ar5)
        // 150 m³ × 2.682733149 t CO2e/m³ (factors.md §11).
        expectClose(ar5.total.with, 150 * 2.682733149, within: 1e-5)
        let row = try #require(ar5.rows.first)
        expectClose(row.mass(.with, .ch4Fossil), 150 * 0.00035991, within: 1e-9)
        let ar6 = try Assessor.assess(project, factors: TestData.factors, gwp: .ar6)
        // AR6: 2.6669331 + 0.00035991 × 29.8 + 0.0000215946 × 273 = 2.683553744 t CO2e/m³.
        expectClose(ar6.total.with, 150 * 2.683553744, within: 1e-5)
        let offRoad = try assess(Self.project([Self.row("diesel", 10, 10, 10, fuelUse: "off-road")]), method: .ipcc)
        expectClose(try #require(offRoad.rows.first).mass(.with, .n2o), 150 * 0.001029343, within: 1e-9)
    }

    @Test("wood fuel: CO2 is biogenic and not counted, CH4 and N2O are")
    func wood() throws {
        let result = try assess(Self.project([Self.row("wood", 5, 5, 5)]), method: .ipcc)
        let row = try #require(result.rows.first)
        #expect(row.mass(.with, .co2Other) == 0)
        expectClose(row.mass(.with, .ch4), 75 * 0.00468, within: 1e-9)
        expectClose(row.mass(.with, .n2o), 75 * 0.0000624, within: 1e-12)
        #expect(row.intermediates.contains { $0.name.hasPrefix("biogenic CO2") })
    }

    @Test("electricity needs a Tier 2 grid factor: refused without, counted with")
    func electricity() throws {
        #expect {
            try Assessor.assess(Self.project([Self.row("electricity", 100, 100, 100)]), factors: TestData.factors)
        } throws: { error in
            guard let failure = error as? Assessor.Failure, let missing = failure.missingFactors.first else { return false }
            return missing.rowID == "I1" && (missing.hint ?? "").contains("electricity-grid-factor") && (missing.hint ?? "").contains("ghana")
        }
        let override = FactorOverride(factor: "electricity-grid-factor", value: 0.5, source: "national grid 2024")
        let result = try assess(Self.project([Self.row("electricity", 100, 100, 100)], overrides: [override]), method: .ipcc)
        expectClose(result.total.with, 1500 * 0.5, within: 1e-9)
    }

    @Test("every GWP set weights CH4 and N2O by its own values")
    func gwpSets() throws {
        let project = Self.project([Self.row("manure-n", 10, 10, 10)], climate: "tropical-dry")
        // 150 t N; EF1 other N inputs dry 0.005 → 1.178571 t N2O direct; volatilisation Frac_GASM 0.21 × EF4 dry 0.005 → 0.2475 t N2O.
        let n2o = 150 * (0.005 + 0.21 * 0.005) * 44 / 28
        for (set, weight) in [(GWPSet.sar, 310.0), (.ar4, 298), (.ar5, 265), (.ar5Feedback, 298), (.ar6, 273)] {
            let result = try Assessor.assess(project, factors: TestData.factors, gwp: set)
            expectClose(result.total.with, n2o * weight, within: 1e-6, "\(set)")
            expectClose(result.tonnes(of: result.rows, gas: .n2o).with, n2o, within: 1e-9)
        }
    }
}
