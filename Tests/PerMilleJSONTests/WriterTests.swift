import Foundation
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
        let value = JSONOutput.array(
            (0..<200).map { i in
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

/// The streaming writer and the fast number spelling agree with `JSONWriter` and Swift's own digits.
@Suite("Streaming writer")
struct StreamWriterTests {
    @Test("numbers rounded to 1e-9 are spelled as Swift's shortest round-trip form")
    func fixedPointMatchesDescription() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<200_000 {
            let magnitude = pow(10, Double(Int(next() % 16)) - 8)
            let raw = (Double(next() % 2_000_000) / 1_000_000 - 1) * magnitude
            for value in [raw, (raw * 1e9).rounded() / 1e9] {
                var bytes: [UInt8] = []
                JSONWriter.appendNumber(value, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.format(value), "\(value)")
                #expect(Double(String(decoding: bytes, as: UTF8.self)) == (value == 0 ? 0 : value))
            }
        }
    }

    @Test("a tree streamed gives JSONWriter's bytes; inline containers are one line")
    func streamedTreeMatches() {
        let tree: JSONOutput = .object([
            ("a", .array([.number(1.5), .integer(2), .null, .bool(true)])), ("b", .object([])), ("c", .array([])),
            ("d", .object([("e", .string("q\"\\\n\u{1}"))])),
        ])
        var bytes: [UInt8] = []
        var writer = JSONStreamWriter(flushThreshold: 3) { bytes.append(contentsOf: $0) }
        writer.value(tree)
        #expect(writer.finish() == nil)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.write(tree))

        var inline: [UInt8] = []
        var second = JSONStreamWriter { inline.append(contentsOf: $0) }
        second.beginObject()
        second.key("row")
        second.beginObject(inline: true)
        second.key("x")
        second.beginArray()
        second.number(1)
        second.number(0.25)
        second.endArray()
        second.key("y")
        second.value(.object([("z", .string("w"))]))
        second.endObject()
        second.endObject()
        _ = second.finish()
        #expect(String(decoding: inline, as: UTF8.self) == "{\n  \"row\": {\"x\":[1.0,0.25],\"y\":{\"z\":\"w\"}}\n}\n")
    }

    @Test("a sink that fails stops the writer and the error is returned")
    func sinkFailure() {
        struct Full: Error {}
        var writer = JSONStreamWriter(flushThreshold: 1) { _ in throw Full() }
        writer.beginArray()
        for index in 0..<10 { writer.integer(index) }
        writer.endArray()
        #expect(writer.finish() is Full)
    }
}
