import PerMilleJSON
import Testing

@Suite("Round trip")
struct RoundTripTests {
    static let document = """
        {"project": "Synthèse \\"Nord\\"", "version": 3, "ratio": -0.55, "tiny": 1.5e-6,
         "huge": 1e300, "flags": [true, false, null], "nested": {"deep": [[{"k": "é\\t😀"}], []],
         "empty": {}}, "years": [2020, 2021], "dup": 1, "dup": 2, "zero": -0.0}
        """

    @Test func parseConvertWriteParseKeepsTheValue() throws {
        let original = output(try JSONParser.parse(Self.document))
        let written = JSONWriter.write(original)
        let reparsed = output(try JSONParser.parse(written))
        #expect(reparsed == original)
        // Writing again gives identical bytes: the format is a fixed point.
        #expect(JSONWriter.write(reparsed) == written)
    }

    @Test func writtenTextLooksAsExpected() throws {
        let written = JSONWriter.write(output(try JSONParser.parse(Self.document)))
        #expect(written.contains(#""project": "Synthèse \"Nord\"","#))
        #expect(written.contains(#""tiny": 0.0000015,"#))
        #expect(written.contains(#""huge": 1e+300,"#))
        #expect(written.contains(#""k": "é\t😀""#))
        #expect(written.contains(#""zero": 0.0"#))
        #expect(written.ranges(of: "\"dup\"").count == 2)
    }
}
