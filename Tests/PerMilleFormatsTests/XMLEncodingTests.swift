import Foundation
import PerMille
import PerMilleData
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// The XML encoding carries the same tree as JSON: every fixture and many generated documents
/// go JSON → XML → JSON unchanged, and an XML project assesses to the same numbers.
@Suite("XML encoding")
struct XMLEncodingTests {
    static let fixtures = ["grassland-demo.json", "tropical-demo.json"]

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/\(name)")))
    }

    @Test("every fixture round-trips JSON → XML → JSON without loss", arguments: fixtures)
    func fixtureRoundTrip(name: String) throws {
        let json = try JSONParser.parse(try Self.fixture(name))
        let xml = XMLWriter.write(json)
        let back = try XMLReader.parse(Array(xml.utf8))
        #expect(JSONTree.output(back) == JSONTree.output(json))
    }

    @Test("an XML project gives the same assessment, to the last digit, as its JSON form", arguments: fixtures)
    func sameNumbers(name: String) throws {
        let factors = DecoderTestSupport.factors
        let decoder = ProjectDecoder(factors: factors)
        let jsonBytes = try Self.fixture(name)
        let xmlBytes = Array(XMLWriter.write(try JSONParser.parse(jsonBytes)).utf8)
        let fromJSON = try #require(decoder.decode(json: jsonBytes, file: name).project)
        let fromXML = try #require(decoder.decode(xml: xmlBytes, file: "p.xml").project)
        let provenance = ResultJSON.Provenance(projectName: "same", inputDigest: "sha256:-", factorDigests: [])
        let a = ResultJSON.encode(try Assessor.assess(fromJSON, factors: factors), provenance: provenance)
        let b = ResultJSON.encode(try Assessor.assess(fromXML, factors: factors), provenance: provenance)
        #expect(a == b)
    }

    @Test("strings that look like numbers, booleans or blanks keep their type through XML")
    func ambiguousStrings() throws {
        let text = #"{"a": "2024", "b": "true", "c": " padded ", "d": "", "e": 2024, "f": false, "g": null, "h": [], "i": {}, "j": "x & <y> \"z\"", "k": "é ☃", "weird key": 1}"#
        let json = try JSONParser.parse(Array(text.utf8))
        let xml = XMLWriter.write(json)
        #expect(xml.contains(#"<a type="string">2024</a>"#))
        #expect(xml.contains(#"<entry key="weird key">1</entry>"#))
        #expect(JSONTree.output(try XMLReader.parse(Array(xml.utf8))) == JSONTree.output(json))
    }

    @Test("3 000 generated documents round-trip (seeded)")
    func generated() throws {
        var generator = SeededGenerator(seed: 20_261_125)
        for _ in 0..<3_000 {
            let value = GeneratedJSON.object(depth: 0, using: &generator)
            let text = JSONWriter.write(value)
            let json = try JSONParser.parse(Array(text.utf8))
            let back = try XMLReader.parse(Array(XMLWriter.write(json).utf8))
            #expect(JSONTree.output(back) == JSONTree.output(json), "\(text)")
        }
    }

    @Test("a DOCTYPE is refused, whatever it declares", arguments: [
        #"<?xml version="1.0"?><!DOCTYPE permille [<!ENTITY x SYSTEM "file:///etc/passwd">]><permille><name>&x;</name></permille>"#,
        #"<?xml version="1.0"?><!DOCTYPE permille SYSTEM "http://example.invalid/p.dtd"><permille/>"#,
        #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><permille><name>&lol3;</name></permille>"#,
    ])
    func doctype(text: String) {
        #expect {
            try XMLReader.parse(Array(text.utf8))
        } throws: { error in
            guard let failure = error as? XMLReader.Failure else { return false }
            return failure.message.contains("DOCTYPE") && failure.line == 1 && failure.column == 22
        }
    }

    @Test("an entity with no declaration is an error, not text")
    func undeclaredEntity() {
        #expect(throws: XMLReader.Failure.self) { try XMLReader.parse(Array("<permille><name>&x;</name></permille>".utf8)) }
    }

    @Test("malformed XML is reported with its line and column")
    func malformed() throws {
        let text = "<permille>\n  <project>\n    <name>x</nam>\n  </project>\n</permille>"
        let outcome = DecoderTestSupport.decode(text, file: "p.xml")
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.code == "xml.syntax")
        #expect(diagnostic.location?.line == 3)
        #expect((diagnostic.location?.column ?? 0) > 1)
        #expect(outcome.project == nil)
    }

    @Test("diagnostics in an XML file point at the element")
    func positions() throws {
        let xml = XMLWriter.write(try JSONParser.parse(try Self.fixture("grassland-demo.json")))
            .replacingOccurrences(of: "<with>150</with>", with: "<with>-5</with>")
        let outcome = ProjectDecoder(factors: DecoderTestSupport.factors).decode(xml: Array(xml.utf8), file: "p.xml")
        let first = try #require(outcome.diagnostics.first { $0.code == "area.negative" })
        let line = try #require(xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<with>-5</with>") })
        #expect(first.location?.line == line + 1)
        #expect(first.location?.column == 11)
        #expect(first.path == "modules.grassland[0].area.with")
        #expect(first.rowID == "G1")
    }
}

extension DecoderTestSupport {
    static func decode(_ text: String, file: String) -> ProjectDecoder.Outcome {
        ProjectDecoder(factors: factors).decode(Array(text.utf8), file: file)
    }
}

/// SplitMix64: a small seeded generator, so generated cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
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

enum GeneratedJSON {
    static let keys = ["id", "name", "area", "start", "with", "without", "weird key", "é", "x-y", "a.b", "_c", "entry", "xmlish"]
    static let texts = ["", " ", "150", "-0", "true", "null", "a&b", "<tag>", "\"q\"", "é ☃", "tab\there", "line\nbreak", "trailing ", "G1"]

    static func object(depth: Int, using generator: inout SeededGenerator) -> JSONOutput {
        let count = Int.random(in: 0...4, using: &generator)
        var members: [(String, JSONOutput)] = []
        var used: Set<String> = []
        for _ in 0..<count {
            let key = keys.randomElement(using: &generator) ?? "k"
            guard used.insert(key).inserted else { continue }
            members.append((key, value(depth: depth + 1, using: &generator)))
        }
        return .object(members)
    }

    static func value(depth: Int, using generator: inout SeededGenerator) -> JSONOutput {
        switch Int.random(in: 0...(depth > 3 ? 4 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int.random(in: -1_000...1_000_000, using: &generator))
        case 3: return .number(Double(Int.random(in: -100_000...100_000, using: &generator)) / 8)
        case 4: return .string(texts.randomElement(using: &generator) ?? "")
        case 5: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth: depth + 1, using: &generator) })
        default: return object(depth: depth, using: &generator)
        }
    }
}
