import Foundation
import PerMille
import Testing

@testable import PerMilleFormats

/// architecture.md, Errors: one rendering style, with the file position, path, row, the quoted line and a caret.
@Suite("Rendering diagnostics")
struct DiagnosticRendererTests {
    // line 9: `-5` starts at column 56
    static let negativeArea = """
        {
          "format": "permille/1",
          "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                       "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                       "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
          "modules": {
            "grassland": [
              { "id": "G1", "name": "Grazing pressure reduced",
                "area": {"start": 150, "without": 150, "with": -5},
                "start": {"condition": "high-intensity-grazing"},
                "without": {"condition": "non-degraded"},
                "with": {"condition": "non-degraded"} }
            ]
          }
        }
        """

    @Test("A negative area renders with its code, place, quoted line and a caret under column 56")
    func negativeAreaRendering() throws {
        let outcome = DecoderTestSupport.decode(Self.negativeArea)
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == "area.negative" })
        let rendered = DiagnosticRenderer.render([diagnostic], source: Array(Self.negativeArea.utf8))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        #expect(lines.first == "error[area.negative]: area must be zero or more, found -5")
        #expect(rendered.contains("error[area.negative]"))
        #expect(rendered.contains(" --> p.json:9:56 (modules.grassland[0].area.with, row G1)"))

        let quoted = #"9 |         "area": {"start": 150, "without": 150, "with": -5},"#
        let quotedIndex = try #require(lines.firstIndex(of: quoted), "the source line is quoted:\n\(rendered)")
        #expect(lines[quotedIndex - 1] == "  |")
        // The caret line has the same "  | " gutter as the quoted line's "9 | ", then 55 blanks.
        let caret = try #require(lines.dropFirst(quotedIndex + 1).first)
        #expect(caret.hasPrefix("  | " + String(repeating: " ", count: 55) + "^"))
        #expect(caret.drop { $0 != "^" }.allSatisfy { $0 == "^" }, "only carets after the gutter and blanks")
        let caretOffset = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret)
        let valueOffset = try #require(quoted.firstIndex(of: "-")).utf16Offset(in: quoted)
        #expect(caretOffset == valueOffset, "the caret sits under the '-' of -5")

        #expect(rendered.contains("  = expected: hectares ≥ 0"))
        #expect(rendered.contains("  = found: -5"))
        #expect(rendered.hasSuffix("1 error, 0 warnings\n"))
    }

    @Test("A suggestion renders as help")
    func suggestionRendersAsHelp() {
        let text = Self.negativeArea.replacingOccurrences(of: "-5", with: "150")
            .replacingOccurrences(of: #""without": {"condition": "non-degraded"}"#, with: #""without": {"condition": "degraded"}"#)
        let outcome = DecoderTestSupport.decode(text)
        let rendered = DiagnosticRenderer.render(outcome.diagnostics, source: Array(text.utf8))
        #expect(rendered.contains("error[practice.unknown]: unknown grassland condition 'degraded'"))
        #expect(rendered.contains(" --> p.json:11:34 (modules.grassland[0].without.condition, row G1)"))
        #expect(rendered.contains("  = help: did you mean 'non-degraded'?"))
    }

    @Test("A diagnostic without a position names its row")
    func diagnosticWithoutLocation() {
        let diagnostic = Diagnostic(code: "factor.missing", message: "no factor", rowID: "G1", expected: "a row", found: "none")
        let rendered = DiagnosticRenderer.render([diagnostic], source: nil)
        #expect(rendered == "error[factor.missing]: no factor\n --> row G1\n  = expected: a row\n  = found: none\n\n1 error, 0 warnings\n")
    }
}
