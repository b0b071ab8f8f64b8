import Foundation
import Testing

/// The checked-in expected results (`Fixtures/*.expected.json`, format 2 with `--explain`) must come
/// out byte for byte, and the format-1 results recorded before format 2 (`Fixtures/*.result-v1.json`)
/// must still verify: the numbers did not move when the format changed.
/// `PERMILLE_RECORD_GOLDEN=1 swift test --filter GoldenResultTests` re-records the expected files
/// after an intended change (Fixtures/README.md).
@Suite("Golden results")
struct GoldenResultTests {
    static let root = PermilleBinary.packageRoot

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let run = try PermilleBinary.run(arguments)
        return (run.exitCode, run.stdout)
    }

    @Test(
        "assess output equals the expected file",
        arguments: [
            ("Fixtures/grassland-demo.json", ["--method", "exact-v9.4"], "Fixtures/grassland-demo.expected.json"),
            ("Fixtures/tropical-demo.json", [], "Fixtures/tropical-demo.expected.json"),
            ("Fixtures/rice-livestock-demo.json", [], "Fixtures/rice-livestock-demo.expected.json"),
        ])
    func golden(input: String, options: [String], expectedFile: String) throws {
        let result = try Self.run(["assess", input, "--format", "json", "--explain"] + options)
        #expect(result.status == 0)
        if ProcessInfo.processInfo.environment["PERMILLE_RECORD_GOLDEN"] == "1" {
            try result.output.write(to: Self.root.appendingPathComponent(expectedFile))
            return
        }
        let expected = try Data(contentsOf: Self.root.appendingPathComponent(expectedFile))
        if result.output != expected {
            let actualLines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record(
                "\(expectedFile) differs at line \((first?.offset ?? min(actualLines.count, expectedLines.count)) + 1): got \(first.map { String($0.element.0) } ?? "(end)"), expected \(first.map { String($0.element.1) } ?? "(end)")"
            )
        }
    }

    @Test(
        "the format-1 results recorded before format 2 still verify",
        arguments: [
            ("Fixtures/grassland-demo.json", "Fixtures/grassland-demo.result-v1.json"),
            ("Fixtures/tropical-demo.json", "Fixtures/tropical-demo.result-v1.json"),
            ("Fixtures/rice-livestock-demo.json", "Fixtures/rice-livestock-demo.result-v1.json"),
        ])
    func formatOneStillVerifies(input: String, result: String) throws {
        let run = try Self.run(["verify", input, result])
        #expect(run.status == 0, "\(String(decoding: run.output, as: UTF8.self))")
        #expect(String(decoding: run.output, as: UTF8.self).hasPrefix("matches: "))
    }
}
