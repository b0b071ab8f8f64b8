import Foundation
import Testing

/// `validate` accepts exactly the files `assess` assesses, and lists the same missing factors
/// (issue: 38 of 45 variants disagreed when validate read the file without resolving factors).
@Suite("validate agrees with assess")
struct ValidateAgreesWithAssessTests {
    static let climates = [
        "boreal-dry", "cool-temperate-moist", "warm-temperate-dry", "warm-temperate-moist", "tropical-dry", "tropical-wet", "tropical-montane",
    ]
    static let soils = ["high-activity-clay", "sandy", "spodic", "volcanic", "wetland"]
    static let grazing = #""manure": [{"system": "pasture-range-paddock", "percent": 100}]"#

    /// The three fixtures in other climates and soils, with herds of other species and default
    /// manure: some variants assess, some lack factors.
    static func variants() throws -> [(name: String, text: String)] {
        var variants: [(String, String)] = []
        for fixture in ["grassland-demo", "tropical-demo", "rice-livestock-demo"] {
            let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/\(fixture).json"), encoding: .utf8)
            let climate = try #require(text.firstMatch(of: /"climate": "([a-z-]+)"/)?.output.1)
            let soil = try #require(text.firstMatch(of: /"soil": "([a-z-]+)"/)?.output.1)
            for (index, zone) in climates.enumerated() {
                let other = soils[index % soils.count]
                let variant = text.replacingOccurrences(of: "\"climate\": \"\(climate)\"", with: "\"climate\": \"\(zone)\"")
                    .replacingOccurrences(of: "\"soil\": \"\(soil)\"", with: "\"soil\": \"\(other)\"")
                variants.append(("\(fixture)-\(zone)-\(other)", variant))
            }
        }
        let herds = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/rice-livestock-demo.json"), encoding: .utf8)
        for species in ["dairy-cattle", "sheep", "swine-market", "buffalo", "poultry-layers"] {
            // The first herd with another species and the region's default manure systems.
            let variant = herds.replacingOccurrences(
                of: #""species": "other-cattle", "heads": {"start": 80, "without": 80, "with": 60},"# + "\n        " + Self.grazing + " },",
                with: #""species": "\#(species)", "heads": {"start": 80, "without": 80, "with": 60} },"#)
            #expect(variant != herds)
            variants.append(("herd-\(species)", variant))
        }
        return variants
    }

    @Test("on variants of the fixtures, validate exits 0 exactly when assess does, and names the same missing factors")
    func agreement() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var assessed = 0
        var refused = 0
        for (name, text) in try Self.variants() {
            let file = try scratch.write(text, to: "\(name).json")
            let validate = try PermilleBinary.run(["validate", file])
            let assess = try PermilleBinary.run(["assess", file, "--format", "json"])
            #expect((validate.exitCode == 0) == (assess.exitCode == 0), "\(name): validate \(validate.exitCode), assess \(assess.exitCode)\n\(validate.stderrText)\n\(assess.stderrText)")
            if assess.exitCode == 0 { assessed += 1 } else { refused += 1 }
            let missing = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("error[factor.missing]") } }
            #expect(missing(validate.stderrText) == missing(assess.stderrText), "\(name)")
        }
        // Both outcomes occur, so the agreement is not about one kind of file only.
        #expect(assessed > 5 && refused > 0, "assessed \(assessed), refused \(refused)")
    }

    @Test("every missing factor of a row is listed in one run, at the row's line and column")
    func everyMissingFactorAtOnce() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = try String(contentsOf: PermilleBinary.packageRoot.appendingPathComponent("Fixtures/rice-livestock-demo.json"), encoding: .utf8)
        // Manure to two systems the tables have no factors for: each needs four overrides.
        let edited = text.replacingOccurrences(
            of: Self.grazing, with: #""manure": [{"system": "liquid-slurry", "percent": 50}, {"system": "solid-storage", "percent": 50}]"#)
        #expect(edited != text)
        let file = try scratch.write(edited, to: "herds.json")
        let run = try PermilleBinary.run(["validate", file])
        #expect(run.exitCode == 1)
        let missing = run.stderrText.split(separator: "\n").filter { $0.hasPrefix("error[factor.missing]") }
        #expect(missing.count >= 8, "\(run.stderrText)")
        for system in ["liquid-slurry", "solid-storage"] {
            for factor in ["manure-ch4-ef", "manure-ef3", "manure-frac-gas", "manure-frac-leach"] {
                #expect(run.stderrText.contains("'\(factor)-\(system)'"), "\(factor)-\(system)")
            }
        }
        #expect(run.stderrText.contains(" --> \(file):"), "each at a position in the file")
        #expect(run.stderrText.contains("(modules.livestock["), "with the row's path")
    }
}
