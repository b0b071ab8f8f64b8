import PerMilleJSON
import Testing

@Suite("Nesting depth")
struct DepthTests {
    @Test func twoHundredFiftySixLevelsAreAllowed() throws {
        var node = try JSONParser.parse(String(repeating: "[", count: 256) + String(repeating: "]", count: 256))
        var depth = 1
        while let inner = node.array?.first {
            node = inner
            depth += 1
        }
        #expect(depth == 256)
    }

    @Test func theFirstBracketTooDeepIsReported() throws {
        let error = try #require(syntaxError(String(repeating: "[", count: 257) + String(repeating: "]", count: 257)))
        #expect(error.message == "nesting deeper than 256 levels")
        #expect(error.position.full == "1:257@256")
        #expect(error.expected == "at most 256 levels of nesting")
        #expect(error.found == "'['")
    }

    // Hostile input must produce an error, not a stack overflow.
    @Test(arguments: ["[", "{\"a\":"])
    func tenThousandOpenContainersFailCleanly(opener: String) throws {
        let error = try #require(syntaxError(String(repeating: opener, count: 10_000)))
        #expect(error.message == "nesting deeper than 256 levels")
        #expect(error.position.offset == 256 * opener.utf8.count)
    }

    // Open containers live on the heap, not the call stack, so a raised limit works even on
    // threads with small stacks (a recursive parser needed kilobytes per level in debug builds).
    @Test func raisedLimitAllowsDeeperDocuments() throws {
        let depth = 1_000
        let text = String(repeating: "[{\"k\":", count: depth / 2) + "0" + String(repeating: "}]", count: depth / 2)
        var node = try JSONParser.parse(text, maxDepth: depth)
        var levels = 0
        while let inner = node.array?.first ?? node.member("k") {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.double == 0)
        #expect(syntaxError(text, maxDepth: depth - 1)?.message == "nesting deeper than 999 levels")
    }

    @Test func customLimitAppliesToObjectsToo() throws {
        let text = #"{"a": {"b": {"c": 1}}}"#
        #expect(syntaxError(text, maxDepth: 3) == nil)
        let error = try #require(syntaxError(text, maxDepth: 2))
        #expect(error.message == "nesting deeper than 2 levels")
        #expect(error.position.full == "1:13@12")
        #expect(error.found == "'{'")
    }

    @Test func scalarsNeedNoDepth() throws {
        #expect(try JSONParser.parse("42", maxDepth: 0).double == 42)
        #expect(syntaxError("[]", maxDepth: 0)?.message == "nesting deeper than 0 levels")
    }
}
