import Foundation
import PerMille
import PerMilleFormats
import PerMilleJSON
import Testing

/// `permille verify`'s comparison of a submitted result with a rerun, on small trees and on the
/// grassland demo's expected result.
@Suite("Result comparison")
struct ResultComparisonTests {
    static func parse(_ text: String) throws -> JSONNode { try JSONParser.parse(text) }

    static func expectedGrasslandResult() throws -> String {
        let url = DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/grassland-demo.expected.json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("equal trees match, and every number is counted")
    func equalTrees() throws {
        let text = try Self.expectedGrasslandResult()
        let comparison = ResultComparison.compare(submitted: try Self.parse(text), recomputed: try Self.parse(text))
        #expect(comparison.matches)
        #expect(comparison.differences.isEmpty)
        // The format-2 demo result with --explain holds 539 numbers (the fixture, counted by a JSON walk in Python).
        #expect(comparison.numbersCompared == 539)
    }

    @Test("key order does not matter; numbers within absolute 1e-6 + relative 1e-9 match")
    func orderAndTolerance() throws {
        let submitted = try Self.parse(#"{"a": 1.0, "b": {"x": 1000000.0000000004, "y": 0.0000005}}"#)
        let recomputed = try Self.parse(#"{"b": {"y": 0.0, "x": 1000000.0}, "a": 1.0000000001}"#)
        let comparison = ResultComparison.compare(submitted: submitted, recomputed: recomputed)
        #expect(comparison.matches, "\(comparison.differences)")
        #expect(comparison.numbersCompared == 3)
        #expect(!ResultComparison.Tolerance.standard.accepts(1.0, 1.00001))
    }

    @Test("a changed number is reported with its path and both values")
    func changedNumber() throws {
        let submitted = try Self.parse(#"{"modules": {"grassland": {"rows": {"G2": {"byGas": {"n2o": {"without": 93.7, "with": 0.0}}}}}}}"#)
        let recomputed = try Self.parse(#"{"modules": {"grassland": {"rows": {"G2": {"byGas": {"n2o": {"without": 0.0, "with": 0.0}}}}}}}"#)
        let comparison = ResultComparison.compare(submitted: submitted, recomputed: recomputed)
        #expect(
            comparison.differences == [
                .init(path: "modules.grassland.rows.G2.byGas.n2o.without", kind: .number, submitted: "93.7", recomputed: "0.0")
            ])
        #expect(comparison.numbersDiffering == 1)
        #expect(comparison.numbersCompared == 2)
        #expect(comparison.differences[0].description == "modules.grassland.rows.G2.byGas.n2o.without: submitted 93.7, recomputed 0.0")
    }

    @Test("a key missing from the submitted result is reported with its path")
    func missingKey() throws {
        let submitted = try Self.parse(#"{"total": {"without": 1.0}}"#)
        let recomputed = try Self.parse(#"{"total": {"without": 1.0, "balance": -2.5}}"#)
        let comparison = ResultComparison.compare(submitted: submitted, recomputed: recomputed)
        #expect(comparison.differences == [.init(path: "total.balance", kind: .onlyRecomputed, submitted: nil, recomputed: "-2.5")])
        #expect(comparison.differences[0].description == "total.balance: submitted (absent), recomputed -2.5")
    }

    @Test("an extra key in the submitted result is reported with its path")
    func extraKey() throws {
        let submitted = try Self.parse(#"{"total": {"without": 1.0, "bonus": "yes"}}"#)
        let recomputed = try Self.parse(#"{"total": {"without": 1.0}}"#)
        let comparison = ResultComparison.compare(submitted: submitted, recomputed: recomputed)
        #expect(comparison.differences == [.init(path: "total.bonus", kind: .onlySubmitted, submitted: "\"yes\"", recomputed: nil)])
    }

    @Test("strings, kinds, array lengths and duplicate keys are differences too")
    func otherDifferences() throws {
        let submitted = try Self.parse(#"{"method": "ipcc", "site": {"region": null}, "years": [1.0, 2.0, 3.0], "gwp": "AR5", "gwp": "AR6"}"#)
        let recomputed = try Self.parse(#"{"method": "exact-v9.4", "site": {"region": "europe"}, "years": [1.0, 2.0], "gwp": "AR5"}"#)
        let comparison = ResultComparison.compare(submitted: submitted, recomputed: recomputed)
        #expect(comparison.differences.map(\.path) == ["method", "site.region", "years[2]", "gwp"])
        #expect(comparison.differences.map(\.kind) == [.string, .value, .onlySubmitted, .duplicateKey])
        #expect(comparison.differences[0].submitted == "\"ipcc\"")
        #expect(comparison.differences[1].description == "site.region: submitted null, recomputed \"europe\"")
    }

    @Test("skipped top-level keys are not compared")
    func skipping() throws {
        let submitted = try Self.parse(#"{"a": 1.0, "digests": {"input": "sha256:aa"}}"#)
        let recomputed = try Self.parse(#"{"a": 1.0, "digests": {"input": "sha256:bb"}}"#)
        #expect(ResultComparison.compare(submitted: submitted, recomputed: recomputed, skipping: ["digests"]).matches)
        #expect(!ResultComparison.compare(submitted: submitted, recomputed: recomputed).matches)
    }

    // MARK: Verification (digests and report)

    static let soc = "soc-reference.csv"
    static let gwp = "gwp.csv"

    static func result(input: String = "sha256:aa", tables: [(String, String)], total: Double = -2475.0) -> String {
        let factors = tables.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ")
        return """
            {"format": "permille-result/1", "method": "exact-v9.4", "gwp": "AR5", "total": {"balance": \(total)},
             "digests": {"input": "\(input)", "factors": {\(factors)}}}
            """
    }

    @Test("a full match prints one line with the counts and the input digest")
    func verificationMatches() throws {
        let text = Self.result(tables: [(Self.gwp, "sha256:11"), (Self.soc, "sha256:22")])
        let verification = try ResultVerification(
            submitted: try Self.parse(text), recomputed: try Self.parse(text),
            loadedTables: [Self.gwp: "sha256:11", Self.soc: "sha256:22", "other.csv": "sha256:33"])
        #expect(verification.matches)
        #expect(verification.render() == "matches: 1 numbers, 2 factor tables, input sha256:aa\n")
    }

    @Test("a changed table is named with both digests as the likely cause of differing numbers")
    func changedTable() throws {
        let submitted = Self.result(tables: [(Self.gwp, "sha256:11"), (Self.soc, "sha256:22"), ("gone.csv", "sha256:44")])
        let recomputed = Self.result(tables: [(Self.gwp, "sha256:11"), (Self.soc, "sha256:99"), ("new.csv", "sha256:55")], total: -2578.125)
        let verification = try ResultVerification(
            submitted: try Self.parse(submitted), recomputed: try Self.parse(recomputed),
            loadedTables: [Self.gwp: "sha256:11", Self.soc: "sha256:99", "new.csv": "sha256:55"])
        #expect(!verification.matches)
        #expect(verification.inputMatches)
        #expect(verification.tables.map(\.status) == [.same, .changed, .missingNow, .notSubmitted])
        let report = verification.render()
        #expect(report.contains("total.balance: submitted -2475.0, recomputed -2578.125\n"))
        #expect(report.contains("changed factor tables: soc-reference.csv (submitted sha256:22, now sha256:99)\n"))
        #expect(report.contains("factor tables missing now: gone.csv (submitted sha256:44)"))
        #expect(report.contains("not list: new.csv (now sha256:55)"))
        #expect(report.contains("likely cause: the changed factor tables; the factor tables missing now; the tables the submitted result does not list"))
        #expect(!report.contains("input digest differs"))
    }

    @Test("a different input digest is reported even when every number agrees")
    func changedInput() throws {
        let verification = try ResultVerification(
            submitted: try Self.parse(Self.result(input: "sha256:aa", tables: [])),
            recomputed: try Self.parse(Self.result(input: "sha256:bb", tables: [])), loadedTables: [:])
        #expect(!verification.matches)
        #expect(verification.values.matches)
        #expect(verification.render().hasPrefix("input digest differs: submitted sha256:aa, recomputed sha256:bb"))
    }

    @Test("a document that is not a permille result is refused with a reason")
    func invalidResult() throws {
        #expect(throws: SubmittedResult.Invalid.self) { try SubmittedResult(try Self.parse(#"{"format": "permille/1"}"#)) }
        #expect(throws: SubmittedResult.Invalid.self) { try SubmittedResult(try Self.parse("[1, 2]")) }
        let noDigests = #"{"format": "permille-result/1", "method": "ipcc", "gwp": "AR5"}"#
        #expect(throws: SubmittedResult.Invalid.self) { try SubmittedResult(try Self.parse(noDigests)) }
        let unknownMethod = #"{"format": "permille-result/1", "method": "exact", "gwp": "AR5", "digests": {"input": "sha256:aa", "factors": {}}}"#
        #expect(throws: SubmittedResult.Invalid.self) { try SubmittedResult(try Self.parse(unknownMethod)) }
        let claimed = try SubmittedResult(try Self.parse(try Self.expectedGrasslandResult()))
        #expect(claimed.method == .exactV94)
        #expect(claimed.gwp == .ar5)
        #expect(claimed.factorDigests.map(\.file).contains("soc-reference.csv"))
    }
}
