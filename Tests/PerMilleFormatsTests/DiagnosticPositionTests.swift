import Foundation
import PerMille
import Testing

@testable import PerMilleFormats

/// Positions are what an editor shows: columns count characters (Unicode scalars), not bytes,
/// and a Windows line break counts as one line.
@Suite("Diagnostic positions as an editor shows them")
struct DiagnosticPositionTests {
    @Test("Characters before the problem that take several bytes count as one column each")
    func columnsCountCharactersNotBytes() throws {
        // line 8: "â" and "—" take 2 and 3 bytes in UTF-8; `-5` starts at column 95 (byte 98)
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Pâturage — nord", "area": {"start": 150, "without": 150, "with": -5},
                    "start": {"condition": "high-intensity-grazing"},
                    "without": {"condition": "non-degraded"},
                    "with": {"condition": "non-degraded"} }
                ]
              }
            }
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "area.negative", message: "area must be zero or more, found -5", line: 8, column: 95, token: "-5",
                path: "modules.grassland[0].area.with", rowID: "G1", expected: "hectares ≥ 0", found: "-5"),
            in: outcome, source: text)

        let diagnostic = try #require(outcome.diagnostics.first { $0.code == "area.negative" })
        let rendered = DiagnosticRenderer.render([diagnostic], source: Array(text.utf8))
        // The line is longer than an excerpt (issue 16): the caret stands under the `-` of `-5` in
        // the excerpt, which counts characters, not bytes.
        let lines = rendered.split(separator: "\n").map(String.init)
        let quoted = try #require(lines.first { $0.hasPrefix("8 | ") })
        let caret = try #require(lines.first { $0.hasSuffix("^") })
        let caretColumn = caret.unicodeScalars.count - 1
        let dash = try #require(quoted.unicodeScalars.firstIndex(of: "-"))
        #expect(quoted.unicodeScalars.distance(from: quoted.unicodeScalars.startIndex, to: dash) == caretColumn, "the caret counts characters too:\n\(rendered)")
    }

    @Test("CRLF line breaks count as one line each")
    func windowsLineBreaks() throws {
        // The negative-area demo with "\r\n" breaks: `-5` is still at line 9, column 56.
        let text = """
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
            """.replacingOccurrences(of: "\n", with: "\r\n")
        let outcome = DecoderTestSupport.decode(text)
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == "area.negative" })
        #expect(diagnostic.location?.line == 9)
        #expect(diagnostic.location?.column == 56)
        let rendered = DiagnosticRenderer.render([diagnostic], source: Array(text.utf8))
        #expect(rendered.contains(#"9 |         "area": {"start": 150, "without": 150, "with": -5},"# + "\n"), "no stray \\r in the quoted line")
    }
}
