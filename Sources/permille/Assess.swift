import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Assess a project file and print its greenhouse-gas balance.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Project file (JSON).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Method: ipcc (default) or exact-v9.4; overrides the project's own.")
    var method: String?

    @Option(help: "GWP set: SAR, AR4, AR5, AR5-feedback, AR6; overrides the project's own.")
    var gwp: String?

    @Flag(help: "Show every factor (value, unit, ±, source) and every intermediate, row by row.")
    var explain = false

    @Option(name: .shortAndLong, help: "Write the result to this file instead of standard output (only when the assessment succeeds).")
    var output: String?

    @OptionGroup var data: DataOptions

    func validate() throws {
        if let method, Method(rawValue: method) == nil {
            throw ValidationError("unknown method '\(method)'; expected ipcc or exact-v9.4")
        }
        if let gwp, GWPSet(rawValue: gwp) == nil {
            throw ValidationError("unknown GWP set '\(gwp)'; expected " + GWPSet.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let factors = try data.loadFactors()
        let catalogue = try data.loadReview(criteria: nil, factors: factors).catalogue
        let (project, bytes, canonical) = try readProject(file, factors: factors, catalogue: catalogue)
        let assessment: Assessment
        do {
            assessment = try Assessor.assess(project, factors: factors, method: method.flatMap(Method.init(rawValue:)), gwp: gwp.flatMap(GWPSet.init(rawValue:)))
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: bytes))
            throw ExitCode(1)
        }
        let text: String
        switch format {
        case .text:
            text = TextReport.render(assessment, projectName: project.description.name, explain: explain)
        case .json:
            let provenance = ResultJSON.Provenance(
                projectName: project.description.name, inputDigest: "sha256:" + SHA256Digest.hex(canonical),
                factorDigests: tablesRead(by: assessment, factors: factors))
            text = ResultJSON.encode(assessment, provenance: provenance, explain: true)
        }
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                Output.error("error[file.unwritable]: cannot write \(output): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        } else {
            Output.print(text)
        }
    }
}
