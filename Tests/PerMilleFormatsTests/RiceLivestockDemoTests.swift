import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import Testing

/// The rice + fertiliser + livestock fixture, every row checked against a hand calculation.
///
/// Site: tropical wet, LAC, Viet Nam → south-eastern-asia (rice EF_c 1.22 kg CH4/ha/day, 102 days) and the
/// IPCC livestock region east-asia-and-south-east-asia; 4 + 16 years, linear, AR5 (CH4 28, N2O 265).
/// Linear series over 4 years: 0 → A sums to A × 18 (A/8 + 3A/8 + 5A/8 + 7A/8 + 16 A), A → 0 to A × 2.
@Suite("Rice, fertiliser and livestock demo fixture")
struct RiceLivestockDemoTests {
    static func assessment(method: Method = .ipcc) throws -> Assessment {
        let factors = try IndicatorsLoader.load()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("Fixtures/rice-livestock-demo.json")))
        let outcome = ProjectDecoder(factors: factors).decode(json: bytes, file: "rice-livestock-demo.json")
        let project = try #require(outcome.project, "fixture does not decode: \(outcome.diagnostics)")
        return try Assessor.assess(project, factors: factors, method: method)
    }

    static func row(_ id: String, in result: Assessment) throws -> RowResult {
        try #require(result.rows.first { $0.id == id })
    }

    @Test("rice rows: CH4 by EF_c × SF_w × SF_p × SF_o × days × seasons, straw burning")
    func rice() throws {
        let result = try Self.assessment()
        // R1 start/without: continuously flooded, 2 seasons: 1.22 × 102 × 2 / 1000 = 0.24888 t CH4/ha/yr.
        // Straw burned: yield 5 × DRY 0.89 = 4.45 t dm; AG = 4.45 × 0.95 + 2.46 = 6.6875 t dm/ha per season;
        // × C_f 0.8 × 2 seasons = 10.7 t dm/ha/yr → CH4 × 2.7 g/kg = 0.02889, N2O × 0.07 g/kg = 0.000749 t/ha/yr.
        // Without: 200 ha × 20 yr = 4000 ha·yr.
        let r1 = try Self.row("R1", in: result)
        expectNear(r1.mass(.without, .ch4), (0.24888 + 0.02889) * 4000, within: 1e-6)
        expectNear(r1.mass(.without, .n2o), 0.000749 * 4000, within: 1e-9)
        // With: multiple drainage SF_w 0.55; straw incorporated > 30 days (CFOA 0.19) at the residue 6.6875 t/ha
        // plus 1 t/ha compost (0.17): Σ = 1.440625, SF_o = 2.440625^0.59 = 1.692878 → 0.231728 t CH4/ha/yr on the
        // 3600 ha·yr that moved (0 → 200); the 400 ha·yr still in the start state keep flooding and burning.
        expectNear(r1.mass(.with, .ch4), 0.231728 * 3600 + (0.24888 + 0.02889) * 400, within: 0.01)
        expectNear(r1.mass(.with, .n2o), 0.000749 * 400, within: 1e-9)
        // R2 rainfed regular 0.54, not flooded > 180 days 0.89, 1 season, straw exported: 50 ha × 20 yr.
        let r2 = try Self.row("R2", in: result)
        expectNear(r2.mass(.without, .ch4), 1.22 * 0.54 * 0.89 * 102 / 1000 * 1000, within: 1e-9)
        expectNear(r2.mass(.with, .ch4), r2.mass(.without, .ch4), within: 1e-12)
    }

    @Test("herds: enteric and pasture manure CH4, EF3PRP N2O (wet), indirect N2O of the grazing N")
    func livestock() throws {
        let result = try Self.assessment()
        // H1 other cattle: enteric 54 kg; VS 9.8 × 0.299 × 365 = 1069.523 kg × 0.6 g/kg; Nex 0.38 × 0.299 × 365
        // = 41.47130 kg N; EF3PRP cattle wet 0.006; indirect 0.21 × EF4 wet 0.014 + 0.24 × 0.011 = 0.00558.
        // Heads: 80 × 20 = 1600 without; 80 → 60: 77.5 + 72.5 + 67.5 + 62.5 + 60 × 16 = 1240 with.
        let h1 = try Self.row("H1", in: result)
        let cattleCH4 = 0.054 + 1069.523 * 0.6 / 1e6
        expectNear(h1.mass(.without, .ch4), cattleCH4 * 1600, within: 1e-6)
        expectNear(h1.mass(.with, .ch4), cattleCH4 * 1240, within: 1e-6)
        expectNear(h1.mass(.without, .n2o), 0.0414713 * 0.006 * 44 / 28 * 1600, within: 1e-6)
        expectNear(h1.mass(.without, .n2oIndirect), 0.0414713 * 0.00558 * 44 / 28 * 1600, within: 1e-6)
        // H2 goats: enteric 5 kg; VS 10.4 × 0.024 × 365 = 91.104 kg; Nex 0.34 × 0.024 × 365 = 2.9784 kg;
        // EF3PRP sheep and other 0.003; 200 × 20 = 4000 head·yr.
        let h2 = try Self.row("H2", in: result)
        expectNear(h2.mass(.with, .ch4), (0.005 + 91.104 * 0.6 / 1e6) * 4000, within: 1e-6)
        expectNear(h2.mass(.with, .n2o), 0.0029784 * 0.003 * 44 / 28 * 4000, within: 1e-9)
    }

    @Test("inputs: rice N with EF1FR (irrigated, so it leaches), compost, urea, dolomite, diesel")
    func inputs() throws {
        let result = try Self.assessment()
        let toN2O = 44.0 / 28
        // N1 continuously flooded rice, EF1FR 0.003: 24 t N × 20 = 480 without; 24 → 0: 21 + 15 + 9 + 3 = 48 with.
        // Indirect 0.11 × EF4 wet 0.014 + 0.24 × 0.011 = 0.00418 (rice N leaches); manufacture 4.766666667 t CO2e/t N.
        let n1 = try Self.row("N1", in: result)
        expectNear(n1.mass(.without, .n2o), 480 * 0.003 * toN2O, within: 1e-9)
        expectNear(n1.mass(.with, .n2oIndirect), 48 * 0.00418 * toN2O, within: 1e-9)
        expectNear(n1.mass(.without, .co2eManufacture), 480 * 4.766666667, within: 1e-5)
        // N2 intermittently flooded rice, EF1FR 0.005: 0 → 18 t N: 18 × 18 = 324.
        expectNear(try Self.row("N2", in: result).mass(.with, .n2o), 324 * 0.005 * toN2O, within: 1e-9)
        // N3 compost N 0 → 3: 54 t N; EF1 other inputs wet 0.006; indirect 0.21 × 0.014 + 0.24 × 0.011 = 0.00558.
        let n3 = try Self.row("N3", in: result)
        expectNear(n3.mass(.with, .n2o), 54 * 0.006 * toN2O, within: 1e-9)
        expectNear(n3.mass(.with, .n2oIndirect), 54 * 0.00558 * toN2O, within: 1e-9)
        #expect(n3.mass(.with, .co2eManufacture) == 0)
        // U1 urea 10 t/yr × 20 = 200 t: CO2 200 × 0.2 × 44/12; N 93.4 t × EF1 urea wet 0.016.
        let u1 = try Self.row("U1", in: result)
        expectNear(u1.mass(.with, .co2Other), 200 * 0.2 * 44 / 12, within: 1e-9)
        expectNear(u1.mass(.with, .n2o), 93.4 * 0.016 * toN2O, within: 1e-9)
        // Urea volatilises more than other synthetic N: Frac_GASF (urea) 0.15 × 0.014 + 0.24 × 0.011 = 0.00474.
        expectNear(u1.mass(.with, .n2oIndirect), 93.4 * 0.00474 * toN2O, within: 1e-9)
        // L1 dolomite 0 → 40 t: 720 t; CO2 × 0.13 × 44/12 = 343.2; manufacture × 0.586666667 = 422.4.
        let l1 = try Self.row("L1", in: result)
        expectNear(l1.mass(.with, .co2Other), 343.2, within: 1e-9)
        expectNear(l1.mass(.with, .co2eManufacture), 422.4, within: 1e-5)
        // D1 diesel 6 m³ → 8: 6.25 + 6.75 + 7.25 + 7.75 + 8 × 16 = 156 m³ with, 120 without; 2.682733149 t CO2e/m³.
        let d1 = try Self.row("D1", in: result).balance(gwp: result.gwpFactors)
        expectNear(d1.with, 156 * 2.682733149, within: 1e-5)
        expectNear(d1.without, 120 * 2.682733149, within: 1e-5)
    }

    @Test("exact-v9.4 drops exactly the managed-soil indirect N2O, and the result says by how much")
    func indirectDifference() throws {
        let ipcc = try Self.assessment()
        let exact = try Self.assessment(method: .exactV94)
        let indirect = ipcc.total(of: ipcc.rows, gas: .n2oIndirect)
        expectNear(exact.total.without, ipcc.total.without - indirect.without, within: 1e-6)
        expectNear(exact.total.with, ipcc.total.with - indirect.with, within: 1e-6)
        let named = ipcc.divergences.filter { $0.gas == .n2oIndirect }.reduce(0) { $0 + $1.differenceCO2e }
        expectNear(named, indirect.without + indirect.with, within: 1e-6)
    }
}

private func expectNear(_ actual: Double, _ expected: Double, within limit: Double = 0.01, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= limit, "\(actual) is not within \(limit) of \(expected)", sourceLocation: sourceLocation)
}
