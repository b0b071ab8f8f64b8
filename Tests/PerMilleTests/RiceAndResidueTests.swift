import PerMille
import PerMilleTestSupport
import Testing

@Suite("Flooded rice and crop residues")
struct RiceAndResidueTests {
    /// 100 ha of paddy; `unchanged` keeps one state in start, without and with.
    static func paddy(_ with: RiceState, unchanged: Bool = false) -> Project {
        let baseline = unchanged ? with : RiceState(water: "continuously-flooded", preseason: "not-flooded-under-180-days", straw: "exported")
        return Project(
            description: description(climate: "tropical-moist", soil: "low-activity-clay", region: "south-eastern-asia"),
            rice: [
                RiceRow(
                    id: "R1", name: "Paddy", area: Triple(start: 100, without: 100, with: 100),
                    states: Triple(start: baseline, without: baseline, with: with), dynamics: RowDynamics(.linear))
            ])
    }

    @Test("alternate wetting and drying: CH4 = EF_c × SF_w × SF_p × days on the hectares in each state")
    func multipleDrainage() throws {
        let result = try assess(Self.paddy(RiceState(water: "multiple-drainage", preseason: "not-flooded-under-180-days", straw: "exported")), method: .ipcc)
        // South-East Asia: EF_c 1.22 kg CH4/ha/day, 102 days, 1 season.
        // Without: 1.22 × 102 / 1000 = 0.12444 t CH4/ha/yr on 100 ha × 15 yr = 1500 ha·yr → 186.66 t CH4.
        // With: hectares move 0 → 100 over 5 years (Σ 1250 ha·yr) to SF_w 0.55: 0.068442 t/ha/yr → 85.5525;
        // the rest stay continuously flooded until they move (100 → 0: Σ 250 ha·yr) → 31.11. Total 116.6625.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.without, .ch4), 186.66, within: 1e-6)
        expectClose(row.mass(.with, .ch4), 116.6625, within: 1e-6)
        // AR5: CH4 × 28.
        expectClose(result.total.balance, (116.6625 - 186.66) * 28, within: 1e-6)
        #expect(row.factors.contains { $0.name.hasPrefix("SF_w(multiple-drainage)") && $0.factor.value == 0.55 })
    }

    @Test("organic amendments and incorporated straw scale CH4 by (1 + Σ ROA × CFOA)^0.59")
    func amendments() throws {
        let with = RiceState(
            water: "continuously-flooded", preseason: "not-flooded-under-180-days", straw: "incorporated-over-30-days-before",
            strawTonnesPerHa: 3, amendments: [RiceAmendment(kind: "compost", tonnesPerHa: 2)])
        let result = try assess(Self.paddy(with, unchanged: true), method: .ipcc)
        // Σ ROA × CFOA = 2 × 0.17 + 3 × 0.19 = 0.91; SF_o = 1.91^0.59 = 1.464906 (ln 1.91 = 0.6471032, × 0.59 = 0.3817909).
        // Unchanged state in both scenarios: 0.12444 × 1.464906 t CH4/ha/yr × 1500 ha·yr = 273.4393.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.without, .ch4), 0.12444 * 1.464906 * 1500, within: 0.01)
        expectClose(row.mass(.with, .ch4), row.mass(.without, .ch4), within: 1e-9)
    }

    @Test("burned straw: CH4 and N2O of the residue from the paddy yield (IPCC 2006 Eq. 2.27)")
    func strawBurning() throws {
        let burned = RiceState(water: "continuously-flooded", preseason: "not-flooded-under-180-days", straw: "burned", yieldTonnesPerHa: 4)
        let result = try assess(Self.paddy(burned, unchanged: true), method: .ipcc)
        // Yield 4 t/ha × DRY 0.89 = 3.56 t dm; AG = 3.56 × 0.95 + 2.46 = 5.842 t dm/ha; C_f 0.8 → 4.6736 t burnt.
        // CH4 4.6736 × 2.7 g/kg = 0.01261872 t/ha/yr; N2O 4.6736 × 0.07 = 0.000327152 t/ha/yr; × 1500 ha·yr.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .ch4), (0.12444 + 0.01261872) * 1500, within: 1e-6)
        expectClose(row.mass(.with, .n2o), 0.000327152 * 1500, within: 1e-6)
    }

    static func wheat(_ residues: ResidueHandling) -> Project {
        let state = AnnualCropState(crop: "wheat", tillage: "full", input: "medium", residues: residues, yieldTonnesPerHa: 4)
        return Project(
            description: description(),
            annualCrops: [
                AnnualCropRow(
                    id: "A1", name: "Wheat", area: Triple(start: 100, without: 100, with: 100), states: Triple(start: state, without: state, with: state),
                    dynamics: RowDynamics(.linear))
            ])
    }

    @Test("retained wheat residues: F_CR = AG × N_AG + (yield + AG) × R_BG × N_BG, N2O with EF1 other inputs")
    func retainedResidues() throws {
        let result = try assess(Self.wheat(.retained), method: .ipcc)
        // Yield 4 t/ha, DRY 1 → 4 t dm; AG = 4 × 1.51 + 0.52 = 6.56; F_CR = 6.56 × 0.006 + 10.56 × 0.255 × 0.009
        // = 0.03936 + 0.0242352 = 0.0635952 t N/ha/yr; EF1 warm temperate dry 0.005 → 0.000499677 t N2O/ha/yr.
        // Dry climate, not irrigated: no leaching, so no indirect N2O and no D2. 1500 ha·yr.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .n2o), 0.0635952 * 0.005 * 44 / 28 * 1500, within: 1e-9)
        #expect(row.mass(.with, .n2oIndirect) == 0)
        #expect(!row.divergenceIDs.contains(.d2))
    }

    @Test("burned wheat residues: burning CH4 and N2O plus the below-ground residue N")
    func burnedResidues() throws {
        let result = try assess(Self.wheat(.burned), method: .ipcc)
        // Burnt 6.56 × C_f 0.9 = 5.904 t dm/ha: CH4 × 2.7 g/kg = 0.0159408, N2O × 0.07 g/kg = 0.00041328 t/ha/yr;
        // roots 0.0242352 t N/ha × 0.005 × 44/28 = 0.000190419 t N2O/ha/yr.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .ch4), 0.0159408 * 1500, within: 1e-9)
        expectClose(row.mass(.with, .n2o), (0.00041328 + 0.0242352 * 0.005 * 44 / 28) * 1500, within: 1e-9)
    }

    @Test("residues without a dry-matter fraction for the crop are refused, naming the override")
    func missingDryMatter() {
        var project = Self.wheat(.retained)
        project.annualCrops[0].states = Triple(
            start: AnnualCropState(crop: "maize", tillage: "full", input: "medium", residues: .retained, yieldTonnesPerHa: 5),
            without: AnnualCropState(crop: "maize", tillage: "full", input: "medium", residues: .retained, yieldTonnesPerHa: 5),
            with: AnnualCropState(crop: "maize", tillage: "full", input: "medium", residues: .retained, yieldTonnesPerHa: 5))
        #expect {
            try Assessor.assess(project, factors: TestData.factors)
        } throws: { error in
            // Every missing factor of the row is listed; the one that names the override is among them.
            guard let failure = error as? Assessor.Failure else { return false }
            return failure.missingFactors.contains { missing in
                missing.table == "crop-residue-parameters" && missing.rowID == "A1" && (missing.hint ?? "").contains("dry-matter-fraction")
            }
        }
    }
}
