import Foundation
import Testing

/// The edges a new user meets first: a mistyped command or table gets the nearest name, and a file
/// that cannot be read says why.
@Suite("Friendlier edges")
struct FriendlierEdgesTests {
    @Test("a mistyped command is answered with the nearest one, exit 64")
    func mistypedCommand() throws {
        let run = try PermilleBinary.run(["asses", "Fixtures/grassland-demo.json"])
        #expect(run.exitCode == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.hasPrefix("Error: unknown command 'asses'; did you mean 'assess'?"), "\(run.stderrText)")
        #expect(try PermilleBinary.run(["help", "assess"]).exitCode == 0)
    }

    @Test("factors show with a mistyped table name suggests the nearest table")
    func mistypedTable() throws {
        let run = try PermilleBinary.run(["factors", "show", "soc-refrence"])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("Did you mean 'soc-reference'?"))
    }

    @Test("a file that cannot be read says why: missing, or a directory")
    func unreadableReason() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let missing = scratch.url.appendingPathComponent("nope.json").path
        let run = try PermilleBinary.run(["assess", missing])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("cannot read \(missing): no such file"))
        #expect(run.stderrText.contains(" --> \(missing)\n"), "no :0:0 position for the file as a whole")
        let directory = try PermilleBinary.run(["validate", scratch.url.path])
        #expect(directory.exitCode == 2)
        #expect(directory.stderrText.contains("it is a directory, not a file"))
    }
}
