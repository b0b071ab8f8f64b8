import Foundation
import Testing

/// `permille practices`: the practice descriptive sheets, with factor values read from the tables.
@Suite("permille practices")
struct PracticesCommandTests {
    @Test("practices lists every sheet with the modules it applies to")
    func list() throws {
        let run = try PermilleBinary.run(["practices"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("key") == true)
        let noTill = try #require(lines.first { $0.hasPrefix("no-till ") })
        #expect(noTill.contains("No-till") && noTill.contains("annualCrops"))
        #expect(lines.contains { $0.hasPrefix("silvopasture ") && $0.contains("perennialCrops") && $0.contains("landUseChange") })
        #expect(lines.contains { $0.hasPrefix("rewetting ") && $0.contains("organicSoils") })
        #expect(lines.last?.hasSuffix("`permille practices show KEY` prints one") == true)
    }

    @Test("practices show no-till prints one line per climate zone with the table's value, source and line")
    func showNoTill() throws {
        let run = try PermilleBinary.run(["practices", "show", "no-till"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let text = run.stdoutText
        #expect(text.hasPrefix("# no-till: No-till\n"))
        #expect(text.contains("Applies to: annualCrops.tillage = no-till"))
        #expect(text.contains("Expected ΔSOC: no sourced range"))
        // The table row: management,cropland,no-tillage,f-mg,boreal-dry,1.03,dimensionless,4,V-EX,IPCC 2019 Vol4 Table 5.5
        let csv = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Indicators/factors/soil-stock-change-factors.csv"), encoding: .utf8)
        let csvLines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(csvLines.firstIndex { $0.hasPrefix("management,cropland,no-tillage,f-mg,boreal-dry,") })
        let fields = csvLines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(text.split(separator: "\n").first { $0.contains("climate_zone=boreal-dry ") && $0.contains("soil-stock-change-factors.csv:\(index + 1)") })
        #expect(line.contains("value \(fields[5]) dimensionless ±\(fields[7])%"))
        #expect(line.contains("[V-EX]") && line.contains("IPCC 2019 Vol4 Table 5.5"))
        let zones = text.split(separator: "\n").filter { $0.contains("soil-stock-change-factors.csv:") }
        #expect(zones.count >= 20, "no-till and full-tillage rows for every zone")
    }

    @Test("practices show alternate-wetting-and-drying prints the rice scaling factors")
    func showAWD() throws {
        let run = try PermilleBinary.run(["practices", "show", "alternate-wetting-and-drying"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        #expect(run.stdoutText.contains("value 0.55 dimensionless ±n/a  [V-EX]  IPCC 2019 Vol4 Table 5.12  (rice-scaling-factors.csv:4)"))
    }

    @Test("an unknown key is an error with a did-you-mean")
    func unknown() throws {
        let run = try PermilleBinary.run(["practices", "show", "no-tll"])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[practice.unknown]: no practice sheet 'no-tll'; did you mean 'no-till'?"))
        #expect(run.stdout.isEmpty)
    }

    @Test("--indicators reads the sheets from another folder and checks their digests")
    func otherFolder() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("Indicators")
        try FileManager.default.copyItem(at: PermilleBinary.packageRoot.appendingPathComponent("Indicators"), to: folder)
        let file = folder.appendingPathComponent("practices/practices.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"name\": \"No-till\"", with: "\"name\": \"Zero tillage\"")
        try Data(text.utf8).write(to: file)
        let run = try PermilleBinary.run(["practices", "--indicators", folder.path])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("indicators.digest-mismatch"))
    }
}
