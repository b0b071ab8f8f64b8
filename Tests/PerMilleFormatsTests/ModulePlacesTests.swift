import Foundation
import PerMille
import Testing

/// Where each EX-ACT module is named in the sources: its own folder in the core, its own format
/// file, the two registries, and a short list of cross-module rules, each written out here. A new
/// place that names a module fails this test: module knowledge belongs in the module's files.
@Suite("Each module lives in one place")
struct ModulePlacesTests {
    /// The stem of each module's type names (`GrasslandRow`, `GrasslandModule`, `GrasslandFormat`)
    /// and its core folder.
    static let names: [ModuleKind: (stem: String, folder: String)] = [
        .landUseChange: ("LandUseChange", "LandUseChange"), .annualCrops: ("AnnualCrop", "AnnualCropland"),
        .perennialCrops: ("Perennial", "Perennial"), .rice: ("Rice", "Rice"), .grassland: ("Grassland", "Grassland"),
        .livestock: ("Livestock", "Livestock"), .forestManagement: ("ForestManagement", "ForestManagement"),
        .organicSoils: ("OrganicSoil", "OrganicSoils"), .coastalWetlands: ("CoastalWetland", "CoastalWetlands"), .inputs: ("Input", "Inputs"),
    ]

    /// Rules that relate several modules by design, with why they name a module.
    static let crossModuleRules: [String: [ModuleKind]] = [
        // Land moves between categories only through conversion rows; organic soil cannot be converted.
        "Sources/PerMille/Assessment/AreaCheck.swift": [.landUseChange, .organicSoils],
        // A conversion's per-mille area is the converted hectares, not a start area.
        "Sources/PerMille/Review/PerMilleRates.swift": [.landUseChange],
        // Co-benefit indicators computed from the rows of particular practices (Indicators/indicators.json).
        "Sources/PerMille/Review/IndicatorValues.swift": [
            .landUseChange, .annualCrops, .perennialCrops, .rice, .grassland, .forestManagement, .organicSoils, .inputs,
        ],
    ]

    /// The files allowed to name `module`.
    static func allowedPlaces(of module: ModuleKind) -> Set<String> {
        var places: Set<String> = [
            "Sources/PerMille/Modules/ModuleDescriptor.swift",
            "Sources/PerMilleFormats/Modules/ModuleFormat.swift",
        ]
        for (file, modules) in crossModuleRules where modules.contains(module) { places.insert(file) }
        return places
    }

    static func sources() throws -> [(path: String, text: String)] {
        let root = DecoderTestSupport.packageRoot
        let sources = root.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var found: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let path = String(url.path.dropFirst(root.path.count + 1))
            // Comments may name anything; code may not.
            let code = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
                .joined(separator: "\n")
            found.append((path, code))
        }
        return found
    }

    @Test("every module is named only in its folder, its format file, the registries and the listed cross-module rules")
    func placesOfEachModule() throws {
        let sources = try Self.sources()
        #expect(sources.count > 50, "the sources were not found from \(DecoderTestSupport.packageRoot.path)")
        for module in ModuleKind.allCases {
            let (stem, folderName) = try #require(Self.names[module])
            let pattern = try Regex("\\b\(stem)\\w*(Row|State|Module|Format)\\b|(project|case |ModuleKind)\\.\(module.rawValue)\\b")
            let named = Set(sources.filter { $0.text.contains(pattern) }.map(\.path))
            let folder = "Sources/PerMille/Modules/\(folderName)/"
            let own = named.filter { $0.hasPrefix(folder) || $0.hasPrefix("Sources/PerMilleFormats/Modules/\(stem)") }
            let elsewhere = named.subtracting(own).subtracting(Self.allowedPlaces(of: module))
            #expect(elsewhere.isEmpty, "\(module.rawValue) is named outside its own files: \(elsewhere.sorted())")
            #expect(own.contains { $0.hasPrefix(folder) }, "\(module.rawValue): no core folder \(folder)")
            #expect(own.contains { $0.hasPrefix("Sources/PerMilleFormats/Modules/") }, "\(module.rawValue): no format file")
            // Both registries name it: a module missing from either would not compile, this says where to look.
            #expect(named.contains("Sources/PerMille/Modules/ModuleDescriptor.swift"))
            #expect(named.contains("Sources/PerMilleFormats/Modules/ModuleFormat.swift"))
        }
    }

    @Test("the coastal-wetlands module, the last one added, is named in exactly five files")
    func coastalWetlandsPlaces() throws {
        let pattern = try Regex("\\bCoastalWetland\\w*(Row|State|Module|Format)\\b|(project|case |ModuleKind)\\.coastalWetlands\\b")
        let named = try Self.sources().filter { $0.text.contains(pattern) }.map(\.path).sorted()
        #expect(
            named == [
                "Sources/PerMille/Modules/CoastalWetlands/CoastalWetlandRow.swift",
                "Sources/PerMille/Modules/CoastalWetlands/CoastalWetlands.swift",
                "Sources/PerMille/Modules/ModuleDescriptor.swift",
                "Sources/PerMilleFormats/Modules/CoastalWetlandsFormat.swift",
                "Sources/PerMilleFormats/Modules/ModuleFormat.swift",
            ])
    }
}
