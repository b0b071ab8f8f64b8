import Foundation
import Testing

/// `permille factors`: the tables behind every number, with their digests and what is still unverified.
@Suite("permille factors")
struct FactorsCommandTests {
    /// The digest the Indicators manifest records for `file`, e.g. `factors/soc-reference.csv`.
    static func manifestDigest(of file: String) throws -> String {
        let url = PermilleBinary.packageRoot.appendingPathComponent("Indicators/manifest.json")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let tables = try #require(manifest["tables"] as? [[String: Any]])
        let table = try #require(tables.first { $0["file"] as? String == file }, "\(file) is not in the manifest")
        return try #require(table["sha256"] as? String)
    }

    @Test("factors show soc-reference prints the table with its digest")
    func showPrintsTableWithDigest() throws {
        let run = try PermilleBinary.run(["factors", "show", "soc-reference"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count > 3)
        #expect(lines[0].hasPrefix("# soc-reference: "))
        let digest = try Self.manifestDigest(of: "factors/soc-reference.csv")
        #expect(lines[1].hasPrefix("# file factors/soc-reference.csv, sha256:\(digest) "))
        #expect(lines[2].hasPrefix("climate_zone,soil_class,value"))
        // The value the worked example uses: SOCref 24 t C/ha, warm temperate dry, high-activity clay,
        // spelled as the file spells it (`24`, not `24.0`).
        #expect(lines.contains { $0.hasPrefix("warm-temperate-dry,high-activity-clay,24,") })
        // Issue 16: what is shown is what is hashed: below the two comment lines, the file's own bytes.
        let stored = try Data(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Indicators/factors/soc-reference.csv"))
        let shown = run.stdoutText.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[2]
        #expect(Array(shown.utf8) == Array(stored))
    }

    @Test("factors list --unverified lists at least one [M] value")
    func listUnverifiedShowsMValues() throws {
        let run = try PermilleBinary.run(["factors", "list", "--unverified"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("[M]") })
        let summary = try #require(lines.last)
        let count = try #require(Int(summary.split(separator: " ").first ?? ""), "last line: \(summary)")
        #expect(count >= 1)
        #expect(summary == "\(count) unverified values")
        #expect(lines.count == count + 1, "one line per value, then the count")
    }

    @Test("factors show with an unknown table exits non-zero and says so on stderr")
    func showUnknownTableFails() throws {
        let run = try PermilleBinary.run(["factors", "show", "no-such-table"])
        #expect(run.exitCode != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("no-such-table"))
    }
}
