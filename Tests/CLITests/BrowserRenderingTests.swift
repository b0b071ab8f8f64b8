import Foundation
import Testing

/// Looked at, not assumed: headless Chromium (Debian's `chromium`; .ci/run installs it, the test is
/// never skipped) renders every fixture's report and a portfolio of the fixtures plus one duplicate.
/// A probe script appended to a copy of each page reports script errors and each chart's rendered
/// size into the DOM, which `--dump-dom` prints; a screenshot of each page is kept in
/// `.build/browser-screenshots/` for a person to look at.
@Suite("reports in a browser")
struct BrowserRenderingTests {
    static let fixtures = ["grassland-demo", "tropical-demo", "rice-livestock-demo", "coastal-demo"]

    /// Records errors from the first script on; after load, writes what it saw into `#browser-probe`.
    /// On the portfolio it also sorts by balance, to check the sorting script.
    static let probeHead = """
        <script>window.probeErrors = []; window.addEventListener("error", function (e) { window.probeErrors.push(String(e.message)); });</script>
        """
    static let probeTail = """
        <script>
        (function () {
          var charts = Array.prototype.map.call(document.querySelectorAll("svg.chart"), function (svg) {
            var box = svg.getBoundingClientRect();
            return { id: svg.id, width: box.width, height: box.height, marks: svg.querySelectorAll("rect.bar, circle.point").length };
          });
          var sorted = null;
          var table = document.querySelector("table.sortable");
          if (table) {
            var column = Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (th) { return th.textContent.indexOf("Balance") === 0; });
            table.tHead.rows[0].cells[column].querySelector("button").click();
            sorted = Array.prototype.map.call(table.tBodies[0].rows, function (row) { return parseFloat(row.cells[column].getAttribute("data-sort")); });
          }
          var out = document.createElement("pre");
          out.id = "browser-probe";
          out.textContent = JSON.stringify({ errors: window.probeErrors, charts: charts, sorted: sorted, width: document.documentElement.scrollWidth });
          document.body.appendChild(out);
        })();
        </script>
        """

    struct Probe: Decodable {
        struct Chart: Decodable {
            var id: String
            var width: Double
            var height: Double
            var marks: Int
        }
        var errors: [String]
        var charts: [Chart]
        var sorted: [Double]?
        var width: Double
    }

    static func chromium(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let chromium = try #require(ReportCommandTests.chromium, "chromium is not on PATH (.ci/run installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400"] + arguments
        // Standard error goes to a file: reading two pipes in turn could block Chromium on the other.
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("permille-chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorLog) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorLog)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? Data(contentsOf: errorLog)) ?? Data()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Renders `page` with the probe, saves a screenshot as `name.png`, and returns what the probe saw.
    static func render(_ page: String, name: String, in scratch: TemporaryDirectory) throws -> Probe {
        let plain = try scratch.write(page, to: "\(name).html")
        let probed = page.replacingOccurrences(of: "<head>", with: "<head>\n" + probeHead)
            .replacingOccurrences(of: "</body>", with: probeTail + "\n</body>")
        let probePath = try scratch.write(probed, to: "\(name).probe.html")
        let dump = try chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(probePath)"])
        #expect(dump.status == 0, "\(name): chromium exited \(dump.status)")
        // Console errors Chromium logs (a script error the probe could miss, a refused resource).
        let console = dump.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(name): console says \(console)")
        let start = try #require(dump.stdout.range(of: "<pre id=\"browser-probe\">"), "\(name): the probe did not run")
        let end = try #require(dump.stdout.range(of: "</pre>", range: start.upperBound..<dump.stdout.endIndex))
        let json = String(dump.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))

        let folder = PermilleBinary.packageRoot.appendingPathComponent(".build/browser-screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let png = folder.appendingPathComponent("\(name).png").path
        let shot = try chromium(["--screenshot=\(png)", "--hide-scrollbars", "file://\(plain)"])
        #expect(shot.status == 0)
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 20_000, "\(name): the screenshot is empty")
        return probe
    }

    static func check(_ probe: Probe, name: String, charts: Int) {
        #expect(probe.errors.isEmpty, "\(name): script errors \(probe.errors)")
        #expect(probe.charts.count >= charts, "\(name): \(probe.charts.count) charts")
        for chart in probe.charts {
            #expect(chart.width > 100 && chart.height > 50, "\(name): \(chart.id) is \(chart.width)×\(chart.height)")
            #expect(chart.marks > 0, "\(name): \(chart.id) draws nothing")
        }
        #expect(probe.width <= 1280, "\(name): the page is \(probe.width) px wide, cut at 1 280")
    }

    @Test("every fixture's report renders: no script error, every chart drawn, fits 1 280 px", arguments: Self.fixtures)
    func report(fixture: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let run = try PermilleBinary.run(["report", "Fixtures/\(fixture).json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let probe = try Self.render(run.stdoutText, name: "report-\(fixture)", in: scratch)
        Self.check(probe, name: fixture, charts: 2)
    }

    @Test("the portfolio of the fixtures plus a duplicate renders, sorts by balance and fits 1 280 px")
    func portfolio() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let xml = scratch.url.appendingPathComponent("tropical-demo.xml").path
        #expect(try PermilleBinary.run(["convert", "Fixtures/tropical-demo.json", xml]).exitCode == 0)
        let files = Self.fixtures.map { "Fixtures/\($0).json" } + [xml]
        let run = try PermilleBinary.run(["portfolio"] + files)
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let probe = try Self.render(run.stdoutText, name: "portfolio", in: scratch)
        Self.check(probe, name: "portfolio", charts: 3)
        let sorted = try #require(probe.sorted, "no sortable table")
        #expect(sorted.count == files.count)
        #expect(sorted == sorted.sorted(), "balance column not sorted ascending: \(sorted)")
    }
}
