import PerMilleJSON
import Testing

@Suite("Strings")
struct StringTests {
    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\u0000""#, "\u{0}"),
        (#""plain ASCII only""#, "plain ASCII only"),
        (#""a very long string without any escapes in it at all""#, "a very long string without any escapes in it at all"),
        (#""prefix before the first escape\tand after""#, "prefix before the first escape\tand after"),
        (#""é€😀 raw UTF-8""#, "é€😀 raw UTF-8"),
        (#""mixed é\n€""#, "mixed é\n€"),
    ])
    func decodesEscapesAndUTF8(json: String, expected: String) throws {
        #expect(try JSONParser.parse(json).string == expected)
    }

    @Test(arguments: [
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD800\uDC00""#, "\u{10000}"),
        (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
        (#""x\uD834\uDD1Ey""#, "x𝄞y"),
    ])
    func joinsSurrogatePairs(json: String, expected: String) throws {
        let string = try #require(JSONParser.parse(json).string)
        #expect(string == expected)
        #expect(string.unicodeScalars.count == expected.unicodeScalars.count)
    }

    @Test func escapedKeysAreDecoded() throws {
        let root = try JSONParser.parse(#"{"a\"b": 1, "\u00e9t\u00e9": 2}"#)
        #expect(root.members?.map(\.key) == ["a\"b", "été"])
    }

    @Test func manyEscapedStringsDoNotLeakIntoEachOther() throws {
        let root = try JSONParser.parse(#"["a\nb", "c", "\u0041\u0042", "long text then \"quote\"", "é\t"]"#)
        #expect(root.array?.compactMap(\.string) == ["a\nb", "c", "AB", "long text then \"quote\"", "é\t"])
    }

    // The scanner reads strings eight bytes at a time; each kind of byte it must stop at is
    // placed at every distance from the opening quote, across two word boundaries.
    @Test(arguments: 0..<20)
    func specialBytesAtEveryOffset(prefixLength: Int) throws {
        let prefix = String(repeating: "a", count: prefixLength)
        #expect(try JSONParser.parse("[\"\(prefix)\", 1]").array?.first?.string == prefix)
        #expect(try JSONParser.parse("[\"\(prefix)é\", 1]").array?.first?.string == prefix + "é")
        #expect(try JSONParser.parse("[\"\(prefix)\\n\", 1]").array?.first?.string == prefix + "\n")

        let control = try #require(syntaxError("[\"\(prefix)\u{1}\", 1]"))
        #expect(control.position.full == "1:\(prefixLength + 3)@\(prefixLength + 2)")
        let invalid = try #require(syntaxError(Array("[\"\(prefix)".utf8) + [0xFF] + Array("\", 1]".utf8)))
        #expect(invalid.position.full == "1:\(prefixLength + 3)@\(prefixLength + 2)")
    }
}
