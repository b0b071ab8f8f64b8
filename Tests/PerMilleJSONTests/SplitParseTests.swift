@testable import PerMilleJSON
import Testing

/// Parsing on two cores must give exactly the tree, or the error, of one pass, wherever the cut falls.
@Suite("Split parsing")
struct SplitParseTests {
    /// The outcome of one parse, comparable: the whole tree with every position, or the error.
    enum Parsed: Equatable {
        case tree(JSONNode)
        case error(JSONSyntaxError)
    }

    static func parse(_ bytes: [UInt8], splitTarget: Int?, maxDepth: Int = 256) -> Parsed {
        do {
            return .tree(try JSONParser.parse(bytes, maxDepth: maxDepth, splitTarget: splitTarget, waitForCut: true))
        } catch {
            return .error(error)
        }
    }

    /// Splits at every byte of `text` and compares each result with the one-pass parse.
    static func expectSameAtEveryCut(_ text: String, maxDepth: Int = 256, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let single = parse(bytes, splitTarget: nil, maxDepth: maxDepth)
        for target in 0...bytes.count {
            let split = parse(bytes, splitTarget: target, maxDepth: maxDepth)
            #expect(split == single, "cut after byte \(target)", sourceLocation: sourceLocation)
            if split != single { return }
        }
    }

    static let project = """
        {
          "format": "permille/1",
          "project": {"name": "Coopérative «Terre»", "note": "a \\"quoted\\" word, a back\\\\slash, 😀 and é"},
          "modules": {
            "grassland": [
              {"id": "G1", "area": {"start": 10, "without": 10, "with": 10}, "start": {"condition": "nominal"}},
              {"id": "G2 – é", "area": {"start": 1.5e1, "without": -0, "with": 12.25}, "tags": ["a,b", "[c]", "{d}"]},
              {"id": "G3", "nested": [[1, 2], [3, [4, 5]], [], {}], "flag": true, "none": null}
            ],
            "annualCrops": [
              {"id": "A1", "area": {"start": 5, "without": 5, "with": 5}},
              {"id": "A2", "text": "line one\\nline two\\ttab"}
            ]
          }
        }
        """

    @Test("a project-like document parses the same at every cut, in LF, CRLF and CR line endings and with a BOM")
    func everyCut() {
        Self.expectSameAtEveryCut(Self.project)
        Self.expectSameAtEveryCut(Self.project.replacingLineFeeds(with: "\r\n"))
        Self.expectSameAtEveryCut(Self.project.replacingLineFeeds(with: "\r"))
        Self.expectSameAtEveryCut("\u{FEFF}" + Self.project)
        Self.expectSameAtEveryCut("[1,2,[3,4,[5,6],7],8,\"é,\",9]")
        Self.expectSameAtEveryCut("  [ {\"a\": [ [ 1 ,2 ], [3] ] }, [ [ ], [ 4 , 5 ] ] , 6 ]  ")
    }

    @Test("errors before, at and after the cut are the one-pass errors", arguments: [
        "[1, 2, 3, 4, 5, 6, 7, 8, 9,]",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10] x",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]",
        "[1, 2, 3, 4, \"open, 6, 7, 8, 9, 10]",
        "[1, 2, 3, 4, \"raw\nline\", 6, 7, 8]",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, tru]",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, {\"a\" 1}]",
        "{\"rows\": [1, 2, 3, 4, 5, 6, 7, 8, 9] \"more\": 1}",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 1e999999, 0x10]",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, \"\u{FFFD}\", // comment\n 1]",
    ])
    func errors(text: String) {
        Self.expectSameAtEveryCut(text)
    }

    @Test("nesting past the limit after the cut is refused where one pass refuses it")
    func depthAfterCut() {
        Self.expectSameAtEveryCut("[1, 2, 3, [4, [5, [6, [7]]]], 8]", maxDepth: 3)
        Self.expectSameAtEveryCut("[[[1, 2, 3, 4, 5, 6, [7]]]]", maxDepth: 3)
    }

    @Test("invalid UTF-8 after the cut is reported as one pass reports it")
    func invalidUTF8AfterCut() {
        var bytes = Array("[\"a\", \"b\", \"c\", \"d\", \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\", \"e\"]".utf8)
        let single = Self.parse(bytes, splitTarget: nil)
        for target in 0...bytes.count {
            #expect(Self.parse(bytes, splitTarget: target) == single)
        }
    }

    @Test("a large file goes through the public entry point on two cores and gives the one-pass tree")
    func largeFile() throws {
        var rows: [String] = []
        var size = 0
        var index = 0
        while size < JSONParser.splitThreshold * 2 {
            let row = "{\"id\": \"R\(index)\", \"area\": {\"start\": \(Double(index) * 0.5), \"with\": 1e2}, \"name\": \"ligne n° \(index)\"}"
            rows.append(row)
            size += row.utf8.count + 2
            index += 1
        }
        let text = "{\"modules\": {\"a\": [\n" + rows.joined(separator: ",\n") + "\n], \"b\": []}}"
        let bytes = Array(text.utf8)
        let cut = try #require(bytes.withUnsafeBufferPointer { buffer in
            SplitPoint.find(in: buffer, from: 0, target: bytes.count / 2, maxDepth: 256)
        })
        #expect(cut.openContainers == [true, true, false])
        #expect(cut.line > 1)
        let tree = try JSONParser.parse(bytes)
        #expect(Self.parse(bytes, splitTarget: nil) == .tree(tree))
        #expect(tree.member("modules")?.member("a")?.array?.count == rows.count)
    }
}

extension SplitParseTests {
    @Test("mutated documents cut at random places give the one-pass tree or error (seeded)")
    func mutants() {
        var random = SplitMix(seed: 0x5EED_5917)
        let base = Array(Self.project.utf8)
        let inserts: [UInt8] = Array("\"\\,:[]{}\n\r 0-e.tnu\u{7F}".utf8) + [0xC3, 0xA9, 0xFF, 0x00]
        var differences = 0
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = inserts.randomElement(using: &random)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(inserts.randomElement(using: &random)!, at: at)
                }
            }
            let single = Self.parse(bytes, splitTarget: nil)
            for _ in 0..<8 {
                let target = Int.random(in: 0...bytes.count, using: &random)
                if Self.parse(bytes, splitTarget: target) != single { differences += 1 }
            }
        }
        #expect(differences == 0)
    }
}

/// A small seeded generator, so a failing mutant can be found again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func replacingLineFeeds(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
