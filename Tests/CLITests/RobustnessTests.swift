import Foundation
import Testing

/// Issue 16: every crash, hang and NaN of the probe is a clear error with a position, and no
/// output grows with errors × line length. Each case runs the built binary as a user would.
@Suite("Robustness (issue 16)")
struct RobustnessTests {
    static let demo = PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json")
    static let areas = #""area": {"start": 150, "without": 150, "with": 150}"#

    /// The grassland demo with its first row's area triple replaced.
    static func demo(area: String) throws -> String {
        let text = try String(contentsOf: demo, encoding: .utf8)
        let edited = text.replacingOccurrences(of: areas, with: area)
        #expect(edited != text)
        return edited
    }

    static func demo(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: demo, encoding: .utf8)
        let edited = text.replacingOccurrences(of: old, with: new)
        #expect(edited != text, "the fixture has \(old)")
        return edited
    }

    @Test(
        "values the probe crashed on are errors at their position, from validate and assess alike",
        arguments: [
            // assess trapped converting a result of 2e18 ha to Int (TextReport.swift:151)
            (#""area": {"start": 2e18, "without": 2e18, "with": 2e18}"#, "value.out-of-range", ":9:27"),
            // the JSON writer trapped on the infinities 1e300 ha gives (JSONWriter.swift:24)
            (#""area": {"start": 1e300, "without": 1e300, "with": 1e300}"#, "value.out-of-range", ":9:27"),
            // above the planet's land area, though below the global ceiling
            (#""area": {"start": 2e10, "without": 150, "with": 150}"#, "area.too-large", ":9:27"),
            // 1e-400 silently became 0
            (#""area": {"start": 1e-400, "without": 150, "with": 150}"#, "number.underflow", ":9:27"),
            (#""area": {"start": 150, "without": 150, "with": 4.9e-324}"#, "number.underflow", ":9:"),
        ])
    func extremeAreas(area: String, code: String, place: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(try Self.demo(area: area), to: "p.json")
        for command in [["validate", file], ["assess", file], ["assess", file, "--format", "json"]] {
            let run = try PermilleBinary.run(command)
            #expect(run.exitCode == 1, "\(command): \(run.stderrText)")
            #expect(run.stdout.isEmpty || command[0] == "validate")
            #expect(run.reportsError(code), "\(run.stderrText)")
            // With --format json the place is the document's line and column.
            let json = command.contains("json")
            let line = place.split(separator: ":").first.map(String.init) ?? ""
            #expect(json ? run.stderrText.contains("\"line\": \(line),") : run.stderrText.contains("p.json\(place)"), "\(run.stderrText)")
            #expect(!run.stderrText.contains("Fatal error"))
        }
    }

    @Test("a measured temperature of 1e19 is an error (validate trapped in Site.swift:45)", arguments: ["1e19", "-1e19", "99", "1e-320"])
    func measuredTemperature(value: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let climate = #"{"meanAnnualTemperatureC": \#(value), "annualPrecipitationMm": 500, "potentialEvapotranspirationMm": 800, "elevationM": 100}"#
        let file = try scratch.write(try Self.demo(replacing: #""warm-temperate-dry""#, with: climate), to: "p.json")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("project.climate.meanAnnualTemperatureC"), "\(run.stderrText)")
    }

    @Test(
        "negative or absurd overrides, uncertainties and budgets are refused at their position",
        arguments: [
            (#""overrides": [{"factor": "soc-ref", "value": -5, "source": "x"}]"#, "overrides[0].value"),
            (#""overrides": [{"factor": "soc-ref", "value": 1e12, "source": "x"}]"#, "overrides[0].value"),
            (#""overrides": [{"factor": "ef1", "value": 2, "source": "x"}]"#, "overrides[0].value"),
            (#""overrides": [{"factor": "soc-ref", "value": 40, "uncertaintyPercent": -10, "source": "x"}]"#, "overrides[0].uncertaintyPercent"),
            (#""overrides": [{"factor": "soc-ref", "value": 40, "uncertaintyPercent": 1e300, "source": "x"}]"#, "overrides[0].uncertaintyPercent"),
        ])
    func overrides(entry: String, path: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(try Self.demo(replacing: #""modules": {"#, with: entry + #", "modules": {"#), to: "p.json")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("(\(path))"), "\(run.stderrText)")
    }

    @Test("a negative or absurd budget is refused", arguments: ["-100", "1e300"])
    func budget(amount: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(
            try Self.demo(replacing: #""gwp": "AR5" }"#, with: #""gwp": "AR5", "budget": {"amount": \#(amount), "currency": "EUR"} }"#), to: "p.json")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("project.budget.amount"), "\(run.stderrText)")
    }

    @Test("convert refuses 1e400 (it trapped) and a control character XML cannot hold, with positions")
    func convertRefuses() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let huge = try scratch.write(try Self.demo(area: #""area": {"start": 1e400, "without": 150, "with": 150}"#), to: "huge.json")
        for target in ["huge.xml", "huge2.json"] {
            let out = scratch.url.appendingPathComponent(target).path
            let run = try PermilleBinary.run(["convert", huge, out])
            #expect(run.exitCode == 1, "\(run.stderrText)")
            #expect(run.stderrText.contains("error[number.not-finite]"))
            #expect(run.stderrText.contains("huge.json:9:27"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let control = try scratch.write(try Self.demo(replacing: #""Grassland demo""#, with: #""Grass\u0007land""#), to: "bell.json")
        let run = try PermilleBinary.run(["convert", control, scratch.url.appendingPathComponent("bell.xml").path])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[convert.unrepresentable]"), "\(run.stderrText)")
        #expect(run.stderrText.contains("U+0007"))
        // Tab, line breaks and a carriage return survive JSON → XML → JSON.
        let spaced = try scratch.write(try Self.demo(replacing: #""Grassland demo""#, with: #""a\tb\nc\rd""#), to: "spaced.json")
        let xml = scratch.url.appendingPathComponent("spaced.xml").path
        let back = scratch.url.appendingPathComponent("back.json").path
        #expect(try PermilleBinary.run(["convert", spaced, xml]).exitCode == 0)
        #expect(try PermilleBinary.run(["convert", xml, back]).exitCode == 0)
        #expect(try String(contentsOfFile: back, encoding: .utf8).contains(#""a\tb\nc\rd""#))
    }

    @Test("names with terminal escapes print escaped, in diagnostics and in the text report")
    func terminalEscapes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let named = try Self.demo(replacing: #""Grazing pressure reduced""#, with: #""\u001b[31mred\u001b[0m""#)
        let file = try scratch.write(named, to: "p.json")
        let assess = try PermilleBinary.run(["assess", file])
        #expect(assess.exitCode == 0, "\(assess.stderrText)")
        #expect(!assess.stdout.contains(0x1B), "no raw ESC in the report")
        let broken = try scratch.write(named.replacingOccurrences(of: #""id": "G1""#, with: #""id": "\u001b[2J""#), to: "q.json")
        let validate = try PermilleBinary.run(["validate", broken])
        #expect(!validate.stderr.contains(0x1B), "no raw ESC in diagnostics: \(validate.stderrText)")
    }

    @Test("a one-line 1 MB project with an error in every row gives bounded output (JSON and XML)")
    func oneLineOfErrors() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var rows: [String] = []
        for index in 0..<6_000 {
            rows.append(
                #"{"id":"G\#(index)","name":"x","area":{"start":-1,"without":150,"with":150},"start":{"condition":"nope"},"#
                    + #""without":{"condition":"non-degraded"},"with":{"condition":"non-degraded"}}"#)
        }
        let project =
            #"{"format":"permille/1","project":{"name":"P","startYear":2026,"implementationYears":5,"capitalizationYears":10,"#
            + #""climate":"warm-temperate-dry","soil":"high-activity-clay"},"modules":{"grassland":["# + rows.joined(separator: ",") + "]}}"
        #expect(project.utf8.count > 1_000_000)
        #expect(!project.contains("\n"))
        let json = try scratch.write(project, to: "one.json")
        let xmlPretty = scratch.url.appendingPathComponent("pretty.xml").path
        #expect(try PermilleBinary.run(["convert", json, xmlPretty]).exitCode == 0)
        // The XML on one line too.
        let flattened = try String(contentsOfFile: xmlPretty, encoding: .utf8)
            .split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        let xml = try scratch.write(String(flattened), to: "one.xml")
        for file in [json, xml] {
            let run = try PermilleBinary.run(["validate", file])
            #expect(run.exitCode == 1)
            // 200 diagnostics of a few hundred bytes each, then a count of the rest.
            #expect(run.stderr.count < 200_000, "\(file): \(run.stderr.count) bytes")
            #expect(run.stderrText.contains("… and 11800 more diagnostics not shown"), "\(file)")
            #expect(run.stderrText.hasSuffix("12000 errors, 0 warnings\n"))
            let longest = run.stderrText.split(separator: "\n").map { (line: Substring) in line.count }.max() ?? 0
            #expect(longest < 200, "an excerpt is bounded, not the whole line: \(longest)")
        }
    }

    @Test("XML errors past line 65 535 are reported at their own line (XML_PARSE_BIG_LINES)")
    func bigLines() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = "<permille>" + String(repeating: "\n", count: 70_000) + "<broken></permille>"
        let file = try scratch.write(text, to: "long.xml")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("long.xml:70001:"), "\(run.stderrText)")
    }

    @Test("an XML element with many attributes is refused at once, not parsed quadratically")
    func manyAttributes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let attributes = (0..<50_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let file = try scratch.write("<permille \(attributes)/>", to: "attrs.xml")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("50000 attributes"), "\(run.stderrText)")
    }

    @Test("libxml2's depth limit is explained without naming an option no user can set")
    func depthMessage() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write("<permille>" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300) + "</permille>", to: "deep.xml")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1)
        #expect(!run.stderrText.contains("XML_PARSE_HUGE"), "\(run.stderrText)")
        #expect(run.stderrText.contains("nested deeper than"))
    }

    @Test(
        "a full device on standard output is reported and exits 2, never a trap",
        arguments: [
            ["factors", "show", "soc-reference"], ["assess", "Fixtures/grassland-demo.json"], ["schema"],
        ])
    func fullDevice(arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = PermilleBinary.executable
        process.arguments = arguments
        process.currentDirectoryURL = PermilleBinary.packageRoot
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let errURL = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: errURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = full
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        #expect(process.terminationReason == .exit, "not killed by a signal: \(stderr)")
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("cannot write standard output"), "\(stderr)")
    }

    @Test("a usage error exits 64, as documented")
    func usageExit() throws {
        let run = try PermilleBinary.run(["assess"])
        #expect(run.exitCode == 64)
    }

    @Test("the 64 MiB limit holds through a symbolic link")
    func symlinkLimit() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = scratch.url.appendingPathComponent("big.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 65 * 1024 * 1024)
        try handle.close()
        let link = scratch.url.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        for command in [["validate", link], ["convert", link, scratch.url.appendingPathComponent("o.xml").path]] {
            let run = try PermilleBinary.run(command)
            #expect(run.exitCode == 2)
            #expect(run.stderrText.contains("error[file.too-large]"), "\(run.stderrText)")
        }
    }

    @Test("verify refuses a result with a second digests key, and a project with a repeated key")
    func verifyRefusesRepeatedKeys() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.expected.json"), encoding: .utf8)
        // A fake `digests` first: a reader keeping the last key sees the real one, another the fake.
        let faked = result.replacingOccurrences(
            of: #""format": "permille-result/2","#,
            with: #""format": "permille-result/2", "digests": {"input": "sha256:00", "factors": {}},"#)
        #expect(faked != result)
        let fakedPath = try scratch.write(faked, to: "faked.json")
        let run = try PermilleBinary.run(["verify", "Fixtures/grassland-demo.json", fakedPath])
        #expect(run.exitCode == 2, "\(run.stdoutText)\(run.stderrText)")
        #expect(run.stderrText.contains("key 'digests' appears twice"), "\(run.stderrText)")

        let project = try String(contentsOf: Self.demo, encoding: .utf8)
        let doubled = try scratch.write(project.replacingOccurrences(of: #""gwp": "AR5" }"#, with: #""gwp": "AR5", "gwp": "AR6" }"#), to: "doubled.json")
        let rerun = try PermilleBinary.run(["verify", doubled, "Fixtures/grassland-demo.expected.json"])
        #expect(rerun.exitCode == 2)
        #expect(rerun.stderrText.contains("error[key.duplicate]"), "\(rerun.stderrText)")
    }

    @Test("the same project with its keys reordered, respaced and its numbers respelled still verifies, in JSON and XML")
    func verifyAcceptsReorderedKeys() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let project = try String(contentsOf: Self.demo, encoding: .utf8)
        let reordered =
            project
            .replacingOccurrences(
                of: #""name": "Grassland demo", "country": "ESP", "region": "europe","#,
                with: #""region":"europe","country":"ESP","name":"Grassland demo","#
            )
            .replacingOccurrences(of: #""start": 150, "without": 150, "with": 150"#, with: #""with": 1.5e2, "without": 150.0, "start": 150"#)
        #expect(reordered != project)
        let path = try scratch.write(reordered, to: "reordered.json")
        let expected = "Fixtures/grassland-demo.expected.json"
        let run = try PermilleBinary.run(["verify", path, expected])
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderrText)")
        let xml = scratch.url.appendingPathComponent("reordered.xml").path
        #expect(try PermilleBinary.run(["convert", path, xml]).exitCode == 0)
        let fromXML = try PermilleBinary.run(["verify", xml, expected])
        #expect(fromXML.exitCode == 0, "\(fromXML.stdoutText)\(fromXML.stderrText)")
        // A real change still fails.
        let changed = try scratch.write(
            reordered.replacingOccurrences(of: #""with": 1.5e2, "without": 150.0, "start": 150"#, with: #""with": 151, "without": 151, "start": 151"#), to: "changed.json")
        #expect(try PermilleBinary.run(["verify", changed, expected]).exitCode == 1)
    }

    @Test("-o through a symbolic link replaces the file it points to and keeps the link; a directory gets a plain message")
    func outputThroughSymlink() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let real = try scratch.write("old", to: "real.json")
        let link = scratch.url.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let run = try PermilleBinary.run(["assess", "Fixtures/grassland-demo.json", "--format", "json", "-o", link])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("{"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("permille-") }
        #expect(leftovers.isEmpty)
        let directory = try PermilleBinary.run(["assess", "Fixtures/grassland-demo.json", "-o", scratch.url.path])
        #expect(directory.exitCode == 2)
        #expect(directory.stderrText.contains("it is a directory"), "\(directory.stderrText)")
        #expect(!directory.stderrText.contains("NSCocoaErrorDomain"))
    }

    @Test("a repeated row id is reported at its later use, in file order, whatever the module order (JSON and XML)")
    func repeatedIDsInFileOrder() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/rice-livestock-demo.json"), encoding: .utf8)
        // The file lists livestock before rice (the reader takes rice first), and the paddy R1,
        // now later in the file, takes the id of the herd H1.
        let rice = try #require(text.range(of: #""rice": ["#))
        let livestock = try #require(text.range(of: #""livestock": ["#))
        let inputs = try #require(text.range(of: #""inputs": ["#))
        let riceBlock = String(text[rice.lowerBound..<livestock.lowerBound])
        let livestockBlock = String(text[livestock.lowerBound..<inputs.lowerBound])
        let edited =
            String(text[..<rice.lowerBound]) + livestockBlock + riceBlock.replacingOccurrences(of: #"{ "id": "R1","#, with: #"{ "id": "H1","#)
            + String(text[inputs.lowerBound...])
        #expect(edited.contains(#"{ "id": "H1", "name": "Irrigated"#))
        let herdLine = (edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(#""id": "H1", "name": "Cattle"#) } ?? -1) + 1
        let json = try scratch.write(edited, to: "ids.json")
        let xml = scratch.url.appendingPathComponent("ids.xml").path
        #expect(try PermilleBinary.run(["convert", json, xml]).exitCode == 0)
        for file in [json, xml] {
            let run = try PermilleBinary.run(["validate", file])
            #expect(run.exitCode == 1)
            let lines = run.stderrText.split(separator: "\n").map(String.init)
            let index = try #require(lines.firstIndex { $0.hasPrefix("error[row.duplicate-id]") }, "\(run.stderrText)")
            #expect(lines[index].contains("first at line \(file == json ? herdLine : try Self.line(of: "H1", in: xml))"), "\(lines[index])")
            #expect(lines[index + 1].contains("modules.rice[0]"), "reported at the later use: \(lines[index + 1])")
        }
    }

    /// The line of the first `<id>` element holding `id` in an XML file.
    static func line(of id: String, in path: String) throws -> Int {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains("<id>\(id)</id>") } ?? -1) + 1
    }
}
