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

    /// The same JSON value: numbers by value (format 2 writes 825 for 825.0), the rest as written.
    static func same(_ a: JSONNode, _ b: JSONNode?) -> Bool {
        guard let b else { return false }
        if case .number(let x) = a.value, case .number(let y) = b.value { return x.value == y.value }
        return ResultComparison.render(a) == ResultComparison.render(b)
    }

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
                    let id = try #require(reference.string)
                    used.insert(id)
                    let entry = try #require(v2.member("factors")?.member(id), "\(id) is not in the factor table")
                    let names = entry.member("names")?.array?.compactMap(\.string) ?? []
                    #expect(names.contains(before.member("name")?.string ?? "-"), "\(id) is not named \(before.member("name")?.string ?? "-")")
                    for field in ["value", "unit", "uncertaintyPercent", "reliability", "source", "table", "key", "line", "note"] {
                        #expect(Self.same(before.member(field) ?? JSONNode.null, entry.member(field) ?? JSONNode.null), "\(id).\(field)")
                    }
                    distinct.insert(["table", "line", "value", "note"].map { before.member($0).map(ResultComparison.render) ?? "-" }.joined(separator: "|"))
                }
            }
        }
        // Each id is used by some row, and there are as many ids as distinct factor records.
        #expect(used == Set(table.map(\.key)))
        #expect(table.count == distinct.count)
    }

    @Test("every value of format 1 is in format 2, at the same path or through its table", arguments: fixtures)
    func sameValues(fixture: String) throws {
        let (v1, v2) = try Self.documents(fixture)
        var compared = 0
        let rowNotes = v2.member("rowNotes")
        let summaries = v2.member("divergenceSummaries")
        func walk(_ a: JSONNode, _ b: JSONNode?, _ path: String) {
            switch a.value {
            case .object(let members):
                for member in members where member.key != "factors" && !(path.isEmpty && ["format", "digests"].contains(member.key)) {
                    let child = b?.member(member.key)
                    let inRow = path.contains(".rows.")
                    // Zero categories are left out of rows; a row's gas unit is its gas's.
                    if child == nil, member.value.isAllZero, path.contains("byGas") || path.contains("gases") { continue }
                    if inRow, member.key == "unit", path.contains(".gases.") { continue }
                    // Row notes and divergence summaries are written once, in their tables.
                    if inRow, member.key == "notes" {
                        let texts = (child?.array ?? []).map { rowNotes?.member($0.string ?? "")?.string }
                        #expect(texts == (member.value.array ?? []).map(\.string), "\(path).notes")
                        compared += 1
                        continue
                    }
                    if path.hasPrefix(".divergences["), member.key == "summary" {
                        let text = (b?.member("ids")?.array ?? []).compactMap { summaries?.member($0.string ?? "")?.string }.joined(separator: " ")
                        #expect(text == member.value.string, "\(path).summary")
                        compared += 1
                        continue
                    }
                    walk(member.value, child, path + "." + member.key)
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, b?.array.flatMap { index < $0.count ? $0[index] : nil }, path + "[\(index)]") }
            default:
                compared += 1
                #expect(Self.same(a, b), "\(path)")
            }
        }
        walk(v1, v2, "")
        #expect(compared > 100)
        #expect(v2.member("format")?.string == "permille-result/2")
        #expect(v2.member("generator")?.member("version")?.string == PerMilleVersion.current)
    }

    @Test("the golden results and fresh results (both methods, divergences, notes, Monte Carlo) validate against Docs/schemas/result-v2.schema.json")
    func schema() throws {
        let root = DecoderTestSupport.packageRoot
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("permille-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var paths = Self.fixtures.map { root.appendingPathComponent("Fixtures/\($0).expected.json").path }
        for fixture in Self.fixtures {
            for method in Method.allCases {
                let url = root.appendingPathComponent("Fixtures/\(fixture).json")
                let project = try #require(ProjectDecoder(factors: DecoderTestSupport.factors).decode(json: Array(try Data(contentsOf: url)), file: fixture).project)
                var assessment = try Assessor.assess(project, factors: DecoderTestSupport.factors, method: method)
                if method == .ipcc {
                    // `uncertainty.monteCarlo` validates too.
                    assessment.monteCarlo = try MonteCarlo.run(project, factors: DecoderTestSupport.factors, assessment: assessment, settings: .init(draws: 200))
                }
                let provenance = ResultJSON.Provenance(projectName: "p", inputDigest: "sha256:" + String(repeating: "0", count: 64), factorDigests: [])
                let path = scratch.appendingPathComponent("\(fixture)-\(method.rawValue).json")
                try Data(ResultDocument.encode(assessment, provenance: provenance, explain: method == .ipcc)).write(to: path)
                paths.append(path.path)
            }
        }
        let schema = root.appendingPathComponent("Docs/schemas/result-v2.schema.json").path
        let output = try JSONSchemaCheck.validate(schema: schema, documents: paths)
        #expect(output == "ok\n", "\(output)")
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
