import Foundation
import PerMille
import Testing

@testable import PerMilleFormats

/// Values of the wrong kind or out of range: a string where an object belongs, numbers too large
/// for a Double, NaN literals, negative hectares. Each literal is the grassland demo (row G1 only).
@Suite("Diagnostics about values")
struct ValueDiagnosticsTests {
    /// The demo with `area.with` replaced by `value`; that value starts at line 9, column 56.
    static func demo(areaWith value: String) -> String {
        """
        {
          "format": "permille/1",
          "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                       "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                       "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
          "modules": {
            "grassland": [
              { "id": "G1", "name": "Grazing pressure reduced",
                "area": {"start": 150, "without": 150, "with": \(value)},
                "start": {"condition": "high-intensity-grazing"},
                "without": {"condition": "non-degraded"},
                "with": {"condition": "non-degraded"} }
            ]
          }
        }
        """
    }

    @Test("An area given as a string is type.mismatch")
    func areaAsStringIsTypeMismatch() throws {
        // line 9: the string `"150"` starts at column 17
        let text = """
            {
              "format": "permille/1",
              "project": { "name": "Grassland demo", "country": "ESP", "region": "europe",
                           "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                           "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
              "modules": {
                "grassland": [
                  { "id": "G1", "name": "Grazing pressure reduced",
                    "area": "150",
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
                code: "type.mismatch", message: "expected an object, found the string \"150\"", line: 9, column: 17, token: "\"150\"",
                path: "modules.grassland[0].area", rowID: "G1", expected: "an object", found: "the string \"150\""),
            in: outcome, source: text)
    }

    @Test("A number too large for a Double is number.not-finite", arguments: ["1e309", "-1e309"])
    func hugeNumberIsNotFinite(literal: String) throws {
        let text = Self.demo(areaWith: literal)
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "number.not-finite", message: "number \(literal) is too large to be a finite value",
                line: 9, column: 56, token: literal,
                path: "modules.grassland[0].area.with", rowID: "G1", expected: "a finite decimal", found: literal),
            in: outcome, source: text)
        #expect(!outcome.diagnostics.contains { $0.code == "area.negative" }, "-1e309 is not finite before it is negative")
    }

    @Test("NaN and Infinity are JSON syntax errors", arguments: ["NaN", "Infinity", "-Infinity"])
    func nonFiniteLiteralIsSyntaxError(literal: String) throws {
        let text = Self.demo(areaWith: literal)
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "json.syntax", message: "NaN/Infinity is not a JSON number; write a finite decimal",
                line: 9, column: 56, token: literal,
                path: "", rowID: nil, expected: "a value", found: "'\(literal)'"),
            in: outcome, source: text)
        #expect(outcome.diagnostics.count == 1, "a syntax error stops reading: there is no tree to walk")
    }

    @Test("A negative area is area.negative")
    func negativeAreaIsRejected() throws {
        // line 9: `-5` starts at column 56
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
            """
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "area.negative", message: "area must be zero or more, found -5", line: 9, column: 56, token: "-5",
                path: "modules.grassland[0].area.with", rowID: "G1", expected: "hectares ≥ 0", found: "-5"),
            in: outcome, source: text)
    }

    @Test("A zero area is allowed, and -0 reads as zero")
    func zeroAreaIsAllowed() throws {
        for literal in ["0", "-0", "0.0"] {
            let outcome = DecoderTestSupport.decode(Self.demo(areaWith: literal))
            // The zero is read; the land it loses has nowhere to go, which the area check reports (a separate rule).
            #expect(outcome.diagnostics.map(\.code) == ["area.unexplained-loss"], "\(literal): \(outcome.diagnostics.map(\.code))")
            let unchanged = Self.demo(areaWith: literal).replacingOccurrences(of: #""start": 150, "without": 150"#, with: #""start": 0, "without": 0"#)
            let row = try #require(DecoderTestSupport.decode(unchanged).project?.grassland.first)
            #expect(row.area.with == 0)
            #expect(row.area.with.sign == .plus, "\(literal) should not keep a negative zero")
        }
    }
}
