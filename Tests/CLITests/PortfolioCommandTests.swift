import Foundation
import Testing

/// `permille portfolio`: many projects, JSON and XML mixed, one bad file among them.
@Suite("permille portfolio")
struct PortfolioCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permille-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("totals are the sums of the single runs; the bad file is listed with its errors and the others report")
    func totalsAndBadFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xml = directory.appendingPathComponent("tropical.xml").path
        #expect(try PermilleBinary.run(["convert", "Fixtures/tropical-demo.json", xml]).exitCode == 0)
        let bad = directory.appendingPathComponent("bad.json")
        try #"{"format": "permille/1", "project": {"name": "broken"}, "modules": {}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let files = ["Fixtures/grassland-demo.json", xml, "Fixtures/rice-livestock-demo.json", bad.path]

        let run = try PermilleBinary.run(["portfolio"] + files + ["--format", "json"])
        #expect(run.exitCode == 1, "one file cannot be assessed")
        #expect(run.stderrText.contains("bad.json"))
        let portfolio = try run.json()
        let projects = try #require(portfolio["projects"] as? [[String: Any]])
        #expect(projects.count == 4)
        #expect(projects[3]["status"] as? String == "failed")
        #expect(((projects[3]["errors"] as? [String]) ?? []).contains { $0.hasPrefix("field.missing") })

        // Each assessed project equals its own `assess` run; the total is their sum.
        var sums = (without: 0.0, with: 0.0, area: 0.0, households: 0.0)
        for (index, file) in files.prefix(3).enumerated() {
            let single = try PermilleBinary.run(["assess", file, "--format", "json"]).json()
            let total = try #require(single["total"] as? [String: Any])
            let entry = projects[index]
            #expect(abs(try #require(number(entry["balance"])) - (try #require(number(total["balance"])))) <= 1e-6)
            #expect(abs(try #require(number(entry["area"])) - (try #require(number(total["area"])))) <= 1e-9)
            sums.without += try #require(number(total["without"]))
            sums.with += try #require(number(total["with"]))
            sums.area += try #require(number(total["area"]))
            sums.households += number(entry["households"]) ?? 0
            #expect((entry["criteria"] as? [String: Any])?.isEmpty == false)
        }
        let total = try #require(portfolio["total"] as? [String: Any])
        #expect(abs(try #require(number(total["without"])) - sums.without) <= 1e-6)
        #expect(abs(try #require(number(total["with"])) - sums.with) <= 1e-6)
        #expect(abs(try #require(number(total["area"])) - sums.area) <= 1e-9)
        #expect(abs(try #require(number(total["perHectare"])) - (sums.with - sums.without) / sums.area) <= 1e-6)
        #expect(number(total["households"]) == sums.households)
        #expect(number(total["projects"]) == 3 && number(total["failed"]) == 1)
    }

    @Test("CSV has one line per project and a total line; HTML is one offline page")
    func csvAndHTML() throws {
        let files = ["Fixtures/grassland-demo.json", "Fixtures/tropical-demo.json"]
        let csv = try PermilleBinary.run(["portfolio"] + files + ["--format", "csv"])
        #expect(csv.exitCode == 0, "stderr: \(csv.stderrText)")
        let lines = csv.stdoutText.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("file,status,name,holder,country,area_ha,years,without_tco2e") == true)
        #expect(lines.last?.hasPrefix(#"TOTAL,"2 assessed, 0 failed""#) == true)
        let html = try PermilleBinary.run(["portfolio"] + files)
        #expect(html.exitCode == 0)
        let page = html.stdoutText
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        // One inline script sorts the table; nothing is fetched.
        #expect(!page.contains("<script src") && !page.contains("http://") && !page.contains("https://"))
        #expect(page.contains("Tropical landscape demo (every module)"))
    }

    @Test("the same project given twice (JSON and XML) is flagged and counted once in JSON, CSV and HTML; names, not keys")
    func duplicateCountedOnce() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xml = directory.appendingPathComponent("tropical.xml").path
        #expect(try PermilleBinary.run(["convert", "Fixtures/tropical-demo.json", xml]).exitCode == 0)
        let fixtures = ["Fixtures/grassland-demo.json", "Fixtures/tropical-demo.json", "Fixtures/rice-livestock-demo.json"]
        let files = fixtures + [xml]

        let once = try PermilleBinary.run(["portfolio"] + fixtures + ["--format", "json"]).json()
        let run = try PermilleBinary.run(["portfolio"] + files + ["--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        let twice = try run.json()
        let projects = try #require(twice["projects"] as? [[String: Any]])
        #expect(projects[3]["status"] as? String == "duplicate")
        #expect(projects[3]["duplicateOf"] as? String == "Fixtures/tropical-demo.json")
        #expect(projects[3]["inputDigest"] as? String == projects[1]["inputDigest"] as? String)
        #expect(projects[1]["duplicateOf"] is NSNull)
        #expect(projects[1]["countryName"] as? String == "Côte d'Ivoire")
        #expect(number(lookup(twice, "total", "duplicates")) == 1)
        #expect(number(lookup(twice, "total", "projects")) == 3)
        for key in ["balance", "area", "households"] {
            #expect(number(lookup(twice, "total", key)) == number(lookup(once, "total", key)), "total \(key) counts the duplicate")
        }

        let csv = try PermilleBinary.run(["portfolio"] + files + ["--format", "csv"]).stdoutText.split(separator: "\r\n")
        #expect(csv.count == 6)
        #expect(csv[4].hasPrefix("\(xml),duplicate,"))
        #expect(csv[4].contains(",Fixtures/tropical-demo.json,"))
        #expect(csv[5].hasPrefix(#"TOTAL,"3 assessed, 0 failed, 1 duplicate counted once""#))

        let page = try PermilleBinary.run(["portfolio"] + files).stdoutText
        #expect(page.contains("duplicate of Fixtures/tropical-demo.json, counted once"))
        #expect(page.contains("Côte d&#39;Ivoire") && page.contains("Viet Nam") && page.contains("Spain"))
        for key in ["c-te-d-ivoire", "viet-nam", ">spain<", "insufficient-evidence<", "partly-met<"] {
            #expect(!page.contains(key), "the page shows the key \(key)")
        }
        #expect(!page.contains("1743.696"), "numbers are rounded")
        for chart in ["chart-portfolio-balance", "chart-portfolio-intensity", "chart-portfolio-criteria"] {
            #expect(page.contains("id=\"\(chart)\""), "no \(chart)")
        }
    }
}
