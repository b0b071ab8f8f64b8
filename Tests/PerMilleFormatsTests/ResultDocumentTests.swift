import Foundation
import PerMille
import PerMilleData
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// `permille-result/2` holds every value of `permille-result/1`: each factor once in the top-level
/// table, rows naming them by id, rows' values unchanged (zero gas categories left out).
@Suite("Result format 2")
struct ResultDocumentTests {
    static func documents(_ fixture: String, explain: Bool = true) throws -> (v1: JSONNode, v2: JSONNode) {
        let url = DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/\(fixture).json")
        let outcome = ProjectDecoder(factors: DecoderTestSupport.factors).decode(json: Array(try Data(contentsOf: url)), file: fixture)
        let project = try #require(outcome.project)
        let assessment = try Assessor.assess(project, factors: DecoderTestSupport.factors)
        let provenance = ResultJSON.Provenance(projectName: "p", inputDigest: "sha256:-", factorDigests: [("a.csv", "sha256:1")])
        let v1 = try JSONParser.parse(Array(ResultJSON.encode(assessment, provenance: provenance, explain: true).utf8))
        let v2 = try JSONParser.parse(ResultDocument.encode(assessment, provenance: provenance, explain: explain))
        return (v1, v2)
    }

    static let fixtures = ["grassland-demo", "tropical-demo", "rice-livestock-demo"]

    @Test("every row's factors resolve to the same values, and each distinct factor is written once", arguments: fixtures)
    func factorsOnce(fixture: String) throws {
        let (v1, v2) = try Self.documents(fixture)
        let table = try #require(v2.member("factors")?.members)
        #expect(Set(table.map(\.key)).count == table.count)
        var used: Set<String> = []
        var distinct: Set<String> = []
        for module in v1.member("modules")?.members ?? [] {
            for row in module.value.member("rows")?.members ?? [] {
                let old = row.value.member("factors")?.array ?? []
                let new = try #require(v2.member("modules")?.member(module.key)?.member("rows")?.member(row.key)?.member("factors")?.array)
                #expect(old.count == new.count)
                for (before, reference) in zip(old, new) {
                    let pair = try #require(reference.array)
                    #expect(pair.first?.string == before.member("name")?.string)
                    let id = try #require(pair.last?.string)
                    used.insert(id)
                    let entry = try #require(v2.member("factors")?.member(id), "\(id) is not in the factor table")
                    for field in ["value", "unit", "uncertaintyPercent", "reliability", "source", "table", "key", "line", "note"] {
                        #expect(ResultComparison.render(entry.member(field) ?? JSONNode.null) == ResultComparison.render(before.member(field) ?? JSONNode.null), "\(id).\(field)")
                    }
                    distinct.insert(["table", "line", "value", "note"].map { before.member($0).map(ResultComparison.render) ?? "-" }.joined(separator: "|"))
                }
            }
        }
        // Each id is used by some row, and there are as many ids as distinct factor records.
        #expect(used == Set(table.map(\.key)))
        #expect(table.count == distinct.count)
    }

    @Test("every value of format 1 is in format 2, at the same path, zero categories aside", arguments: fixtures)
    func sameValues(fixture: String) throws {
        let (v1, v2) = try Self.documents(fixture)
        var compared = 0
        func walk(_ a: JSONNode, _ b: JSONNode?, _ path: String) {
            switch a.value {
            case .object(let members):
                for member in members where member.key != "factors" && !(path.isEmpty && ["format", "digests"].contains(member.key)) {
                    let child = b?.member(member.key)
                    if child == nil, member.value.isAllZero, path.contains("byGas") || path.contains("gases") { continue }
                    walk(member.value, child, path + "." + member.key)
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, b?.array.flatMap { index < $0.count ? $0[index] : nil }, path + "[\(index)]") }
            default:
                compared += 1
                #expect(b.map(ResultComparison.render) == ResultComparison.render(a), "\(path)")
            }
        }
        walk(v1, v2, "")
        #expect(compared > 100)
        #expect(v2.member("format")?.string == "permille-result/2")
        #expect(v2.member("generator")?.member("version")?.string == PerMilleVersion.current)
    }

    @Test("without --explain rows carry no intermediates; with it they do")
    func explain() throws {
        let plain = try Self.documents("grassland-demo", explain: false).v2
        let explained = try Self.documents("grassland-demo", explain: true).v2
        #expect(plain.member("modules")?.member("grassland")?.member("rows")?.member("G2")?.member("intermediates") == nil)
        #expect(explained.member("modules")?.member("grassland")?.member("rows")?.member("G2")?.member("intermediates")?.array?.isEmpty == false)
    }
}

extension JSONNode {
    /// Whether every number under this node is zero (a gas category a row never emits).
    var isAllZero: Bool {
        switch value {
        case .number(let number): number.value == 0
        case .object(let members): members.allSatisfy { $0.value.isAllZero || $0.key == "unit" }
        case .array(let elements): elements.allSatisfy(\.isAllZero)
        default: true
        }
    }

    static var null: JSONNode { try! JSONParser.parse(Array("null".utf8)) }
}
