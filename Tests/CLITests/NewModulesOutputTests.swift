import Foundation
import Testing

/// What `permille assess` shows for rice, livestock and inputs: every factor and intermediate under
/// `--explain`, per-gas tonnes and the uncertainty block in JSON.
@Suite("assess output for rice, livestock and inputs")
struct NewModulesOutputTests {
    static let demo = "Fixtures/rice-livestock-demo.json"

    @Test("--explain names each factor with its table line and each intermediate of the new modules")
    func explain() throws {
        let run = try PermilleBinary.run(["assess", Self.demo, "--explain"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let text = String(decoding: run.stdout, as: UTF8.self)
        for expected in [
            "EF_c (south-eastern-asia) = 1.22 kg CH4/ha/day", "SF_w(multiple-drainage) = 0.55", "CFOA(incorporated-over-30-days-before) = 0.19",
            "SF_o exponent = 0.59", "(rice-regional-defaults.csv line", "SF_o (with) = ", "rice CH4 rate (with) = ",
            "EF enteric (other-cattle, east-asia-and-south-east-asia, default) = 54 kg CH4/head/yr", "EF3PRP (cattle-poultry-pigs) = 0.006",
            "N excreted Nex = ", "EF1FR (n-fertilizers-in-continuously-irrigated-rice) = 0.003", "Frac_LEACH = 0.24", "EF5 = 0.011",
            "manufacture and transport (dolomite) = 0.586667", "CO2-EF (gasoil-diesel-oil, stationary) = 2.666933",
            "heads: start 80, without 80, with 60", "t N/yr: start 24, without 24, with 0",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }

    @Test("JSON gives per-gas tonnes and t CO2e for every module, and the uncertainty block")
    func json() throws {
        let run = try PermilleBinary.run(["assess", Self.demo, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let result = try run.json()
        for module in ["rice", "livestock", "inputs"] {
            let gases = try #require(lookup(result, "modules", module, "gases") as? [String: Any], "\(module)")
            for gas in ["co2", "ch4", "n2o", "co2e"] { #expect(gases[gas] != nil, "\(module) \(gas)") }
            #expect(lookup(result, "modules", module, "byGas", "ch4", "tonnes", "unit") as? String == "t CH4")
        }
        // Rice CH4 tonnes times the AR5 GWP give the CH4 t CO2e.
        let tonnes = try #require(number(lookup(result, "modules", "rice", "gases", "ch4", "without")))
        let co2e = try #require(number(lookup(result, "modules", "rice", "byGas", "ch4", "without")))
        #expect(abs(tonnes * 28 - co2e) <= 1e-6)
        let uncertainty = try #require(lookup(result, "uncertainty") as? [String: Any])
        let cells = try #require(uncertainty["cells"] as? [[String: Any]])
        let riceCH4 = try #require(cells.first { $0["module"] as? String == "rice" && $0["component"] as? String == "ch4" })
        #expect(riceCH4["class"] as? String == "**")
        #expect(abs(try #require(number(lookup(riceCH4, "uncertainty", "without"))) - abs(co2e) * 0.2) <= 1e-6)
        #expect(lookup(result, "otherMethod", "method") as? String == "exact-v9.4")
        #expect(lookup(result, "otherMethod", "differenceByGas", "n2o-indirect") != nil)
    }

    @Test("an area inconsistency is refused with the row, its line and its path")
    func areaInconsistency() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permille-area-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("area.json")
        try """
        {"format": "permille/1",
         "project": {"name": "area", "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10, "climate": "warm-temperate-dry", "soil": "high-activity-clay"},
         "modules": {"perennialCrops": [
           {"id": "P1", "area": {"start": 0, "without": 0, "with": 60},
            "start": {"system": "orchard"}, "without": {"system": "orchard"}, "with": {"system": "orchard"}}]}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try PermilleBinary.run(["assess", file.path])
        #expect(run.exitCode != 0)
        #expect(run.stdout.isEmpty)
        let message = run.stderrText
        #expect(message.contains("area.unexplained-gain"))
        #expect(message.contains("rows P1 gain 60 ha of perennial cropland in 'with', but no land-use-change row brings land into perennial cropland"))
        #expect(message.contains("area.json:4:"))
        #expect(message.contains("modules.perennialCrops[0].area"))
    }
}
