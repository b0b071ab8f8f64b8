import PerMille
import Testing

@testable import PerMilleFormats

/// Files above the threshold are read in slices on all cores; what comes out must not show it.
@Suite("Large files")
struct LargeFileDecodingTests {
    /// `count` grassland rows, one per line from line 4 on: row `i` stands on line `4 + i`.
    static func file(rows count: Int, edit: (Int, String) -> String = { $1 }) -> String {
        let rows = (0..<count).map { index in
            edit(
                index,
                #"{"id": "G\#(index)", "area": {"start": 10, "without": 10, "with": 10}, "start": {"condition": "non-degraded"}, "without": {"condition": "severely-degraded"}, "with": {"condition": "improved", "input": "high"}}"#
            )
        }
        return """
            {"format": "permille/1",
             "project": {"name": "Large", "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10, "climate": "warm-temperate-dry", "soil": "high-activity-clay"},
             "modules": {"grassland": [
            \(rows.joined(separator: ",\n"))
            ]}}
            """
    }

    @Test("every row comes back, in file order")
    func order() throws {
        let count = RowSlices.parallelThreshold + 1
        let outcome = DecoderTestSupport.decode(Self.file(rows: count))
        let project = try #require(outcome.project, "\(outcome.diagnostics.prefix(3))")
        let ids: [String] = project.grassland.map { $0.id }
        #expect(ids == (0..<count).map { "G\($0)" })
    }

    @Test("a duplicate id across the two slices and errors in both come out in document order")
    func diagnosticsAcrossSlices() throws {
        let count = RowSlices.parallelThreshold + 2
        let text = Self.file(rows: count) { index, row in
            switch index {
            case 5: row.replacingOccurrences(of: #""start": 10"#, with: #""start": -1"#)
            case count - 3: row.replacingOccurrences(of: #""id": "G\#(index)""#, with: #""id": "G7""#)
            case count - 1: row.replacingOccurrences(of: "non-degraded", with: "nondegraded")
            default: row
            }
        }
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project == nil)
        let codes: [String] = outcome.diagnostics.map { $0.code }
        let lines: [Int] = outcome.diagnostics.map { $0.location?.line ?? 0 }
        #expect(codes == ["area.negative", "row.duplicate-id", "practice.unknown"])
        #expect(lines == [4 + 5, 4 + count - 3, 4 + count - 1])
        let duplicate = outcome.diagnostics[1]
        #expect(duplicate.message == "row id 'G7' is used twice (first at line 11)")
        #expect(duplicate.path == "modules.grassland[\(count - 3)].id")
    }

    @Test("an id used three times across slices is reported twice, at each later use; overrides find ids in any slice")
    func idsAcrossSlices() throws {
        let count = RowSlices.parallelThreshold + 2
        var text = Self.file(rows: count) { index, row in
            index == count / 2 || index == count - 1 ? row.replacingOccurrences(of: #""id": "G\#(index)""#, with: #""id": "G7""#) : row
        }
        text = text.replacingOccurrences(
            of: "]}}",
            with: #"]}, "overrides": [{"factor": "soc-ref", "value": 40, "source": "survey", "appliesTo": ["G\#(count - 2)", "G9x"]}]}"#)
        let outcome = DecoderTestSupport.decode(text)
        let duplicates = outcome.diagnostics.filter { $0.code == "row.duplicate-id" }
        #expect(duplicates.map { $0.location?.line ?? 0 } == [4 + count / 2, 4 + count - 1])
        #expect(duplicates.allSatisfy { $0.message == "row id 'G7' is used twice (first at line 11)" })
        let unknown = outcome.diagnostics.filter { $0.code == "override.unknown-row" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.found == "'G9x'")
        #expect(unknown.first?.suggestion == "did you mean 'G9'?")
    }
}

@Suite("Rows without land")
struct ZeroAreaTests {
    @Test("a row with 0 ha everywhere is read, with a warning that it adds nothing")
    func zeroEverywhere() throws {
        let text = try DecoderTestSupport.grasslandDemo()
            .replacingOccurrences(of: #""area": {"start": 150, "without": 150, "with": 150},"#, with: #""area": {"start": -0, "without": 0, "with": 0},"#, options: [], range: nil)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project != nil)
        let warnings = outcome.diagnostics.filter { $0.code == "area.zero" }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location?.column == 17 })
    }
}
