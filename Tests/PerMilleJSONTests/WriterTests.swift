import PerMilleJSON
import Testing

@Suite("Writer")
struct WriterTests {
    @Test(arguments: [
        (1650.0, "1650.0"), (-0.55, "-0.55"), (0.0, "0.0"), (-0.0, "0.0"), (1.0, "1.0"),
        (0.1 + 0.2, "0.30000000000000004"), (123_456_789.125, "123456789.125"),
        // Swift's description switches to exponents below 1e-4; the writer spells these out.
        (1e-5, "0.00001"), (1.5e-6, "0.0000015"), (-2.5e-5, "-0.000025"), (1e-6, "0.000001"),
        (0.0001, "0.0001"), (1e15, "1000000000000000.0"), (9_007_199_254_740_992.0, "9007199254740992.0"),
        // Outside [1e-6, 1e15) the exponent stays; both forms are valid JSON.
        (1e-7, "1e-07"), (9.99e-7, "9.99e-07"), (1e16, "1e+16"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (-3.5e20, "-3.5e+20"),
    ])
    func numberFormatting(value: Double, expected: String) throws {
        #expect(JSONWriter.format(value) == expected)
        #expect(JSONWriter.write(.number(value)) == expected + "\n")
        // Whatever the form, it must be valid JSON that reads back as the same value.
        #expect(try JSONParser.parse(expected).double == value)
    }

    @Test(arguments: [(0, "0"), (42, "42"), (-7, "-7"), (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func integersHaveNoDecimalPoint(value: Int, expected: String) {
        #expect(JSONWriter.write(.integer(value)) == expected + "\n")
    }

    @Test func prettyPrintedLayout() {
        let value = JSONOutput.object([
            ("name", .string("Ferme du Pré")),
            ("area", .number(12.5)),
            ("plots", .array([.integer(1), .object([("ok", .bool(true)), ("note", .null)])])),
            ("empty", .object([])),
            ("none", .array([])),
        ])
        let expected = """
            {
              "name": "Ferme du Pré",
              "area": 12.5,
              "plots": [
                1,
                {
                  "ok": true,
                  "note": null
                }
              ],
              "empty": {},
              "none": []
            }

            """
        #expect(JSONWriter.write(value) == expected)
    }

    @Test func indentWidthIsConfigurable() {
        let value = JSONOutput.object([("a", .array([.bool(false)]))])
        #expect(JSONWriter.write(value, indent: 4) == "{\n    \"a\": [\n        false\n    ]\n}\n")
        #expect(JSONWriter.write(value, indent: 0) == "{\n\"a\": [\nfalse\n]\n}\n")
    }

    @Test func scalarsAndEmptyContainersAtTopLevel() {
        #expect(JSONWriter.write(.null) == "null\n")
        #expect(JSONWriter.write(.array([])) == "[]\n")
        #expect(JSONWriter.write(.object([])) == "{}\n")
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let raw = "q\" b\\ n\n t\t r\r b\u{8} f\u{C} nul\u{0} us\u{1F} del\u{7F} / é 😀"
        let expected = #""q\" b\\ n\n t\t r\r b\b f\f nul\u0000 us\u001f del"# + "\u{7F} / é 😀\"\n"
        #expect(JSONWriter.write(.string(raw)) == expected)
        #expect(JSONWriter.write(.object([(raw, .null)])).hasPrefix("{\n  " + expected.dropLast() + ": null"))
    }

    @Test func keysKeepTheGivenOrder() {
        let value = JSONOutput.object([("zeta", .integer(1)), ("alpha", .integer(2)), ("zeta", .integer(3))])
        #expect(JSONWriter.write(value) == "{\n  \"zeta\": 1,\n  \"alpha\": 2,\n  \"zeta\": 3\n}\n")
    }

    @Test func sameValueGivesSameBytes() {
        let value = JSONOutput.array((0..<200).map { i in
            .object([("id", .integer(i)), ("x", .number(Double(i) / 7)), ("s", .string("n°\(i)"))])
        })
        let first = JSONWriter.write(value)
        #expect((0..<5).allSatisfy { _ in JSONWriter.write(value) == first })
        #expect(first.contains("\"x\": 0.14285714285714285,"))
    }

    @Test func equalityIsStructuralAndOrdered() {
        #expect(JSONOutput.object([("a", .integer(1)), ("b", .null)]) == .object([("a", .integer(1)), ("b", .null)]))
        #expect(JSONOutput.object([("a", .integer(1)), ("b", .null)]) != .object([("b", .null), ("a", .integer(1))]))
        #expect(JSONOutput.integer(1) != .number(1))
        #expect(JSONOutput.array([.string("x")]) != .array([.string("x"), .null]))
    }
}
