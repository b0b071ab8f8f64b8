import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats

/// Options every command that reads data shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Read factor tables from this Indicators folder instead of the bundled one.")
    var indicators: String?

    func loadFactors() throws -> FactorSet {
        do {
            return try IndicatorsLoader.load(from: indicators.map { URL(fileURLWithPath: $0) })
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: nil))
            throw ExitCode(2)
        }
    }
}

extension DataOptions {
    /// The indicator catalogue, criteria and practice sheets; `criteria` replaces the bundled criteria file.
    func loadReview(criteria: String? = nil, factors: FactorSet? = nil) throws -> ReviewData {
        do {
            return try ReviewDataLoader.load(
                from: indicators.map { URL(fileURLWithPath: $0) }, criteria: criteria.map { URL(fileURLWithPath: $0) }, factors: factors)
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: nil))
            throw ExitCode(2)
        }
    }
}

/// `--method` and `--gwp`, shared by the commands that assess.
struct MethodOptions: ParsableArguments {
    @Option(help: "Method: ipcc (default) or exact-v9.4; overrides the project's own.")
    var method: String?

    @Option(help: "GWP set: SAR, AR4, AR5, AR5-feedback, AR6; overrides the project's own.")
    var gwp: String?

    func validate() throws {
        if let method, Method(rawValue: method) == nil {
            throw ValidationError("unknown method '\(method)'; expected ipcc or exact-v9.4")
        }
        if let gwp, GWPSet(rawValue: gwp) == nil {
            throw ValidationError("unknown GWP set '\(gwp)'; expected " + GWPSet.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// Assesses with the chosen method and GWP set (the project's own where not given).
    func assess(_ project: Project, factors: FactorSet) throws(Assessor.Failure) -> Assessment {
        try Assessor.assess(project, factors: factors, method: method.flatMap(Method.init(rawValue:)), gwp: gwp.flatMap(GWPSet.init(rawValue:)))
    }
}

enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to `path` in one atomic step (no partial file on failure), or to standard output when nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return print(text) }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            Output.error("error[file.unwritable]: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}

/// Project files larger than this are refused before parsing (a real project is a few MB at most).
let maximumProjectBytes = 64 * 1024 * 1024

/// Reads a file's bytes, refusing files larger than a project can be; exits 2 when unreadable.
func readBytes(_ path: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: path)
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
    if let size, size > maximumProjectBytes {
        Output.error("error[file.too-large]: \(path) is \(size) bytes; project files are limited to \(maximumProjectBytes) bytes\n")
        throw ExitCode(2)
    }
    guard let data = try? Data(contentsOf: url) else {
        Output.error("error[file.unreadable]: cannot read \(path)\n")
        throw ExitCode(2)
    }
    return [UInt8](data)
}

/// Reads a project file and decodes it; prints every diagnostic and exits non-zero when it has errors.
func readProject(_ path: String, factors: FactorSet, catalogue: IndicatorCatalogue?) throws -> (project: Project, bytes: [UInt8], canonical: [UInt8]) {
    let bytes = try readBytes(path)
    let outcome = ProjectDecoder(factors: factors, catalogue: catalogue).decode(bytes, file: path)
    if !outcome.diagnostics.isEmpty {
        Output.error(DiagnosticRenderer.render(outcome.diagnostics, source: bytes))
    }
    guard let project = outcome.project else { throw ExitCode(1) }
    return (project, bytes, outcome.canonicalDocument)
}

/// Digests of the tables an assessment read (and those its practice sheets quote), the one list
/// `assess`, `report` and `verify` share: a rerun must name exactly the tables the result names.
func tablesRead(by assessment: Assessment, quotedBy review: ProjectReview? = nil, factors: FactorSet) -> [(file: String, digest: String)] {
    var names: Set<String> = [
        "constants", "gwp", "vocabulary", "country-regions", "iso-countries", "wrb-soil-groups", "uncertainty-classes", "input-kinds",
    ]
    for row in assessment.rows { for use in row.factors where use.factor.table != "override" { names.insert(use.factor.table) } }
    for use in review?.practices ?? [] { for link in use.factors where link.factor.table != "override" { names.insert(link.factor.table) } }
    return factors.digests(of: names)
}
