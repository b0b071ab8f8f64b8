import Foundation
import Testing

/// `validate` accepts exactly the files `assess` assesses, and lists the same missing factors
/// (issue: 38 of 45 variants disagreed when validate read the file without resolving factors).
@Suite("validate agrees with assess")
struct ValidateAgreesWithAssessTests {
    static let climates = [
        "boreal-dry", "cool-temperate-moist", "warm-temperate-dry", "warm-temperate-moist", "tropical-dry", "tropical-wet", "tropical-montane",
    ]
    static let soils = ["high-activity-clay", "sandy", "spodic", "volcanic", "wetland"]
    static let grazing = #""manure": [{"system": "pasture-range-paddock", "percent": 100}]"#

    /// The three fixtures in other climates and soils, with herds of other species and default
    /// manure: some variants assess, some lack factors.
    static func variants() throws -> [(name: String, text: String)] {
        var variants: [(String, String)] = []
        for fixture in ["grassland-demo", "tropical-demo", "rice-livestock-demo"] {
            let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/\(fixture).json"), encoding: .utf8)
            let climate = try #require(text.firstMatch(of: /"climate": "([a-z-]+)"/)?.output.1)
            let soil = try #require(text.firstMatch(of: /"soil": "([a-z-]+)"/)?.output.1)
            for (index, zone) in climates.enumerated() {
                let other = soils[index % soils.count]
                let variant = text.replacingOccurrences(of: "\"climate\": \"\(climate)\"", with: "\"climate\": \"\(zone)\"")
                    .replacingOccurrences(of: "\"soil\": \"\(soil)\"", with: "\"soil\": \"\(other)\"")
                variants.append(("\(fixture)-\(zone)-\(other)", variant))
            }
        }
        let herds = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/rice-livestock-demo.json"), encoding: .utf8)
        for species in ["dairy-cattle", "sheep", "swine-market", "buffalo", "poultry-layers"] {
            // The first herd with another species and the region's default manure systems.
            let variant = herds.replacingOccurrences(
                of: #""species": "other-cattle", "heads": {"start": 80, "without": 80, "with": 60},"# + "\n        " + Self.grazing + " },",
                with: #""species": "\#(species)", "heads": {"start": 80, "without": 80, "with": 60} },"#)
            #expect(variant != herds)
            variants.append(("herd-\(species)", variant))
        }
        return variants
    }

    @Test("on variants of the fixtures, validate exits 0 exactly when assess does, and names the same missing factors")
    func agreement() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var assessed = 0
        var refused = 0
        for (name, text) in try Self.variants() {
            let file = try scratch.write(text, to: "\(name).json")
            let validate = try PermilleBinary.run(["validate", file])
            let assess = try PermilleBinary.run(["assess", file])
            #expect(
                (validate.exitCode == 0) == (assess.exitCode == 0),
                "\(name): validate \(validate.exitCode), assess \(assess.exitCode)\n\(validate.stderrText)\n\(assess.stderrText)")
            if assess.exitCode == 0 { assessed += 1 } else { refused += 1 }
            let missing = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("error[factor.missing]") } }
            #expect(missing(validate.stderrText) == missing(assess.stderrText), "\(name)")
        }
        // Both outcomes occur, so the agreement is not about one kind of file only.
        #expect(assessed > 5 && refused > 0, "assessed \(assessed), refused \(refused)")
    }

    @Test("every missing factor of every row is listed in one run, each at its row's line and column")
    func everyMissingFactorAtOnce() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/tropical-demo.json"), encoding: .utf8)
        // IPCC gives no SOCref for spodic soils in cool-temperate dry climates: six rows need one.
        let edited = text.replacingOccurrences(of: #""climate": "tropical-moist""#, with: #""climate": "cool-temperate-dry""#)
            .replacingOccurrences(of: #""soil": "low-activity-clay""#, with: #""soil": "spodic""#)
        #expect(edited != text)
        let file = try scratch.write(edited, to: "spodic.json")
        for command in ["validate", "assess"] {
            let run = try PermilleBinary.run([command, file])
            #expect(run.exitCode == 1)
            let lines = run.stderrText.split(separator: "\n")
            let missing = lines.filter { $0.hasPrefix("error[factor.missing]") && $0.contains("'soc-reference'") }
            #expect(missing.count == 6, "\(run.stderrText)")
            for (row, line) in [("L1", 19), ("L2", 23), ("L3", 27), ("A1", 32), ("P1", 39), ("G1", 51)] {
                #expect(lines.contains { $0.hasPrefix(" --> \(file):\(line):") && $0.hasSuffix(", row \(row))") }, "\(command) \(row)")
            }
        }
    }
}

/// `validate --format json` and `assess --format json` on failure: `permille-diagnostics/1`,
/// valid against its JSON Schema; content that contradicts the file's name is refused.
@Suite("Diagnostics as JSON and encodings")
struct DiagnosticsJSONTests {
    @Test("validate --format json lists every problem of a broken file, valid against the schema; assess --format json prints it on stderr")
    func diagnosticsDocument() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let broken = try scratch.write(BrokenProject.threeErrors, to: "broken.json")
        let run = try PermilleBinary.run(["validate", broken, "--format", "json"])
        #expect(run.exitCode == 1)
        let document = try run.json()
        #expect(document["format"] as? String == "permille-diagnostics/1")
        #expect(document["valid"] as? Bool == false)
        #expect(document["errors"] as? Int == 3)
        let entries = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(entries.map { $0["code"] as? String } == ["format.version", "country.unknown", "area.negative"])
        #expect(entries.last?["line"] as? Int == 9 && entries.last?["column"] as? Int == 56)
        #expect(entries.last?["row"] as? String == "G1")
        let assess = try PermilleBinary.run(["assess", broken, "--format", "json"])
        #expect(assess.exitCode == 1 && assess.stdout.isEmpty)
        #expect(assess.stderrText.hasPrefix("{\n  \"format\": \"permille-diagnostics/1\""))
        let valid = try PermilleBinary.run(["validate", "Fixtures/grassland-demo.json", "--format", "json"])
        #expect(valid.exitCode == 0)
        #expect(try valid.json()["valid"] as? Bool == true)

        let documents = (0..<3).map { index in
            scratch.url.appendingPathComponent("d\(index).json")
        }
        for (url, data) in zip(documents, [run.stdout, assess.stderr, valid.stdout]) { try data.write(to: url) }
        let script = """
            import json, sys
            import jsonschema  # .ci/run installs it; a missing module fails the test
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]: jsonschema.validate(json.load(open(path)), schema)
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "-c", script, PermilleBinary.packageRoot.appendingPathComponent("Docs/schemas/diagnostics-v1.schema.json").path]
            + documents.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "ok\n")
    }

    @Test("a .json file holding XML is refused naming both; convert refuses an unknown output extension and writes standard output with --to; init refuses XML into a .json name")
    func encodings() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let xml = scratch.url.appendingPathComponent("demo.xml").path
        #expect(try PermilleBinary.run(["convert", "Fixtures/grassland-demo.json", xml]).exitCode == 0)
        let misnamed = scratch.url.appendingPathComponent("demo.json").path
        try FileManager.default.copyItem(atPath: xml, toPath: misnamed)
        let run = try PermilleBinary.run(["assess", misnamed])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[file.encoding-mismatch]: \(misnamed) is named .json but its content is XML"))
        let yaml = try PermilleBinary.run(["convert", "Fixtures/grassland-demo.json", scratch.url.appendingPathComponent("out.yaml").path])
        #expect(yaml.exitCode == 64)
        #expect(yaml.stderrText.contains("name it .json or .xml, or give --to json|xml"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.yaml").path))
        let toStdout = try PermilleBinary.run(["convert", "Fixtures/grassland-demo.json", "-", "--to", "xml"])
        #expect(toStdout.exitCode == 0 && toStdout.stdoutText.hasPrefix("<?xml"))
        let initMismatch = try PermilleBinary.run(["init", "--xml", "-o", scratch.url.appendingPathComponent("p.json").path])
        #expect(initMismatch.exitCode == 64)
    }
}

/// A land-use-change row into a category no row receives warns at the row, in validate and assess
/// (issue: hedges planted with no perennialCrops row counted only the land they replaced).
@Suite("Unreceived conversions")
struct UnreceivedConversionTests {
    static let hedges = #"""
        "landUseChange": [{ "id": "H1", "name": "Hedges planted on grassland", "from": "grassland", "to": "hedgerow", "area": {"without": 0, "with": 10} }],
        """#

    @Test("a conversion to hedgerow without a perennialCrops row warns, naming the row to add and what is left out; with the row it does not")
    func hedgerow() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let demo = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json"), encoding: .utf8)
        let edited = demo.replacingOccurrences(of: #""modules": {"#, with: #""modules": {"# + "\n" + Self.hedges)
        #expect(edited != demo)
        let file = try scratch.write(edited, to: "hedges.json")
        for command in ["validate", "assess"] {
            let run = try PermilleBinary.run([command, file])
            #expect(run.exitCode == 0, "\(run.stderrText)")
            #expect(
                run.stderrText.contains(
                    "warning[conversion.unreceived]: row H1 converts land to hedgerow, but no perennialCrops row receives it: the biomass growth of the new hedgerow is left out"),
                "\(command): \(run.stderrText)")
            #expect(run.stderrText.contains("expected: a perennialCrops row of hedgerow starting at 0 ha"))
            #expect(run.stderrText.contains(" --> \(file):"), "at the row's position")
        }
        let received = edited.replacingOccurrences(
            of: Self.hedges,
            with: Self.hedges + #"""
                "perennialCrops": [{ "id": "P1", "name": "The hedges", "area": {"start": 0, "without": 0, "with": 10},
                  "start": {"system": "hedgerow"}, "without": {"system": "hedgerow"}, "with": {"system": "hedgerow"} }],
                """#)
        let file2 = try scratch.write(received, to: "received.json")
        let run = try PermilleBinary.run(["validate", file2])
        #expect(!run.stderrText.contains("conversion.unreceived"), "\(run.stderrText)")
    }
}
