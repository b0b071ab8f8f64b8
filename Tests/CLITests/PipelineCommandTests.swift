import Foundation
import Testing

/// What the one pipeline promises on the command line: atomic output, the input never overwritten,
/// standard input, the generator version, large results that still verify, and portfolio order.
@Suite("Pipeline and output files")
struct PipelineCommandTests {
    static let demo = "Fixtures/grassland-demo.json"

    /// The demo's rows repeated `count` times, each with its own id.
    static func bigProject(rows count: Int) throws -> String {
        let demo = try JSONSerialization.jsonObject(with: Data(contentsOf: PermilleBinary.packageRoot.appendingPathComponent(Self.demo))) as? [String: Any]
        var project = try #require(demo)
        var modules = try #require(project["modules"] as? [String: Any])
        let rows = try #require(modules["grassland"] as? [[String: Any]])
        modules["grassland"] = (0..<count).map { index in
            var row = rows[index % rows.count]
            row["id"] = "G\(index)"
            return row
        }
        project["modules"] = modules
        return String(decoding: try JSONSerialization.data(withJSONObject: project), as: UTF8.self)
    }

    @Test("a failing run leaves an existing output file as it was, and leaves no temporary file")
    func failingRunKeepsOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = try scratch.write("previous result\n", to: "result.json")
        let broken = try scratch.write(#"{"format": "permille/1", "project": {}}"#, to: "broken.json")
        let run = try PermilleBinary.run(["assess", broken, "--format", "json", "-o", output])
        #expect(run.exitCode == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous result\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["broken.json", "result.json"])
    }

    @Test("-o onto the input file is refused and the project is unchanged")
    func outputOntoInputRefused() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent(Self.demo), encoding: .utf8)
        let project = try scratch.write(text, to: "project.json")
        let run = try PermilleBinary.run(["assess", project, "--format", "json", "-o", project])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("file.is-input"))
        #expect(try String(contentsOfFile: project, encoding: .utf8) == text)
    }

    @Test("a replaced output keeps its permissions")
    func permissionsKept() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = try scratch.write("old\n", to: "result.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: output)
        let run = try PermilleBinary.run(["assess", Self.demo, "-o", output])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("permille — Grassland demo"))
    }

    @Test("a directory as output is refused with a plain message")
    func directoryRefused() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let run = try PermilleBinary.run(["assess", Self.demo, "-o", scratch.url.path])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("is a directory"))
    }

    @Test("the result names its format and generator version, as --version prints it")
    func generatorVersion() throws {
        let version = try PermilleBinary.run(["--version"])
        #expect(version.exitCode == 0)
        let printed = version.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed.split(separator: ".").count == 3 && printed.split(separator: ".").allSatisfy { Int($0) != nil })
        let result = try PermilleBinary.run(["assess", Self.demo, "--format", "json"]).json()
        #expect(result["format"] as? String == "permille-result/2")
        #expect(lookup(result, "generator", "name") as? String == "permille")
        #expect(lookup(result, "generator", "version") as? String == printed)
    }

    @Test("a 20 000-row result (well over the old 64 MiB limit's share of rows) verifies")
    func largeResultVerifies() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let project = try scratch.write(try Self.bigProject(rows: 20_000), to: "big.json")
        let result = scratch.url.appendingPathComponent("big.result.json").path
        let assess = try PermilleBinary.run(["assess", project, "--format", "json", "-o", result])
        #expect(assess.exitCode == 0, "\(assess.stderrText)")
        // One line per row: about 1.7 kB a row (measured 33.5 MB), where format 1 took 10 kB a row.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: result)[.size] as? Int)
        #expect(size < 20_000 * 2_000)
        let verify = try PermilleBinary.run(["verify", project, result])
        #expect(verify.exitCode == 0, "\(verify.stdoutText)\(verify.stderrText)")
        #expect(verify.stdoutText.hasPrefix("matches: "))
    }

    @Test("a portfolio lists its projects in input order, the same bytes on every run")
    func portfolioOrder() throws {
        let files = ["Fixtures/tropical-demo.json", Self.demo, "Fixtures/rice-livestock-demo.json", Self.demo]
        let first = try PermilleBinary.run(["portfolio", "--format", "csv"] + files)
        let second = try PermilleBinary.run(["portfolio", "--format", "csv"] + files)
        #expect(first.exitCode == 0, "\(first.stderrText)")
        #expect(first.stdout == second.stdout)
        let lines = first.stdoutText.split(whereSeparator: \.isNewline).dropFirst()
        let named = files.map { file in lines.firstIndex { $0.contains(file) } }
        #expect(named.compactMap { $0 }.count >= 3)
        #expect(lines.first?.contains("tropical-demo.json") == true)
    }

    @Test("a changed value in a format-2 row or factor table is named by its path; exit 1")
    func tamperedFormatTwo() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let original = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.expected.json"), encoding: .utf8)
        let row = #""G1": {"without":-825,"with":-825,"#
        let socRef = #""value":24,"unit":"tC/ha (0-30 cm)""#
        #expect(original.contains(row) && original.contains(socRef))
        let edited = original.replacingOccurrences(of: row, with: #""G1": {"without":-825,"with":-830,"#)
            .replacingOccurrences(of: socRef, with: #""value":25,"unit":"tC/ha (0-30 cm)""#)
        let result = try scratch.write(edited, to: "result.json")
        let run = try PermilleBinary.run(["verify", Self.demo, result])
        #expect(run.exitCode == 1)
        #expect(run.stdoutText.contains("modules.grassland.rows.G1.with: submitted -830, recomputed -825\n"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("factors.soc-reference:23.value: submitted 25, recomputed 24\n"), "\(run.stdoutText)")
    }
}
