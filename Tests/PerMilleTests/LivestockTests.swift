import PerMille
import PerMilleTestSupport
import Testing

@Suite("Livestock")
struct LivestockTests {
    static func herd(shares: [ManureShare]?, heads: Triple<Double> = Triple(start: 100, without: 100, with: 100), overrides: [FactorOverride] = []) -> Project {
        var description = description(climate: "tropical-moist", soil: "low-activity-clay", region: "eastern-africa")
        description.country = "kenya"
        return Project(
            description: description,
            livestock: [
                LivestockRow(
                    id: "H1", name: "Dairy herd", species: "dairy-cattle", heads: heads, manure: Triple(start: shares, without: shares, with: shares),
                    dynamics: RowDynamics(.linear))
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

    /// One herd of `heads` heads all years, with the region's default manure shares.
    static func defaultHerd(
        species: String, productivity: String = "default", country: String, climate: String, heads: Double = 1
    ) -> Project {
        var description = description(climate: climate, soil: "low-activity-clay", region: "europe")
        description.country = country
        return Project(
            description: description,
            livestock: [
                LivestockRow(
                    id: "H1", name: "herd", species: species, productivity: productivity, heads: Triple(start: heads, without: heads, with: heads),
                    manure: Triple(start: nil, without: nil, with: nil), dynamics: RowDynamics(.linear))
            ])
    }

    @Test("default manure shares: livestock-manure-defaults.md §3 check values (dairy, western Europe, cool-temperate moist)")
    func defaultSharesCheckValues() throws {
        // Shares liquid-slurry 43, solid-storage 29, daily-spread 2, PRP 26; VS 1642.5 kg, Nex 109.5 kg N.
        // Managed systems: CH4 25.4029 kg, direct N2O 0.62089 kg, volatilisation 0.33547 kg, leaching 0.008234 kg;
        // PRP adds CH4 0.2562 kg (0.6 g/kg VS). 15 years of one head.
        let project = Self.defaultHerd(species: "dairy-cattle", productivity: "high-productivity", country: "france", climate: "cool-temperate-moist")
        for method in Method.allCases {
            let row = try #require(try assess(project, method: method).rows.first)
            let enteric = 0.126
            expectClose(row.mass(.with, .ch4) / 15, enteric + (25.4029 + 0.2562) / 1000, within: 1e-6)
            // Direct N2O of managed systems, plus the PRP share's under EF3PRP (the soils' factor).
            let prpN = 109.5 * 0.26 / 1000
            let prpDirect = row.mass(.with, .n2o) / 15 - 0.62089 / 1000
            #expect(prpDirect > 0)
            expectClose(prpDirect / prpN / (44.0 / 28.0), 0.004, within: 0.0021)
            let manureIndirect = (0.33547 + 0.008234) / 1000
            if method == .exactV94 {
                expectClose(row.mass(.with, .n2oIndirect) / 15, manureIndirect, within: 1e-7)
            } else {
                // ipcc adds the grazing N's indirect N2O (D2): 0.21 × EF4 0.010 + 0.12 × EF5 0.011 (moist).
                #expect(row.mass(.with, .n2oIndirect) / 15 > manureIndirect + 1e-6)
            }
        }
    }

    @Test("every species with its region's default manure shares is assessed in both methods")
    func everySpeciesAssessed() throws {
        let shares = try TestData.factors.table("livestock-manure-system-shares")
        let species = Set(shares.records.map { $0.key[2] })
        #expect(species.count == 17)
        let regions = try TestData.factors.table("country-regions")
        for animal in species.sorted() {
            // The first region (and its first country) with default shares for the animal.
            guard let record = shares.records.first(where: { $0.key[2] == animal && $0.key[1] == "default" }),
                let country = regions.records.first(where: { $0.text["ipcc_livestock_region"] == record.key[0] })?.key[0]
            else {
                Issue.record("no default shares for \(animal)")
                continue
            }
            for climate in ["tropical-moist", "cool-temperate-dry", "tropical-montane"] {
                for method in Method.allCases {
                    let project = Self.defaultHerd(species: animal, country: country, climate: climate, heads: 10)
                    let result = try Assessor.assess(project, factors: TestData.factors, method: method)
                    let row = try #require(result.rows.first)
                    #expect(row.mass(.with, .ch4) > 0, "\(animal) \(climate) \(method)")
                    #expect(row.mass(.with, .n2o) >= 0)
                }
            }
        }
    }

    @Test("a zero in EX-ACT's manure table is used and noted; a cell the table lacks is refused naming the override")
    func zerosAndGaps() throws {
        // Layers, high productivity: EX-ACT's CH4 EF is 0 for daily spread and poultry manure.
        var project = Self.defaultHerd(species: "chicken-layer", country: "france", climate: "warm-temperate-moist", heads: 1000)
        project.livestock[0].productivity = "high-productivity"
        project.livestock[0].manure = Triple(
            start: [ManureShare(system: "daily-spread", percent: 100)], without: [ManureShare(system: "daily-spread", percent: 100)],
            with: [ManureShare(system: "daily-spread", percent: 100)])
        let row = try #require(try assess(project, method: .exactV94).rows.first)
        #expect(row.notes.contains { $0.contains("manure CH4 EF (daily-spread) is 0 in EX-ACT v9.4") })
        // An unknown system has no cell: refused at the row, naming the override.
        project.livestock[0].manure = Triple(
            start: [ManureShare(system: "septic-tank", percent: 100)], without: [ManureShare(system: "septic-tank", percent: 100)],
            with: [ManureShare(system: "septic-tank", percent: 100)])
        #expect {
            try Assessor.assess(project, factors: TestData.factors, method: .ipcc)
        } throws: { error in
            guard let missing = (error as? Assessor.Failure)?.missingFactors.first else { return false }
            return missing.rowID == "H1" && missing.table == "livestock-manure-defaults" && (missing.hint ?? "").contains("manure-ch4-ef-septic-tank")
        }
    }

    @Test("deer: EX-ACT's VS rate and manure CH4 are 0, used with a note rather than refused")
    func deerAssessed() throws {
        let project = Self.defaultHerd(species: "deer", country: "france", climate: "cool-temperate-moist", heads: 50)
        for method in Method.allCases {
            let result = try Assessor.assess(project, factors: TestData.factors, method: method)
            let row = try #require(result.rows.first)
            #expect(row.notes.contains { $0.contains("VS rate of deer") })
        }
    }

    @Test("camels HP on dry lot in the tropics: exact-v9.4 keeps EX-ACT's 0, ipcc uses 3.4 g/kg VS (D20)")
    func camelDryLot() throws {
        var project = Self.defaultHerd(species: "camels", productivity: "high-productivity", country: "saudi-arabia", climate: "tropical-dry")
        let dryLot = [ManureShare(system: "dry-lot", percent: 100)]
        project.livestock[0].manure = Triple(start: dryLot, without: dryLot, with: dryLot)
        let exact = try assess(project, method: .exactV94)
        let ipcc = try assess(project, method: .ipcc)
        let exactRow = try #require(exact.rows.first)
        let ipccRow = try #require(ipcc.rows.first)
        #expect(exactRow.divergenceIDs.contains(.d20) && ipccRow.divergenceIDs.contains(.d20))
        #expect(ipccRow.mass(.with, .ch4) > exactRow.mass(.with, .ch4))
        #expect(ipcc.divergences.contains { $0.ids.contains(.d20) && $0.gas == .ch4 })
    }

    @Test("chickens' volatilisation: ipcc uses the workbook's poultry block (D21)")
    func chickenVolatilisation() throws {
        var project = Self.defaultHerd(species: "chicken-broiler", country: "france", climate: "warm-temperate-moist", heads: 1000)
        let litter = [ManureShare(system: "poultry-manure", percent: 100)]
        project.livestock[0].manure = Triple(start: litter, without: litter, with: litter)
        let exactRow = try #require(try assess(project, method: .exactV94).rows.first)
        let ipccRow = try #require(try assess(project, method: .ipcc).rows.first)
        #expect(exactRow.divergenceIDs.contains(.d21))
        // Frac_Gas 0 (EX-ACT, 'Other animal') against 0.44: only the leaching part (0) and volatilisation differ.
        #expect(exactRow.mass(.with, .n2oIndirect) == 0)
        #expect(ipccRow.mass(.with, .n2oIndirect) > 0)
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
