import Foundation
import Testing

/// `permille verify PROJECT RESULT`: a reviewer reruns a project and checks the submitted result.
@Suite("verify command")
struct VerifyCommandTests {
    static let project = "Fixtures/grassland-demo.json"
    /// Recorded with `--method exact-v9.4`; verify must rerun it that way from the result's `method` key.
    static let expected = "Fixtures/grassland-demo.expected.json"
    /// The same result in format 1, whose layout (one key a line) these edits were written for.
    static let expectedV1 = "Fixtures/grassland-demo.result-v1.json"

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Replaces exactly one occurrence of `old` in `text`, failing the test if there is not exactly one.
    static func replacingOnce(_ old: String, with new: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let parts = text.components(separatedBy: old)
        try #require(parts.count == 2, "expected one '\(old)', found \(parts.count - 1)", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }

    @Test("the demo's expected result matches its project (rerun under exact-v9.4 from the result)")
    func matches() throws {
        let run = try PermilleBinary.run(["verify", Self.project, Self.expected])
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasPrefix("matches: "))
        #expect(line.contains(" factor tables, input sha256:2246c4d33d1f0424da930c6e9fb8abf18cb674eb6d145761d9718377ed631b04"))
    }

    @Test("the same project in XML matches the same result: the input digest is of the canonical form")
    func xmlProject() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let xml = scratch.url.appendingPathComponent("grassland-demo.xml").path
        let convert = try PermilleBinary.run(["convert", Self.project, xml])
        try #require(convert.exitCode == 0, "\(convert.stderrText)")
        let run = try PermilleBinary.run(["verify", xml, Self.expected])
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderrText)")
    }

    @Test("a changed number is printed with its path and both values; exit 1")
    func changedNumber() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let original = try Self.text(Self.expectedV1)
        // Row G1 is the only place the string "Grazing pressure reduced" is followed by its area; its
        // `with` is the first key of the row object, written just before "name".
        let edited = try Self.replacingOnce(
            "\"with\": -825.0,\n          \"balance\": 0.0,\n          \"name\": \"Grazing pressure reduced\"",
            with: "\"with\": -830.0,\n          \"balance\": 0.0,\n          \"name\": \"Grazing pressure reduced\"", in: original)
        let result = try scratch.write(edited, to: "result.json")
        let run = try PermilleBinary.run(["verify", Self.project, result])
        #expect(run.exitCode == 1)
        #expect(run.stdoutText.contains("modules.grassland.rows.G1.with: submitted -830.0, recomputed -825.0\n"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("does not match: 1 of "))
        #expect(!run.stdoutText.contains("input digest differs"))
        #expect(!run.stdoutText.contains("changed factor tables"))
    }

    @Test("a changed SOCref in a tampered Indicators copy is named as the changed table; numbers differ; exit 1")
    func changedFactorTable() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // The repository's own manifest updater, given the copy's folder (the reviewer guide's step).
        let files = FileManager.default
        let indicators = scratch.url.appendingPathComponent("Indicators")
        try files.copyItem(at: PermilleBinary.packageRoot.appendingPathComponent("Indicators"), to: indicators)
        let table = indicators.appendingPathComponent("factors/soc-reference.csv")
        let csv = try String(contentsOf: table, encoding: .utf8)
        let tampered = try Self.replacingOnce("\nwarm-temperate-dry,high-activity-clay,24,", with: "\nwarm-temperate-dry,high-activity-clay,25,", in: csv)
        try Data(tampered.utf8).write(to: table)
        let update = Process()
        update.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        update.arguments = [
            "python3", PermilleBinary.packageRoot.appendingPathComponent("IndicatorsSource/tools/update-manifest.py").path,
            indicators.path,
        ]
        update.standardOutput = FileHandle.nullDevice
        try update.run()
        update.waitUntilExit()
        try #require(update.terminationStatus == 0, "update-manifest.py failed on the copy")

        let run = try PermilleBinary.run(["verify", Self.project, Self.expectedV1, "--indicators", indicators.path])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        let out = run.stdoutText
        #expect(
            out.contains("changed factor tables: soc-reference.csv (submitted sha256:367f51612d25992e7bf1fd74c9fb61a1a1b143f43342ebaa0e79ff6ba359006e, now sha256:"),
            "\(out.suffix(600))")
        #expect(out.contains("modules.grassland.rows.G1.factors[0].value: submitted 24.0, recomputed 25.0\n"))
        // SOCref 25 instead of 24 scales every soil flux by 25/24: 1650 → 1718.75.
        #expect(out.contains("total.without: submitted 1650.0, recomputed 1718.75\n"))
        #expect(out.contains("likely cause: the changed factor tables\n"))
        #expect(!out.contains("input digest differs"))
        // Only soc-reference changed: no other table is named.
        let tableLine = try #require(out.split(separator: "\n").first { $0.hasPrefix("changed factor tables: ") })
        #expect(tableLine.components(separatedBy: ".csv").count == 2)
    }

    @Test("a project file with another area is reported by its input digest; exit 1")
    func changedProject() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let original = try Self.text(Self.project)
        let edited = try Self.replacingOnce(
            "\"Grazing pressure reduced\",\n        \"area\": {\"start\": 150, \"without\": 150, \"with\": 150}",
            with: "\"Grazing pressure reduced\",\n        \"area\": {\"start\": 160, \"without\": 160, \"with\": 160}", in: original)
        let project = try scratch.write(edited, to: "grassland-demo.json")
        let run = try PermilleBinary.run(["verify", project, Self.expected])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        let out = run.stdoutText
        #expect(out.hasPrefix("input digest differs: submitted sha256:2246c4d33d1f0424da930c6e9fb8abf18cb674eb6d145761d9718377ed631b04, recomputed sha256:"))
        #expect(out.contains("modules.grassland.rows.G1.area.start: submitted 150, recomputed 160\n"))
        #expect(out.contains("likely cause: the project file differs"))
        #expect(!out.contains("changed factor tables"))
    }

    @Test("an unreadable or invalid project or result gives diagnostics and exit 2")
    func invalidInputs() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let missing = try PermilleBinary.run(["verify", Self.project, scratch.url.appendingPathComponent("nothing.json").path])
        #expect(missing.exitCode == 2)
        #expect(missing.stderrText.contains("error[file.unreadable]"))

        let notJSON = try scratch.write("{ \"format\": ", to: "broken.json")
        let syntax = try PermilleBinary.run(["verify", Self.project, notJSON])
        #expect(syntax.exitCode == 2)
        #expect(syntax.stderrText.contains("error[result.invalid]"))

        let projectAsResult = try PermilleBinary.run(["verify", Self.project, Self.project])
        #expect(projectAsResult.exitCode == 2)
        #expect(projectAsResult.stderrText.contains("expected \"permille-result/1\""))

        let badProject = try scratch.write(BrokenProject.threeErrors, to: "bad.json")
        let invalid = try PermilleBinary.run(["verify", badProject, Self.expected])
        #expect(invalid.exitCode == 2)
        #expect(invalid.stderrText.contains("error[country.unknown]"))
        #expect(invalid.stdoutText.isEmpty)
    }
}
