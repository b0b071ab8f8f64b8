import Foundation
import PerMille
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// The JSON Schema and XSD come from `ProjectSchema`, which the reader's key lists also come from;
/// these tests hold the three together and check the fixtures against both schemas.
@Suite("Published contracts")
struct SchemaTests {
    static let factors = DecoderTestSupport.factors

    static func fixtureXML(_ name: String) throws -> [UInt8] {
        let json = try JSONParser.parse(Array(try Data(contentsOf: DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/\(name)"))))
        return Array(XMLWriter.write(json).utf8)
    }

    @Test("the XML form of every fixture is valid against the XSD", arguments: XMLEncodingTests.fixtures)
    func fixturesValidate(name: String) throws {
        let (_, problems) = try XMLReader.parse(try Self.fixtureXML(name), schema: SchemaWriter.xsd(factors: Self.factors))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("the XSD catches a negative area and an unknown element, with their lines")
    func xsdFindsProblems() throws {
        let xml = String(decoding: try Self.fixtureXML("grassland-demo.json"), as: UTF8.self)
            .replacingOccurrences(of: "<with>150</with>", with: "<with>-5</with>")
            .replacingOccurrences(of: "<gwp>AR5</gwp>", with: "<gwp>AR5</gwp>\n    <colour>green</colour>")
        let (_, problems) = try XMLReader.parse(Array(xml.utf8), schema: SchemaWriter.xsd(factors: Self.factors))
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        let colour = try #require(lines.firstIndex { $0.contains("<colour>") }) + 1
        let negative = try #require(lines.firstIndex { $0.contains("<with>-5</with>") }) + 1
        #expect(problems.contains { $0.line == colour && $0.message.contains("colour") })
        #expect(problems.contains { $0.line == negative && $0.message.contains("-5") })
    }

    @Test("the reader accepts exactly the keys the schema lists")
    func readerKeysFollowSchema() {
        for field in ProjectSchema.modules {
            guard case .list(.object(let rowFields)) = field.kind, let accepted = RowReader.allowedKeys[field.name] else { continue }
            #expect(Set(rowFields.map(\.name)) == Set(accepted), "row keys of \(field.name)")
        }
        #expect(DescriptionReader.keys == ProjectSchema.project.map(\.name))
        guard case .object(let override) = ProjectSchema.override else {
            Issue.record("override is not an object")
            return
        }
        #expect(Set(override.map(\.name)) == Set(OverridesReader.overrideKeys))
        #expect(Set(ProjectSchema.modules.map(\.name)) == Set(ProjectDecoder.supportedModules + ProjectDecoder.laterModules))
    }

    @Test("the JSON Schema is JSON, and the fixtures validate against it with python's jsonschema")
    func jsonSchema() throws {
        let text = SchemaWriter.jsonSchema(factors: Self.factors)
        let root = try JSONParser.parse(Array(text.utf8))
        #expect(root.member("required")?.array?.compactMap(\.string) == ["format", "project", "modules"])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("permille-schema-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: scratch)
        let documents = XMLEncodingTests.fixtures.map { DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/\($0)").path }
        #expect(try JSONSchemaCheck.validate(schema: scratch.path, documents: documents) == "ok\n")
    }
}

@Suite("Starter project")
struct StarterTests {
    @Test("both starters read without a diagnostic and assess to a gain", arguments: [false, true])
    func starter(xml: Bool) throws {
        let decoder = ProjectDecoder(factors: DecoderTestSupport.factors)
        let outcome =
            xml
            ? decoder.decode(xml: Array(Starter.xml.utf8), file: "starter.xml")
            : decoder.decode(json: Array(Starter.json.utf8), file: "starter.json")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let project = try #require(outcome.project)
        #expect(project.grassland.count == 1 && project.annualCrops.count == 1)
        #expect(try Assessor.assess(project, factors: DecoderTestSupport.factors).total.balance < 0)
    }
}
