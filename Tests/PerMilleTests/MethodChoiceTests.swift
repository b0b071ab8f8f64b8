import PerMille
import PerMilleTestSupport
import Testing

@Suite("Method choices, overrides and refusals")
struct MethodChoiceTests {
    @Test("EX-ACT's exponential quirk (D5) touches only a row's own area, not the hectares still drained")
    func exponentialQuirkScope() throws {
        let drained = OrganicSoilState(landUse: "grassland", water: .drained, nutrient: "poor")
        let rewetted = OrganicSoilState(landUse: "grassland", water: .rewetted, nutrient: "poor")
        let project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay"),
            organicSoils: [
                OrganicSoilRow(
                    id: "O1", name: "Peat", area: Triple(start: 100, without: 100, with: 100), states: Triple(start: drained, without: drained, with: rewetted),
                    dynamics: RowDynamics(.exponential))
            ])
        let ipcc = try assess(project, method: .ipcc).total
        let exact = try assess(project, method: .exactV94).total
        expectClose(exact.with, ipcc.with)
        // Hectares still drained fall 100 → 0 exponentially (Σ 234.90 ha·yr, §4.6); rewetted ones rise 0 → 100 (Σ 1343.40).
        let drainedRate = 10.42 * 44 / 12 + 0.007 * 28 + 0.005 * 44 / 28 * 265
        let rewettedRate = 0.51 * 44 / 12 + 0.041 * 16 / 12 * 28
        expectClose(ipcc.with, drainedRate * 234.90 / 1.5 + rewettedRate * 2015.10 / 1.5, within: 1)
    }

    @Test("EX-ACT's exponential decrease from a non-zero area returns the 0 → A curve in exact-v9.4 (D5)")
    func exponentialQuirk() throws {
        let orchard = PerennialState(system: "orchard", standingAGBTonnesCPerHa: 0)
        let project = Project(
            description: description(),
            perennialCrops: [
                PerennialRow(
                    id: "P1", name: "Orchard grubbed up without the project", area: Triple(start: 150, without: 0, with: 150),
                    states: Triple(start: orchard, without: orchard, with: orchard), dynamics: RowDynamics(.exponential))
            ])
        let exact = try #require(try assess(project, method: .exactV94).rows.first)
        let ipcc = try #require(try assess(project, method: .ipcc).rows.first)
        // Growth 0.43 t C/ha/yr on the orchard's own hectares (no cohort reaches 8.5 t C/ha within 15 years: 8.5 / 0.43 = 19.8).
        // ipcc: 150 → 0 exponential, Σ H = 234.90 ha·yr; exact-v9.4: EX-ACT's curve, the 0 → 150 series, Σ 2015.10,
        // whose growth EX-ACT then caps at the stock of the 0 ha left at the end (D8): nothing.
        expectClose(ipcc.mass(.without, .co2Biomass), -0.43 * 234.90 * 44 / 12, within: 0.05)
        let exactHectares = try #require(exact.intermediates.first { $0.name == "Σ H" && $0.outcome == .without })
        expectClose(exactHectares.value, 2015.10)
        expectClose(exact.mass(.without, .co2Biomass), 0)
        #expect(exact.divergenceIDs.contains(.d5))
        #expect(exact.divergenceIDs.contains(.d8))
        #expect(exact.notes.contains { $0.contains("D5") })
        #expect(!ipcc.notes.contains { $0.contains("D5") })
    }

    @Test("a Tier 2 carbon-fraction override with its source changes forest growth in proportion")
    func carbonFractionOverride() throws {
        let forest = ForestDescription(ecozone: "tropical-rainforest")
        var project = Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "western-africa"),
            landUseChange: [
                LandUseChangeRow(
                    id: "L1", name: "Planting", from: LandUse(key: "grassland"), to: LandUse(key: "forest", forest: forest), convertedWithout: 0, convertedWith: 100,
                    dynamics: RowDynamics(.linear))
            ])
        let base = try #require(try assess(project, method: .ipcc).rows.first)
        project.overrides = [FactorOverride(factor: "carbon-fraction", value: 0.5, source: "CDM tool AR-TOOL14")]
        let overridden = try #require(try assess(project, method: .ipcc).rows.first)
        // Growth scales with CF (0.47 → 0.5); the lost grassland stock and dead organic matter do not.
        let growth = 7.6 * 1.825 * 1250 * 44 / 12
        expectClose(overridden.mass(.with, .co2Biomass) - base.mass(.with, .co2Biomass), -growth * (0.5 - 0.47))
        #expect(overridden.factors.contains { $0.factor.table == "override" && $0.factor.source == "CDM tool AR-TOOL14" })
    }

    @Test("a situation the tables do not cover is refused with the table and key, never counted as zero")
    func refusal() throws {
        let project = Project(description: description(soil: "spodic"), grassland: GrasslandTests.demo().grassland)
        #expect {
            try Assessor.assess(project, factors: TestData.factors)
        } throws: { error in
            guard let failure = error as? Assessor.Failure else { return false }
            return failure.missingFactors.contains { $0.table == "soc-reference" && $0.key.contains("soil_class=spodic") && $0.rowID == "G1" }
        }
    }

    @Test("over more than 20 years the two methods differ by the untruncated series (D6)")
    func longProject() throws {
        var project = GrasslandTests.demo()
        project.description = description(implementation: 5, capitalization: 20)
        let exact = try assess(project, method: .exactV94)
        let ipcc = try assess(project, method: .ipcc)
        let g1Exact = try #require(exact.rows.first { $0.id == "G1" })
        let g1IPCC = try #require(ipcc.rows.first { $0.id == "G1" })
        // Σ H = 3375 ha·yr, Σ H_soil = 3000 (§4.6). exact-v9.4: −0.44 t CO2/ha/yr × 3375 = −1485, capped at
        // |ΔSOC| × 44/12 × 150 ha = 2.4 × 44/12 × 150 = 1320. ipcc: −0.44 × 3000 = −1320 as well, by truncation.
        expectClose(g1Exact.mass(.with, .co2Soil), -1320)
        expectClose(g1IPCC.mass(.with, .co2Soil), -0.44 * 3000)
        #expect(g1Exact.divergenceIDs.contains(.d6))
    }

    @Test("tropical montane cropland uses IPCC 2019 factors in ipcc and EX-ACT's 2006 values in exact-v9.4 (D4)")
    func montaneFactors() throws {
        let full = AnnualCropState(tillage: "full", input: "medium")
        let project = Project(
            description: description(climate: "tropical-montane", soil: "low-activity-clay"),
            annualCrops: [
                AnnualCropRow(
                    id: "A1", name: "No-till", area: Triple(start: 100, without: 100, with: 100),
                    states: Triple(start: full, without: full, with: AnnualCropState(tillage: "no-till", input: "medium")), dynamics: RowDynamics(.linear))
            ])
        // SOCref 44. ipcc: F_LU 0.86, no-till 1.08 → ΔSOC 44 × 0.86 × 0.08 = 3.0272 on 1250 ha·yr.
        // exact-v9.4: F_LU 0.64, no-till 1.16 → ΔSOC 44 × 0.64 × 0.16 = 4.5056 on the full 1500 ha·yr (D1).
        let ipcc = try assess(project, method: .ipcc)
        let exact = try assess(project, method: .exactV94)
        expectClose(ipcc.total.with, -3.0272 / 20 * 44 / 12 * 1250)
        expectClose(exact.total.with, -4.5056 / 20 * 44 / 12 * 1500)
        #expect(ipcc.divergences.first?.ids == [.d1, .d4])
    }

    @Test("a conversion row's two land uses take separate overrides (f-lu-from, f-lu-to)")
    func conversionOverrides() throws {
        var project = Project(
            description: description(),
            landUseChange: [
                LandUseChangeRow(
                    id: "L1", name: "Ploughing", from: LandUse(key: "grassland"), to: LandUse(key: "annual-cropland"), convertedWithout: 100, convertedWith: 0,
                    dynamics: RowDynamics(.linear))
            ])
        project.overrides = [FactorOverride(factor: "f-lu-to", value: 0.5, appliesTo: ["L1"], source: "regional long-term trial")]
        let row = try #require(try assess(project, method: .exactV94).rows.first)
        // SOCref 24 × (0.5 − grassland 1) = −12 t C/ha; 12 / 20 × 44/12 × 1250 ha·yr = 2750 t CO2.
        expectClose(row.mass(.without, .co2Soil), 2750)
    }
}

@Suite("Large projects")
struct LargeProjectTests {
    @Test("a project above the parallel threshold gives the same rows, in file order, as its parts assessed alone")
    func parallelMatchesSequential() throws {
        let demo = GrasslandTests.demo()
        var large = demo
        large.grassland = (0..<1_500).flatMap { copy in
            demo.grassland.map { row in
                var renamed = row
                renamed.id = "\(row.id)-\(copy)"
                return renamed
            }
        }
        #expect(large.rowCount >= Assessor.parallelThreshold)
        let result = try assess(large, method: .exactV94)
        #expect(result.rows.map(\.id) == large.grassland.map(\.id))
        // The demo's own totals (without 1 650, with −825) times 1 500 copies.
        expectClose(result.total.without, 1_650 * 1_500, within: 1e-6)
        expectClose(result.total.with, -825 * 1_500, within: 1e-6)
        let ipcc = try assess(large, method: .ipcc)
        #expect(ipcc.divergences.count == 1_500)
        #expect(ipcc.divergences.map(\.rowID) == (0..<1_500).map { "G2-\($0)" })
    }

    @Test("one row without its factor among thousands assessed in parallel: no result, the row named, nothing else reported")
    func failureAmongParallelRows() {
        let pasture = [ManureShare(system: "pasture-range-paddock", percent: 100)]
        var project = LivestockTests.herd(shares: pasture)
        let herd = project.livestock[0]
        project.livestock = (0..<Assessor.parallelThreshold).map { index in
            var row = herd
            row.id = "H\(index)"
            // A system the manure table has no cell for: this one row cannot be assessed.
            let unknown = [ManureShare(system: "septic-tank", percent: 100)]
            if index == 1_234 { row.manure = Triple(start: unknown, without: unknown, with: unknown) }
            return row
        }
        #expect {
            try Assessor.assess(project, factors: TestData.factors)
        } throws: { error in
            guard let failure = error as? Assessor.Failure else { return false }
            return !failure.missingFactors.isEmpty && failure.missingFactors.allSatisfy { $0.rowID == "H1234" }
        }
        project.livestock[1_234].manure = Triple(start: pasture, without: pasture, with: pasture)
        #expect(throws: Never.self) { try Assessor.assess(project, factors: TestData.factors) }
    }
}
