import PerMille
import Testing

@Suite("Livestock")
struct LivestockTests {
    static func herd(shares: [ManureShare]?, heads: Triple<Double> = Triple(start: 100, without: 100, with: 100), overrides: [FactorOverride] = []) -> Project {
        var description = description(climate: "tropical-moist", soil: "low-activity-clay", region: "eastern-africa")
        description.country = "kenya"
        return Project(description: description, livestock: [
            LivestockRow(id: "H1", name: "Dairy herd", species: "dairy-cattle", heads: heads, manure: Triple(start: shares, without: shares, with: shares), dynamics: RowDynamics(.linear)),
        ], overrides: overrides)
    }

    @Test("grazing dairy cattle: enteric CH4, pasture manure CH4, EF3PRP N2O and its indirect N2O")
    func grazingHerd() throws {
        let result = try assess(Self.herd(shares: [ManureShare(system: "pasture-range-paddock", percent: 100)]), method: .ipcc)
        // Kenya → Sub-Saharan Africa, default productivity: enteric 76 kg CH4/head/yr, TAM 260 kg, VS 18.2, N 0.44 kg/1000 kg/day.
        // VS = 18.2 × 0.26 × 365 = 1727.18 kg; manure CH4 = 1727.18 × 0.6 g/kg = 0.001036308 t/head/yr.
        // Nex = 0.44 × 0.26 × 365 = 41.756 kg N; direct = 0.041756 × EF3PRP (cattle, moist: IPCC's wet 0.006 in ipcc,
        // EX-ACT's average 0.004 in exact-v9.4; D12) × 44/28 t N2O;
        // indirect (ipcc) = 0.041756 × (0.21 × EF4 wet 0.014 + 0.24 × 0.011) × 44/28 t N2O. 100 heads × 15 yr = 1500.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .ch4), (0.076 + 0.001036308) * 1500, within: 1e-6)
        expectClose(row.mass(.with, .n2o), 0.041756 * 0.006 * 44 / 28 * 1500, within: 1e-9)
        expectClose(row.mass(.with, .n2oIndirect), 0.041756 * (0.21 * 0.014 + 0.24 * 0.011) * 44 / 28 * 1500, within: 1e-9)
        #expect(row.quantity == Quantity(values: Triple(start: 100, without: 100, with: 100), unit: "heads"))
        // exact-v9.4 keeps enteric and manure terms and drops the grazing N's indirect N2O (D2).
        let exact = try assess(Self.herd(shares: [ManureShare(system: "pasture-range-paddock", percent: 100)]), method: .exactV94)
        #expect(try #require(exact.rows.first).mass(.with, .n2oIndirect) == 0)
        expectClose(try #require(exact.rows.first).mass(.with, .n2o), 0.041756 * 0.004 * 44 / 28 * 1500, within: 1e-9)
        #expect(row.divergenceIDs == [.d2, .d12])
    }

    @Test("a smaller herd in the project scenario follows the dynamics")
    func herdReduction() throws {
        let project = Self.herd(shares: [ManureShare(system: "pasture-range-paddock", percent: 100)], heads: Triple(start: 100, without: 100, with: 50))
        let result = try assess(project, method: .ipcc)
        // 100 → 50 linear over 5 yr: 95 + 85 + 75 + 65 + 55 + 50 × 10 = 875 head·yr.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .ch4), (0.076 + 0.001036308) * 875, within: 1e-6)
    }

    @Test("default manure shares need manure EFs that are MISSING: refused, naming each override")
    func defaultSharesRefused() {
        #expect {
            try Assessor.assess(Self.herd(shares: nil), factors: TestData.factors)
        } throws: { error in
            guard let failure = error as? Assessor.Failure, let missing = failure.missingFactors.first else { return false }
            return missing.rowID == "H1" && missing.key.hasPrefix("factor=manure-") && (missing.hint ?? "").contains("Tier 2")
        }
    }

    @Test("Tier 2 manure factors for a solid-storage share")
    func solidStorageWithOverrides() throws {
        let overrides = [
            FactorOverride(factor: "manure-ch4-ef-solid-storage", value: 4, source: "national inventory"),
            FactorOverride(factor: "manure-ef3-solid-storage", value: 0.01, source: "national inventory"),
            FactorOverride(factor: "manure-frac-gas-solid-storage", value: 0.3, source: "national inventory"),
            FactorOverride(factor: "manure-frac-leach-solid-storage", value: 0.02, source: "national inventory"),
        ]
        let shares = [ManureShare(system: "pasture-range-paddock", percent: 50), ManureShare(system: "solid-storage", percent: 50)]
        let result = try assess(Self.herd(shares: shares, overrides: overrides), method: .exactV94)
        // Per head: CH4 = 0.076 + 1727.18 × (0.5 × 0.6 + 0.5 × 4) / 1e6 = 0.076 + 0.003972514;
        // N2O direct = 0.041756 × (0.5 × 0.004 + 0.5 × 0.01) × 44/28; manure indirect (kept by exact-v9.4)
        // = 0.041756 × 0.5 × (0.3 × EF4 moist 0.010 + 0.02 × EF5 0.011) × 44/28.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .ch4), (0.076 + 0.003972514) * 1500, within: 1e-6)
        expectClose(row.mass(.with, .n2o), 0.041756 * 0.007 * 44 / 28 * 1500, within: 1e-9)
        expectClose(row.mass(.with, .n2oIndirect), 0.041756 * 0.5 * (0.003 + 0.00022) * 44 / 28 * 1500, within: 1e-9)
    }
}
