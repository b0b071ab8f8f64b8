import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMilleJSON
import Testing

/// The code of `Sources/PerMille/PerMille.docc/GettingStarted.md`, compiled and run here; the test
/// checks the article shows exactly this code, so the documentation cannot drift from the API.
@Suite("DocC: Getting Started")
struct GettingStartedTests {
    // article:start
    /// Assesses a project file with the bundled factor tables and returns its balance and its
    /// result as `permille-result/2` JSON.
    func assessProject(at url: URL) throws -> (balance: Double, json: [UInt8]) {
        // 1. The factor tables: the bundled Indicators folder, read and digest-checked.
        let folder = try IndicatorsFolder()
        let factors = try folder.allFactors()

        // 2. The project file, read and validated: problems come back as positioned diagnostics.
        let bytes = Array(try Data(contentsOf: url))
        let outcome = ProjectDecoder(factors: factors).decode(bytes, file: url.lastPathComponent)
        guard let project = outcome.project else {
            throw DiagnosticsError(outcome.diagnostics)
        }

        // 3. The assessment: pure, no I/O; each row keeps its factors and intermediates.
        let assessment = try Assessor.assess(project, factors: factors, method: .exactV94)
        let balance = assessment.total.balance  // t CO2e, with − without

        // 4. The result as JSON, with the digests of the tables it used.
        let provenance = ResultJSON.Provenance(
            projectName: project.description.name, inputDigest: "sha256:" + SHA256Digest.hex(bytes),
            factorDigests: factors.digests(of: Set(factors.tables.keys)))
        return (balance, ResultDocument.encode(assessment, provenance: provenance))
    }
    // article:end

    @Test("the article's code runs on the grassland demo and gives EX-ACT's balance")
    func runs() throws {
        let url = DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json")
        let (balance, json) = try assessProject(at: url)
        #expect(abs(balance - -2475) < 0.01)
        let document = try JSONParser.parse(json)
        #expect(document.member("format")?.string == "permille-result/2")
    }

    @Test("the article shows exactly the code this test runs")
    func articleMatchesCode() throws {
        let root = DecoderTestSupport.packageRoot
        let source = try String(contentsOf: root.appendingPathComponent("Tests/PerMilleFormatsTests/GettingStartedTests.swift"), encoding: .utf8)
        let article = try String(contentsOf: root.appendingPathComponent("Sources/PerMille/PerMille.docc/GettingStarted.md"), encoding: .utf8)
        let start = try #require(source.range(of: "    // article:start\n"))
        let end = try #require(source.range(of: "    // article:end"))
        let code = source[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        let blockStart = try #require(article.range(of: "```swift\n"))
        let blockEnd = try #require(article.range(of: "\n```", range: blockStart.upperBound..<article.endIndex))
        let shown = String(article[blockStart.upperBound..<blockEnd.lowerBound])
        #expect(shown + "\n" == code)
    }
}
