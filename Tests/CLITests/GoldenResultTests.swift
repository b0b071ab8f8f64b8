import Foundation
import Testing

/// The checked-in expected results (`Fixtures/*.expected.json`) must come out byte for byte.
/// Fixtures/README.md says how to re-record them after an intended change.
@Suite("Golden results")
struct GoldenResultTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let binary = root.appendingPathComponent(".build/debug/permille")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the CLI first: swift build --build-tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("assess output equals the expected file", arguments: [
        ("Fixtures/grassland-demo.json", ["--method", "exact-v9.4"], "Fixtures/grassland-demo.expected.json"),
        ("Fixtures/tropical-demo.json", [], "Fixtures/tropical-demo.expected.json"),
        ("Fixtures/rice-livestock-demo.json", [], "Fixtures/rice-livestock-demo.expected.json"),
    ])
    func golden(input: String, options: [String], expectedFile: String) throws {
        let result = try Self.run(["assess", input, "--format", "json"] + options)
        #expect(result.status == 0)
        let expected = try Data(contentsOf: Self.root.appendingPathComponent(expectedFile))
        if result.output != expected {
            let actualLines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("\(expectedFile) differs at line \((first?.offset ?? min(actualLines.count, expectedLines.count)) + 1): got \(first.map { String($0.element.0) } ?? "(end)"), expected \(first.map { String($0.element.1) } ?? "(end)")")
        }
    }
}
