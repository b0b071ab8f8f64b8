import Foundation
import Testing

/// The README's first screen shows a command and its output: the output must be what the command
/// prints today.
@Suite("README sample")
struct ReadmeSampleTests {
    @Test("the demo output in README.md is what `permille assess Fixtures/grassland-demo.json --method exact-v9.4` prints")
    func demoOutput() throws {
        let readme = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ swift run permille assess Fixtures/grassland-demo.json --method exact-v9.4\n"
        let start = try #require(readme.range(of: command), "README has no sample of the demo command")
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[start.upperBound..<end.lowerBound])
        let run = try PermilleBinary.run(["assess", "Fixtures/grassland-demo.json", "--method", "exact-v9.4"])
        #expect(run.exitCode == 0)
        #expect(run.stdoutText.trimmingCharacters(in: .newlines) == shown.trimmingCharacters(in: .newlines))
    }
}
