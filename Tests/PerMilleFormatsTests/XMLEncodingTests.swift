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
    static let fixtures = ["grassland-demo.json", "tropical-demo.json", "rice-livestock-demo.json", "coastal-demo.json"]

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

    @Test(
        "a DOCTYPE is refused, whatever it declares",
        arguments: [
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

/// Random valid projects (grassland, cropland and organic-soil rows with random practices, areas
/// and dynamics): each goes JSON → XML, reads back to the same project and assesses to the same bytes.
@Suite("Generated projects")
struct GeneratedProjectTests {
    static let conditions = ["non-degraded", "high-intensity-grazing", "severely-degraded", "improved"]
    static let tillage = ["full", "reduced", "no-till"]
    static let inputs = ["low", "medium", "high-without-manure", "high-with-manure"]
    static let dynamics = ["linear", "immediate", "exponential"]
    static let climates = ["warm-temperate-dry", "warm-temperate-moist", "cool-temperate-moist", "tropical-moist", "tropical-dry", "boreal-moist"]

    static func project(using generator: inout SeededGenerator) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &generator) ?? list[0] }
        // Areas change freely; two land-use-change rows per module move the net change in and out, so
        // the project passes the area checks (method.md §3.3).
        var change: [String: (without: Double, with: Double)] = [:]
        func areas(_ module: String) -> String {
            let values = (0..<3).map { _ in Double(Int.random(in: 0...4_000, using: &generator)) / 8 }
            let before = change[module] ?? (0, 0)
            change[module] = (before.without + values[1] - values[0], before.with + values[2] - values[0])
            return #"{"start": \#(values[0]), "without": \#(values[1]), "with": \#(values[2])}"#
        }
        var grassland: [String] = []
        for index in 0..<Int.random(in: 1...4, using: &generator) {
            let states = (0..<3).map { _ -> String in
                let condition = pick(Self.conditions)
                return condition == "improved" && Bool.random(using: &generator)
                    ? #"{"condition": "improved", "input": "\#(pick(["medium", "high"]))"}"# : #"{"condition": "\#(condition)"}"#
            }
            grassland.append(
                #"{"id": "G\#(index)", "area": \#(areas("grassland")), "start": \#(states[0]), "without": \#(states[1]), "with": \#(states[2]), "dynamics": {"without": "\#(pick(Self.dynamics))", "with": "\#(pick(Self.dynamics))"}}"#
            )
        }
        var crops: [String] = []
        for index in 0..<Int.random(in: 0...3, using: &generator) {
            let states = (0..<3).map { _ in #"{"tillage": "\#(pick(Self.tillage))", "input": "\#(pick(Self.inputs))"}"# }
            crops.append(
                #"{"id": "A\#(index)", "name": "2024", "area": \#(areas("annual-cropland")), "start": \#(states[0]), "without": \#(states[1]), "with": \#(states[2]), "dynamics": "\#(pick(Self.dynamics))"}"#
            )
        }
        var conversions: [String] = []
        for (landUse, net) in change.sorted(by: { $0.key < $1.key }) {
            let gain = (without: max(0, net.without), with: max(0, net.with))
            let loss = (without: max(0, -net.without), with: max(0, -net.with))
            if gain.without > 0 || gain.with > 0 {
                conversions.append(#"{"id": "L-in-\#(landUse)", "from": "degraded-land", "to": "\#(landUse)", "area": {"without": \#(gain.without), "with": \#(gain.with)}}"#)
            }
            if loss.without > 0 || loss.with > 0 {
                conversions.append(#"{"id": "L-out-\#(landUse)", "from": "\#(landUse)", "to": "degraded-land", "area": {"without": \#(loss.without), "with": \#(loss.with)}}"#)
            }
        }
        let implementation = Int.random(in: 1...25, using: &generator)
        return """
            {"format": "permille/1",
             "project": {"name": "Generated & <checked>", "startYear": 2026, "implementationYears": \(implementation), "capitalizationYears": \(Int.random(in: 0...(50 - implementation), using: &generator)), "climate": "\(pick(Self.climates))", "soil": "high-activity-clay", "method": "\(pick(["ipcc", "exact-v9.4"]))"},
             "modules": {"landUseChange": [\(conversions.joined(separator: ","))], "grassland": [\(grassland.joined(separator: ","))], "annualCrops": [\(crops.joined(separator: ","))]}}
            """
    }

    @Test("2 000 generated projects read the same in both encodings; every tenth also assesses to the same bytes")
    func roundTrip() throws {
        let factors = DecoderTestSupport.factors
        let decoder = ProjectDecoder(factors: factors)
        let provenance = ResultJSON.Provenance(projectName: "generated", inputDigest: "sha256:-", factorDigests: [])
        var generator = SeededGenerator(seed: 2_026)
        for index in 0..<2_000 {
            let json = Array(Self.project(using: &generator).utf8)
            let xml = Array(XMLWriter.write(try JSONParser.parse(json)).utf8)
            let fromJSON = decoder.decode(json: json, file: "g.json")
            let fromXML = decoder.decode(xml: xml, file: "g.xml")
            #expect(fromJSON.canonicalDocument == fromXML.canonicalDocument)
            let a = try #require(fromJSON.project, "\(fromJSON.diagnostics)")
            let b = try #require(fromXML.project, "\(fromXML.diagnostics)")
            #expect(fromJSON.diagnostics.map(\.code) == fromXML.diagnostics.map(\.code))
            guard index % 10 == 0 else { continue }
            let resultA = ResultJSON.encode(try Assessor.assess(a, factors: factors), provenance: provenance)
            let resultB = ResultJSON.encode(try Assessor.assess(b, factors: factors), provenance: provenance)
            #expect(resultA == resultB)
        }
    }

    @Test("an XML file with a UTF-8 byte order mark reads like one without")
    func byteOrderMark() throws {
        let xml = XMLWriter.write(try JSONParser.parse(Array(Starter.json.utf8)))
        let outcome = ProjectDecoder(factors: DecoderTestSupport.factors).decode(xml: [0xEF, 0xBB, 0xBF] + Array(xml.utf8), file: "bom.xml")
        #expect(outcome.project != nil, "\(outcome.diagnostics)")
    }

    @Test("coastal rows: read with defaults, and their errors positioned at the row")
    func coastalRows() throws {
        let project = try #require(DecoderTestSupport.decode(String(decoding: try XMLEncodingTests.fixture("coastal-demo.json"), as: UTF8.self)).project)
        let row = try #require(project.coastalWetlands.first)
        #expect(row.vegetation == CoastalVegetation.mangrove && row.soil == CoastalSoil.organic && row.states.with.revegetatedHa == 40)
        let text = String(decoding: try XMLEncodingTests.fixture("coastal-demo.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"with\":    {\"drainedHa\": 0, \"revegetatedHa\": 40}", with: "\"with\":    {\"drainedHa\": 10, \"revegetatedHa\": 40}")
        let outcome = DecoderTestSupport.decode(text)
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == "coastal.area-exceeded" })
        #expect(diagnostic.rowID == "M2")
        #expect(diagnostic.location?.line == 20)
    }
}
