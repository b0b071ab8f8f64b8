import Foundation
import Testing

/// `permille report`: the four formats, `-o` (atomic, nothing on error), the options and the errors.
@Suite("permille report")
struct ReportCommandTests {
    static let demo = "Fixtures/tropical-demo.json"

    @Test("default format is one self-contained HTML page on standard output")
    func htmlByDefault() throws {
        let run = try PermilleBinary.run(["report", Self.demo])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let html = run.stdoutText
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Tropical landscape demo (every module)"))
        for forbidden in ["<script", "http:", "https:", "url(", "@import", "<link", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "report contains \(forbidden)")
        }
    }

    @Test("each format writes to -o and gives the same bytes on a second run", arguments: ["html", "markdown", "csv", "json"])
    func formatsAreDeterministic(format: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let first = scratch.url.appendingPathComponent("one.\(format)").path
        let second = scratch.url.appendingPathComponent("two.\(format)").path
        let runOne = try PermilleBinary.run(["report", Self.demo, "--format", format, "-o", first])
        let runTwo = try PermilleBinary.run(["report", Self.demo, "--format", format, "-o", second])
        #expect(runOne.exitCode == 0, "stderr: \(runOne.stderrText)")
        #expect(runTwo.exitCode == 0)
        #expect(runOne.stdout.isEmpty)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 1000)
        #expect(a == b)
    }

    @Test("markdown has the report's section titles")
    func markdownSections() throws {
        let run = try PermilleBinary.run(["report", Self.demo, "--format", "markdown"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let titles = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(
            titles == [
                "Project", "Headline", "Charts", "Results", "Per-mille rates", "Criteria scorecard", "Indicators",
                "Practice sheets", "Factors used", "Method choices and divergences", "Digests",
            ])
    }

    @Test("csv is the long format and its totals match assess --format json")
    func csvMatchesAssess() throws {
        let csv = try PermilleBinary.run(["report", Self.demo, "--format", "csv"])
        #expect(csv.exitCode == 0, "stderr: \(csv.stderrText)")
        let lines = csv.stdoutText.split(separator: "\r\n")
        #expect(lines.first == "row,module,gas,scenario,year,value,unit")
        let assess = try PermilleBinary.run(["assess", Self.demo, "--format", "json"]).json()
        // Σ over rows, years and gas categories of t CO2 = the project's t CO2 (gases.co2), per scenario.
        var co2 = ["without": 0.0, "with": 0.0]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 7)
            if fields[6] == "t CO2" { co2[String(fields[3]), default: 0] += Double(fields[5]) ?? .nan }
        }
        for scenario in ["without", "with"] {
            let expected = try #require(number(lookup(assess, "total", "gases", "co2", scenario)))
            #expect(abs((co2[scenario] ?? 0) - expected) <= 1e-6 * max(1, abs(expected)), "\(scenario)")
        }
    }

    @Test("json is the result document plus the review, and its totals equal assess --format json")
    func jsonExtendsResult() throws {
        let run = try PermilleBinary.run(["report", Self.demo, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let report = try run.json()
        let assess = try PermilleBinary.run(["assess", Self.demo, "--format", "json"]).json()
        for key in ["perMille", "indicators", "scorecard", "practices", "reviewDigests"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        #expect(number(lookup(report, "total", "balance")) == number(lookup(assess, "total", "balance")))
        #expect(lookup(report, "digests", "input") as? String == lookup(assess, "digests", "input") as? String)
        let digests = try #require(report["reviewDigests"] as? [String: Any])
        #expect(digests.values.allSatisfy { ($0 as? String)?.hasPrefix("sha256:") == true })
    }

    @Test("--compound puts the compound rate in the headline")
    func compoundHeadline() throws {
        let linear = try PermilleBinary.run(["report", Self.demo, "--format", "markdown"]).stdoutText
        let compound = try PermilleBinary.run(["report", Self.demo, "--format", "markdown", "--compound"]).stdoutText
        #expect(linear.contains("Additional per-mille rate (linear)"))
        #expect(compound.contains("Additional per-mille rate (compound)"))
    }

    @Test("--method and --gwp are applied")
    func methodAndGWP() throws {
        let run = try PermilleBinary.run(["report", Self.demo, "--format", "json", "--method", "exact-v9.4", "--gwp", "AR6"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let report = try run.json()
        #expect(report["method"] as? String == "exact-v9.4")
        #expect(report["gwp"] as? String == "AR6")
    }

    @Test("--criteria replaces the criteria file and its digest is reported")
    func replacementCriteria() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let bundled = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Indicators/catalogue/criteria.json"), encoding: .utf8)
        let renamed = bundled.replacingOccurrences(of: "\"Human rights\"", with: "\"Human rights (STC final)\"")
        #expect(renamed != bundled)
        let path = try scratch.write(renamed, to: "stc-criteria.json")
        let run = try PermilleBinary.run(["report", Self.demo, "--format", "json", "--criteria", path])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let report = try run.json()
        let scorecard = try #require(report["scorecard"] as? [[String: Any]])
        #expect(scorecard.contains { $0["name"] as? String == "Human rights (STC final)" })
        #expect((lookup(report, "reviewDigests", "stc-criteria.json") as? String)?.hasPrefix("sha256:") == true)
    }

    @Test("an invalid project writes nothing to -o and exits 1")
    func noPartialOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let project = try scratch.write(BrokenProject.threeErrors, to: "broken.json")
        let out = scratch.url.appendingPathComponent("report.html").path
        let run = try PermilleBinary.run(["report", project, "-o", out])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[format.version]"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("errors: unreadable file exits 2, unknown format or method is refused")
    func errors() throws {
        let missing = try PermilleBinary.run(["report", "Fixtures/no-such-project.json"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderrText.contains("error[file.unreadable]"))
        #expect(missing.stdout.isEmpty)
        let format = try PermilleBinary.run(["report", Self.demo, "--format", "pdf"])
        #expect(format.exitCode != 0)
        #expect(format.stdout.isEmpty)
        let method = try PermilleBinary.run(["report", Self.demo, "--method", "exact"])
        #expect(method.exitCode != 0)
        #expect(method.stderrText.contains("unknown method"))
        let criteria = try PermilleBinary.run(["report", Self.demo, "--criteria", "/nonexistent/criteria.json"])
        #expect(criteria.exitCode == 2)
        #expect(criteria.stdout.isEmpty)
    }

    /// Chromium on PATH (.ci/run installs it; the browser test fails without it, it is never skipped).
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    @Test("headless Chromium renders the HTML report")
    func rendersInChromium() throws {
        let chromium = try #require(Self.chromium, "chromium is not on PATH (.ci/run installs it)")
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let html = scratch.url.appendingPathComponent("report.html").path
        let png = scratch.url.appendingPathComponent("report.png").path
        let run = try PermilleBinary.run(["report", Self.demo, "--format", "html", "-o", html])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(png)", "--window-size=1280,2400", "file://\(html)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(image.count > 20_000, "the screenshot is nearly empty (\(image.count) bytes)")
    }
}
