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

    @Test("A broken file exits 1 and lists every error on stderr with file:line:column")
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
        #expect(stderr.contains("3 errors, 0 warnings"))
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
            #expect(run.stderrText.contains("error[file.unreadable]"))
            #expect(run.stderrText.contains(path))
        }
    }
}
