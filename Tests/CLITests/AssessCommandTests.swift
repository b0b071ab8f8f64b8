import Foundation
import Testing

/// `permille assess` on the public worked example (project-format.md, "Example"): the EX-ACT-compatible
/// method gives the workbook's own totals; the default IPCC method adds the N2O of mineralised SOM.
@Suite("permille assess")
struct AssessCommandTests {
    static let demo = "Fixtures/grassland-demo.json"

    @Test("--method exact-v9.4 gives the workbook's totals for the grassland demo")
    func exactMethodGivesWorkbookTotals() throws {
        let run = try PermilleBinary.run(["assess", Self.demo, "--method", "exact-v9.4", "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        #expect(run.stderr.isEmpty)
        let result = try run.json()

        #expect(result["method"] as? String == "exact-v9.4")
        // Absolute tolerances: 0.01 t CO2e on totals, 0.001 t CO2e/ha/yr on the intensity.
        let total = try #require(result["total"] as? [String: Any])
        #expect(abs(try #require(number(total["without"])) - 1650) <= 0.01)
        #expect(abs(try #require(number(total["with"])) - -825) <= 0.01)
        #expect(abs(try #require(number(total["balance"])) - -2475) <= 0.01)
        #expect(abs(try #require(number(total["perHectarePerYear"])) - -0.55) <= 0.001)

        let inputDigest = try #require(lookup(result, "digests", "input") as? String)
        #expect(inputDigest.hasPrefix("sha256:"))
        #expect(inputDigest.count == "sha256:".count + 64)
        let socDigest = try #require(lookup(result, "digests", "factors", "soc-reference.csv") as? String)
        #expect(socDigest.hasPrefix("sha256:"))

        let g1 = try #require(lookup(result, "modules", "grassland", "rows", "G1") as? [String: Any])
        #expect(abs(try #require(number(g1["without"])) - -825) <= 0.01)
        #expect(abs(try #require(number(g1["with"])) - -825) <= 0.01)
        let g2 = try #require(lookup(result, "modules", "grassland", "rows", "G2") as? [String: Any])
        #expect(abs(try #require(number(g2["without"])) - 2475) <= 0.01)
        #expect(abs(try #require(number(g2["with"]))) <= 0.01)
    }

    @Test("Two runs on the same file print byte-identical output")
    func outputIsDeterministic() throws {
        let first = try PermilleBinary.run(["assess", Self.demo, "--method", "exact-v9.4", "--format", "json"])
        let second = try PermilleBinary.run(["assess", Self.demo, "--method", "exact-v9.4", "--format", "json"])
        #expect(first.exitCode == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("The default method adds N2O to G2 without and lists divergence D3")
    func defaultMethodAddsMineralisationN2O() throws {
        let exact = try PermilleBinary.run(["assess", Self.demo, "--method", "exact-v9.4", "--format", "json"]).json()
        let run = try PermilleBinary.run(["assess", Self.demo, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let ipcc = try run.json()
        #expect(ipcc["method"] as? String == "ipcc")

        let exactG2 = try #require(number(lookup(exact, "modules", "grassland", "rows", "G2", "without")))
        let ipccG2 = try #require(number(lookup(ipcc, "modules", "grassland", "rows", "G2", "without")))
        #expect(ipccG2 > exactG2 + 1, "IPCC books N2O from the SOM that G2 loses without the project")
        let n2oWithout = try #require(number(lookup(ipcc, "total", "byGas", "n2o", "without")))
        #expect(n2oWithout > 0)

        let divergences = try #require(ipcc["divergences"] as? [[String: Any]])
        #expect(!divergences.isEmpty)
        let d3 = try #require(divergences.first { ($0["ids"] as? [String])?.contains("D3") == true }, "no divergence names D3")
        #expect(d3["row"] as? String == "G2")
        #expect(d3["scenario"] as? String == "without")
        let difference = try #require(number(d3["differenceCO2e"]))
        #expect(abs(difference - (ipccG2 - exactG2)) <= 0.01, "the divergence explains the whole difference")
    }

    @Test("--explain shows each factor with its value and source")
    func explainShowsFactorsWithSources() throws {
        let run = try PermilleBinary.run(["assess", Self.demo, "--explain"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        #expect(run.stdoutText.contains("SOCref = 24"))
        #expect(run.stdoutText.contains("IPCC 2019 Vol4 Table 2.3"))
    }

    @Test("-o writes the result to the file and nothing to standard output")
    func outputOptionWritesFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("result.json").path
        let run = try PermilleBinary.run(["assess", Self.demo, "--format", "json", "-o", out])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        #expect(run.stdout.isEmpty)
        let printed = try PermilleBinary.run(["assess", Self.demo, "--format", "json"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == printed.stdout)
    }

    @Test("-o on a file with errors exits 1 and does not create the output file")
    func outputOptionOnBrokenFileCreatesNothing() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = try scratch.write(BrokenProject.threeErrors, to: "broken.json")
        let out = scratch.url.appendingPathComponent("result.json").path
        let run = try PermilleBinary.run(["assess", input, "--format", "json", "-o", out])
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.reportsError("area.negative"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
