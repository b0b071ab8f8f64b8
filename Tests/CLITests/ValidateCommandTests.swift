import Foundation
import Testing

/// `permille validate`: exit 0 valid, 1 invalid (every error on stderr, nothing on stdout), 2 unreadable.
@Suite("permille validate and unreadable files")
struct ValidateCommandTests {
    @Test("The grassland demo is valid")
    func demoIsValid() throws {
        let run = try PermilleBinary.run(["validate", "Fixtures/grassland-demo.json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderrText)")
        #expect(run.stdoutText.contains("valid permille/1 project 'Grassland demo', 2 rows"))
        #expect(run.stderr.isEmpty)
    }

    @Test(
        "A broken file exits 1 and lists every error on stderr with file:line:column",
        .bug(id: "modules-empty-cascade", "modules.empty is added when every row has errors"))
    func brokenFileListsEveryError() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = try scratch.write(BrokenProject.threeErrors, to: "broken.json")
        let run = try PermilleBinary.run(["validate", input])
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty, "stdout: \(run.stdoutText)")
        let stderr = run.stderrText
        #expect(stderr.contains("error[format.version]"))
        #expect(stderr.contains(" --> \(input):2:13 (format)"))
        #expect(stderr.contains("error[country.unknown]"))
        #expect(stderr.contains(" --> \(input):3:53 (project.country)"))
        #expect(stderr.contains("error[area.negative]"))
        #expect(stderr.contains(" --> \(input):9:56 (modules.grassland[0].area.with, row G1)"))
        #expect(stderr.contains("3 errors, 0 warnings"), "the three errors and no other")
    }

    @Test(
        "The same broken file gives the same diagnostics on every run",
        .bug(id: "suggestion-order", "'did you mean' ties are broken by Set order, which changes from run to run"))
    func diagnosticsAreTheSameOnEveryRun() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let demo = try String(
            contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json"), encoding: .utf8)
        // "spian" is two edits from both "spain" and "sudan".
        let input = try scratch.write(demo.replacingOccurrences(of: #""country": "ESP""#, with: #""country": "spian""#), to: "spian.json")
        var outputs: Set<String> = []
        for _ in 1...10 {
            let run = try PermilleBinary.run(["validate", input])
            #expect(run.exitCode == 1)
            outputs.insert(run.stderrText)
        }
        #expect(outputs.count == 1, "different diagnostics across runs:\n\(outputs.sorted().joined(separator: "\n---\n"))")
        // A swap of two letters is the likelier typo, so "spain" is the better suggestion.
        #expect(outputs.allSatisfy { $0.contains("help: did you mean 'spain'?") })
    }

    @Test(
        "A missing or unreadable project file exits 2",
        arguments: [["validate"], ["assess"], ["assess", "--format", "json"]])
    func unreadableFileExitsTwo(command: [String]) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let missing = scratch.url.appendingPathComponent("no-such-project.json").path
        let directory = scratch.url.path  // a directory cannot be read as a file
        for path in [missing, directory] {
            let run = try PermilleBinary.run(command + [path])
            #expect(run.exitCode == 2, "\(path): \(run.stderrText)")
            #expect(run.stdout.isEmpty)
            #expect(run.reportsError("file.unreadable"))
            #expect(run.stderrText.contains(path))
        }
    }
}
