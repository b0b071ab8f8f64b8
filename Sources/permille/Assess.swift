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



    @Flag(help: "Show every factor (value, unit, ±, source) and every intermediate, row by row.")
    var explain = false

    @Option(name: .shortAndLong, help: "Write the result to this file instead of standard output (only when the assessment succeeds).")
    var output: String?

    @OptionGroup var methods: MethodOptions

    @OptionGroup var data: DataOptions


    func run() throws {
        let factors = try data.loadFactors()
        let catalogue = try data.loadReview(criteria: nil, factors: factors).catalogue
        let (project, bytes, canonical) = try readProject(file, factors: factors, catalogue: catalogue)
        let assessment: Assessment
        do {
            assessment = try methods.assess(project, factors: factors)
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
        try Output.write(text, to: output)
    }
}
