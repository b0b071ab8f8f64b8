import Foundation
import PerMille
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

/// The override names are declared once, in the core (`OverridableFactors`): the reader accepts
/// exactly them, and Docs/format.md lists exactly them.
@Suite("Overridable factors, declared once")
struct OverridableFactorsDocTests {
    @Test("Docs/format.md's list of override names is the core's declaration, families included")
    func documentedNames() throws {
        let text = try String(contentsOf: DecoderTestSupport.packageRoot.appendingPathComponent("Docs/format.md"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `factor` | string | yes |") })
        let documented = Set(row.matches(of: /`([a-zA-Z0-9-]+)`/).map { String($0.output.1) })
        for (name, _) in OverridableFactors.named { #expect(documented.contains(name), "\(name) is not in Docs/format.md") }
        for family in OverridableFactors.families {
            #expect(documented.contains { $0.hasPrefix(family.prefix) && ($0.hasSuffix("-S") || $0.hasSuffix("-L")) }, "\(family.prefix)…")
        }
        let declared = Set(OverridableFactors.named.map(\.name))
        for name in documented where name.contains("-") && !name.hasSuffix("-S") && !name.hasSuffix("-L") && name != "livestock-manure-system-shares" {
            #expect(declared.contains(name), "Docs/format.md lists \(name), which the core does not declare")
        }
    }

    @Test("the reader accepts every declared name and family member, and nothing else")
    func readerAcceptsTheDeclaration() throws {
        let vocabulary = Vocabulary(factors: DecoderTestSupport.factors)
        let accepted = Set(vocabulary.overridableFactors)
        for (name, _) in OverridableFactors.named { #expect(accepted.contains(name), "\(name)") }
        for name in accepted { #expect(OverridableFactors.isDeclared(name), "\(name)") }
        #expect(accepted.contains("biomass-stock-grassland") && accepted.contains("manure-ch4-ef-liquid-slurry"))
        #expect(!OverridableFactors.isDeclared("soc-reference") && !OverridableFactors.isDeclared("manure-ch4-ef-"))
    }
}
