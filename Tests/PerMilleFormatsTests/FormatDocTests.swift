import Foundation
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// Docs/format.md shows the fixture in both encodings; the examples must not drift from the code.
@Suite("Docs/format.md")
struct FormatDocTests {
    @Test("the XML example is what the writer makes of Fixtures/grassland-demo.json")
    func xmlExample() throws {
        let root = DecoderTestSupport.packageRoot
        let doc = try String(contentsOf: root.appendingPathComponent("Docs/format.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- xml-example:begin -->\n```xml\n"))
        let end = try #require(doc.range(of: "```\n<!-- xml-example:end -->"))
        let shown = String(doc[begin.upperBound..<end.lowerBound])
        let json = try JSONParser.parse(Array(try Data(contentsOf: root.appendingPathComponent("Fixtures/grassland-demo.json"))))
        #expect(shown == XMLWriter.write(json))
    }

    @Test("the JSON example is Fixtures/grassland-demo.json, byte for byte")
    func jsonExample() throws {
        let root = DecoderTestSupport.packageRoot
        let doc = try String(contentsOf: root.appendingPathComponent("Docs/format.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "`Fixtures/grassland-demo.json`:\n\n```json\n"))
        let end = try #require(doc.range(of: "```", range: begin.upperBound..<doc.endIndex))
        let fixture = try String(contentsOf: root.appendingPathComponent("Fixtures/grassland-demo.json"), encoding: .utf8)
        #expect(String(doc[begin.upperBound..<end.lowerBound]) == fixture)
    }
}
