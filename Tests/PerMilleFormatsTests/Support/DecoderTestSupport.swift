import Foundation
import PerMille
import PerMilleData
import Testing

@testable import PerMilleFormats

/// Shared inputs for the decoder tests: the bundled factor tables (loaded once) and a decode helper.
enum DecoderTestSupport {
    /// Loaded once for all suites of this target; a failure here means the bundled data is broken.
    static let factors = try! IndicatorsLoader.load()

    /// The file name every test decodes under, as it appears in diagnostics.
    static let fileName = "p.json"

    /// Decodes `text` the way the CLI does, under the name `p.json`.
    static func decode(_ text: String) -> ProjectDecoder.Outcome {
        ProjectDecoder(factors: factors).decode(json: Array(text.utf8), file: fileName)
    }

    /// The package root, found from this file's path (Tests/PerMilleFormatsTests/Support/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PerMilleFormatsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The public worked example, exactly as shipped in `Fixtures/`.
    static func grasslandDemo() throws -> String {
        let url = packageRoot.appendingPathComponent("Fixtures/grassland-demo.json")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Everything a diagnostic must say, written out in the test next to the JSON literal it points into.
struct ExpectedDiagnostic {
    var code: String
    /// A part of the message (the whole message is for people and may be reworded around it).
    var message: String
    var line: Int
    var column: Int
    /// The text that starts at `line:column` in the literal: a check that the test's own numbers are right.
    var token: String
    var path: String
    var rowID: String?
    var expected: String?
    var found: String?
    /// Checked only when given.
    var suggestion: String?
}

/// Checks that `outcome` has no project and carries a diagnostic matching `expected` in every field.
///
/// Returns the diagnostic so a test can check more.
@discardableResult
func expectDiagnostic(
    _ expected: ExpectedDiagnostic, in outcome: ProjectDecoder.Outcome, source: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    #expect(outcome.project == nil, "a file with errors gives no project", sourceLocation: sourceLocation)

    // The test's own literal: does line:column really point at the token?
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let sourceLine = try #require(
        expected.line >= 1 && expected.line <= lines.count ? lines[expected.line - 1] : nil,
        "line \(expected.line) is not in the literal", sourceLocation: sourceLocation)
    let atColumn = String(sourceLine.unicodeScalars.dropFirst(expected.column - 1))
    #expect(
        atColumn.hasPrefix(expected.token), "test literal: column \(expected.column) of line \(expected.line) is not '\(expected.token)'",
        sourceLocation: sourceLocation)

    let codes = outcome.diagnostics.map(\.code)
    let diagnostic = try #require(
        outcome.diagnostics.first { $0.code == expected.code }, "no \(expected.code) among \(codes)", sourceLocation: sourceLocation)
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(diagnostic.message.contains(expected.message), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
    let location = try #require(diagnostic.location, "a file diagnostic has a location", sourceLocation: sourceLocation)
    #expect(location.file == DecoderTestSupport.fileName, sourceLocation: sourceLocation)
    #expect(location.line == expected.line, "line", sourceLocation: sourceLocation)
    #expect(location.column == expected.column, "column", sourceLocation: sourceLocation)
    #expect(location.path == expected.path, sourceLocation: sourceLocation)
    #expect(diagnostic.path == expected.path, sourceLocation: sourceLocation)
    #expect(diagnostic.rowID == expected.rowID, sourceLocation: sourceLocation)
    #expect(diagnostic.expected == expected.expected, sourceLocation: sourceLocation)
    #expect(diagnostic.found == expected.found, sourceLocation: sourceLocation)
    if let suggestion = expected.suggestion {
        #expect(diagnostic.suggestion == suggestion, sourceLocation: sourceLocation)
    }
    return diagnostic
}
