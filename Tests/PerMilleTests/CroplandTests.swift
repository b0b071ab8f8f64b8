import PerMille
import PerMilleTestSupport
import Testing

@Suite("Annual cropland and perennial modules")
struct CroplandTests {
    /// 100 ha of full-tillage cropland; the project moves to no-till, business as usual stays.
    static func noTillProject() -> Project {
        let state = AnnualCropState(tillage: "full", input: "medium")
        return Project(
            description: description(),
            annualCrops: [
                AnnualCropRow(
                    id: "A1", name: "No-till", area: Triple(start: 100, without: 100, with: 100),
                    states: Triple(start: state, without: state, with: AnnualCropState(tillage: "no-till", input: "medium")),
                    dynamics: RowDynamics(.linear))
            ])
    }

    @Test("ipcc: change from start on the adopting hectares")
    func noTillIPCC() throws {
        let result = try assess(Self.noTillProject(), method: .ipcc)
        // Warm temperate dry, HAC: SOCref 24, F_LU 0.76 → 18.24 t C/ha; no-till F_MG 1.04 → 18.9696.
        // ΔSOC = 0.7296 t C/ha; rate −0.7296 / 20 × 44/12 = −0.13376 t CO2/ha/yr; 0 → 100 linear: 1250 ha·yr.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .co2Soil), -0.13376 * 1250)
        expectClose(row.mass(.without, .co2Soil), 0)
        expectClose(result.total.balance, -167.2)
    }

    @Test("exact-v9.4: land-use reference on the full area (D1)")
    func noTillExact() throws {
        let result = try assess(Self.noTillProject(), method: .exactV94)
        // Reference SOCref × F_LU = 18.24; with: ΔSOC 0.7296 on 100 ha × 15 yr = 1500 ha·yr → −200.64 t CO2.
        expectClose(result.total.with, -0.13376 * 1500)
        expectClose(result.total.without, 0)
        #expect(result.divergences.contains { $0.ids.contains(.d1) && $0.rowID == "A1" })
    }

    @Test("reduced carbon input loses soil carbon and releases N2O (C:N 10)")
    func lowInput() throws {
        var project = Self.noTillProject()
        project.annualCrops[0].states.with = AnnualCropState(tillage: "full", input: "low")
        let result = try assess(project, method: .ipcc)
        // F_I low 0.95: SOC 18.24 × 0.95 = 17.328; ΔSOC −0.912; CO2 0.912/20 × 44/12 × 1250 = 209.0;
        // N2O 0.912/20/10 × 0.005 × 44/28 × 1250 = 0.0447857 t N2O.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .co2Soil), 209.0)
        expectClose(row.mass(.with, .n2o), 0.0447857, within: 1e-6)
    }

    @Test("a new orchard grows 0.43 t C/ha/yr on its hectare series")
    func orchardGrowth() throws {
        let state = PerennialState(system: "orchard")
        let project = Project(
            description: description(),
            perennialCrops: [
                PerennialRow(
                    id: "P1", name: "Orchard", area: Triple(start: 0, without: 0, with: 50), states: Triple(start: state, without: state, with: state),
                    dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        // 0 → 50 ha linear over (5, 10): 625 ha·yr; AGB 0.43 + BGB 0 t C/ha/yr; max 8.5 t C/ha not reached
        // (8.5 / 0.43 = 19.8 yr > 15). Carbon 268.75 t → −985.417 t CO2. Soil: F_MG = F_I = 1, ΔSOC 0.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .co2Biomass), -268.75 * 44 / 12)
        expectClose(row.mass(.with, .co2Soil), 0)
        expectClose(row.mass(.without, .co2Biomass), 0)
    }

    @Test("growth stops at the maximum AGB, cohort by cohort")
    func orchardCap() throws {
        let state = PerennialState(system: "orchard")
        let project = Project(
            description: description(capitalization: 30),
            perennialCrops: [
                PerennialRow(
                    id: "P1", name: "Orchard", area: Triple(start: 0, without: 0, with: 50), states: Triple(start: state, without: state, with: state),
                    dynamics: RowDynamics(.linear))
            ])
        let result = try assess(project, method: .ipcc)
        // Over 35 years every cohort (10 ha a year in years 1–5) reaches 8.5 t C/ha: 50 × 8.5 = 425 t C.
        let row = try #require(result.rows.first)
        expectClose(row.mass(.with, .co2Biomass), -425 * 44 / 12)
        // The first cohort joins in year 1 with half a year, so it reaches the cap 19.77 yr later, in year 20.
        let yearly = row.emissions.with.co2Biomass
        #expect(yearly[34] == 0)
        #expect(yearly[10] < 0)
    }
}
