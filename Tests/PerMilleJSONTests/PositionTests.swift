import PerMilleJSON
import Testing

@Suite("Source positions")
struct PositionTests {
    // CRLF line ends, multi-byte keys and values, nesting: each shifts columns differently
    // from byte offsets, which is exactly what a wrong position would get wrong.
    static let document = "{\r\n  \"名前\": \"Pré\",\r\n  \"plots\": [\r\n    {\"id\": 1, \"tags\": [\"é\", true]},\r\n    {\"id\": 2}\r\n  ]\r\n}"

    @Test func rootAndTopLevelMembers() throws {
        let root = try JSONParser.parse(Self.document)
        #expect(root.position.full == "1:1@0")
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["名前", "plots"])
        #expect(members[0].keyPosition.full == "2:3@5")
        #expect(members[0].value.position.full == "2:9@15")
        #expect(members[1].keyPosition.full == "3:3@26")
        #expect(members[1].value.position.full == "3:12@35")
    }

    @Test func nestedValuesAfterMultiByteCharacters() throws {
        let root = try JSONParser.parse(Self.document)
        let plots = try #require(root.member("plots")?.array)
        #expect(plots.map(\.position.full) == ["4:5@42", "5:5@80"])

        let first = try #require(plots[0].members)
        #expect(first.map(\.keyPosition.full) == ["4:6@43", "4:15@52"])
        #expect(first[0].value.position.full == "4:12@49")

        let tags = try #require(first[1].value.array)
        #expect(first[1].value.position.full == "4:23@60")
        // "é" is two bytes but one column, so `true` sits at column 29 and offset 67.
        #expect(tags.map(\.position.full) == ["4:24@61", "4:29@67"])

        let second = try #require(plots[1].member("id"))
        #expect(second.position.full == "5:12@87")
    }

    @Test(arguments: [
        ("[\n1]", "2:1@2"),
        ("[\r\n1]", "2:1@3"),
        ("[\r1]", "2:1@2"),  // a lone CR (old Mac files) still ends a line
        ("[\n\n\r\n\t1]", "4:2@6"),
        ("[\"😀\", 1]", "1:7@9"),  // a 4-byte scalar is still one column
    ])
    func lineBreaksAndWideScalars(text: String, expected: String) throws {
        let root = try JSONParser.parse(text)
        let element = try #require(root.array?.last)
        #expect(element.position.full == expected)
    }

    @Test func descriptionAndOrder() {
        let early = JSONPosition(line: 2, column: 7, offset: 12)
        let late = JSONPosition(line: 3, column: 1, offset: 20)
        #expect(early.description == "2:7")
        #expect(early < late)
        #expect([late, early].sorted() == [early, late])
    }

    // Nodes store positions in 32-bit fields; large but valid values must survive intact.
    @Test func nodesAndMembersKeepLargePositions() {
        let far = JSONPosition(line: 3_000_000, column: 70_000, offset: 4_000_000_000)
        var node = JSONNode(value: .null, position: far)
        #expect(node.position == far)
        node.position = JSONPosition(line: 2, column: 5, offset: 9)
        #expect(node.position.full == "2:5@9")
        var member = JSONMember(key: "k", keyPosition: far, value: node)
        #expect(member.keyPosition == far)
        member.keyPosition.column += 1
        #expect(member.keyPosition.full == "3000000:70001@4000000000")
    }
}
