import PerMilleJSON
import Testing

@Suite("Parsed values")
struct ValueTests {
    @Test func duplicateKeysAreKeptInSourceOrder() throws {
        let root = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b", "a"])
        #expect(members.map { $0.value.double } == [1, 2, 3])
        #expect(members.map(\.keyPosition.column) == [2, 10, 18])
        // The accessor picks the first; reporting the duplicate is the caller's job.
        #expect(root.member("a")?.double == 1)
    }

    @Test func scalarsAndAccessors() throws {
        let root = try JSONParser.parse(#"{"n": null, "t": true, "f": false, "s": "x", "d": 2.5, "a": [], "o": {}}"#)
        #expect(root.member("n")?.isNull == true)
        #expect(root.member("t")?.bool == true)
        #expect(root.member("f")?.bool == false)
        #expect(root.member("s")?.string == "x")
        #expect(root.member("d")?.double == 2.5)
        #expect(root.member("d")?.number?.literal == "2.5")
        #expect(root.member("a")?.array?.isEmpty == true)
        #expect(root.member("o")?.members?.isEmpty == true)
        #expect(root.member("missing") == nil)
        // Accessors answer nil for the wrong kind instead of trapping.
        #expect(root.member("s")?.double == nil)
        #expect(root.member("d")?.string == nil)
        #expect(root.member("a")?.member("x") == nil)
        #expect(root.member("n")?.bool == nil)
    }

    @Test(arguments: [
        ("null", "null"), ("true", "boolean"), ("false", "boolean"), ("-1.5", "number"),
        ("\"\"", "string"), ("[]", "array"), ("{}", "object"),
    ])
    func kindNames(text: String, kind: String) throws {
        let node = try JSONParser.parse(text)
        #expect(node.kindName == kind)
        #expect(node.value.kindName == kind)
    }

    @Test func whitespaceAroundTheRootIsAllowed() throws {
        let node = try JSONParser.parse(" \t\r\n [ 1 , 2 ] \n\r\n ")
        #expect(node.array?.compactMap(\.double) == [1, 2])
        #expect(node.position.full == "2:2@5")
    }

    @Test func parsingBytesAndStringsAgrees() throws {
        let text = #"{"k": ["v", 1, null]}"#
        #expect(try JSONParser.parse(text) == JSONParser.parse(Array(text.utf8)))
    }

    // Rows in a project file repeat the same keys and values, which the parser may share;
    // sharing must never mix up values that differ only late or in length.
    @Test func similarStringsStayDistinct() throws {
        let keys = [
            "abcdefgh1", "abcdefgh2", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq",
            "abcdefghijklmnop", "a", "ab", "", "é", "abcdefgh1",
        ]
        let text = "[" + keys.map { "{\"\($0)\": \"\($0)\"}" }.joined(separator: ",") + "]"
        let rows = try #require(JSONParser.parse(text).array)
        #expect(rows.compactMap { $0.members?.first?.key } == keys)
        #expect(rows.compactMap { $0.members?.first?.value.string } == keys)
    }

    @Test func stringAtTheVeryEndOfTheInput() throws {
        // The last bytes of the input cannot be read in whole machine words.
        for text in ["\"k\"", "\"abcdefghij\"", "\"abcdefghijklmnop\"", "[\"x\",\"yz\"]"] {
            let node = try JSONParser.parse(text)
            let expected = text.hasPrefix("[") ? "yz" : String(text.dropFirst().dropLast())
            #expect((node.string ?? node.array?.last?.string) == expected)
        }
    }

    @Test func largeDocumentWithManyRows() throws {
        let rows = (0..<2_000).map { #"{"id": \#($0), "name": "plot \#($0)", "area": \#(Double($0) / 4)}"# }
        let root = try JSONParser.parse("[" + rows.joined(separator: ",\n") + "]")
        let parsed = try #require(root.array)
        #expect(parsed.count == 2_000)
        #expect(parsed[1_234].member("name")?.string == "plot 1234")
        #expect(parsed[1_234].member("area")?.double == 308.5)
        #expect(parsed[1_234].position.line == 1_235)
    }
}
