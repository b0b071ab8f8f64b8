import Foundation
import PerMille
import PerMilleData
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// Reading only the tables `TableNeeds` names gives the same project and the same result as reading
/// every table: on the fixtures, the parity cases and generated projects, under both methods.
@Suite("Factor tables read on demand")
struct TableNeedsTests {
    static let folder = try! IndicatorsFolder()
    static let provenance = ResultJSON.Provenance(projectName: "same", inputDigest: "sha256:-", factorDigests: [])

    /// The result with every table and with the project's own tables, as text (no digests), or why it failed.
    static func bothWays(_ bytes: [UInt8], method: Method) throws -> (all: String, needed: String) {
        let root = try JSONParser.parse(bytes)
        let needs = ProjectDecoder.needs(of: root)
        let partial = try folder.factors(modules: needs.modules, hasOverrides: needs.hasOverrides)
        func run(_ factors: FactorSet) -> String {
            let outcome = ProjectDecoder(factors: factors).decode(parsed: root, file: "p.json")
            guard let project = outcome.project else { return "invalid: " + outcome.diagnostics.map(\.code).joined(separator: ",") }
            do { return ResultJSON.encode(try Assessor.assess(project, factors: factors, method: method), provenance: provenance) } catch {
                return "failed: \(error.missingFactors) \(error.siteErrors)"
            }
        }
        return (run(DecoderTestSupport.factors), run(partial))
    }

    static var files: [URL] {
        let root = DecoderTestSupport.packageRoot
        let fixtures = ["grassland-demo", "tropical-demo", "rice-livestock-demo"].map { root.appendingPathComponent("Fixtures/\($0).json") }
        let parity = root.deletingLastPathComponent().appendingPathComponent("shared/spec/cases/parity")
        let cases = (try? FileManager.default.contentsOfDirectory(at: parity, includingPropertiesForKeys: nil)) ?? []
        return fixtures + cases.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    @Test("fixtures and parity cases", arguments: Method.allCases)
    func fixtures(method: Method) throws {
        for file in Self.files {
            let (all, needed) = try Self.bothWays(Array(try Data(contentsOf: file)), method: method)
            #expect(all == needed, "\(file.lastPathComponent)")
            #expect(all.hasPrefix("{"), "\(file.lastPathComponent): \(all.prefix(300))")
        }
    }

    @Test("300 generated projects")
    func generated() throws {
        var generator = SeededGenerator(seed: 12_2026)
        for _ in 0..<300 {
            let bytes = Array(GeneratedProjectTests.project(using: &generator).utf8)
            let (all, needed) = try Self.bothWays(bytes, method: Bool.random(using: &generator) ? .ipcc : .exactV94)
            #expect(all == needed)
        }
    }

    @Test("a grassland project reads far fewer tables than the folder has")
    func grasslandReadsFew() throws {
        let needed = TableNeeds.tables(modules: [ModuleKind.grassland], hasOverrides: false)
        #expect(needed.count < Self.folder.tableNames.count / 2)
        #expect(!needed.contains("forest-biomass"))
        #expect(!needed.contains("livestock-parameters"))
        // Every name it lists is a table of the bundled manifest.
        let all = TableNeeds.tables(modules: ModuleKind.allCases, hasOverrides: true)
        #expect(all.subtracting(Self.folder.tableNames).isEmpty)
    }
}
