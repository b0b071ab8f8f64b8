import ArgumentParser
import Foundation
import PerMille
import PerMilleFormats
import PerMillePipeline

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Assess a project file and print its greenhouse-gas balance.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Project file (JSON or XML; - reads standard input).")
    var file: String

    @Option(help: "Output format: text or json (permille-result/2).")
    var format: Format = .text

    @Flag(help: "Show every factor (value, unit, ±, source) and every intermediate, row by row; in JSON, add each row's intermediates.")
    var explain = false

    @Option(name: .shortAndLong, help: "Write the result to this file instead of standard output (only when the assessment succeeds).")
    var output: String?

    @OptionGroup var methods: MethodOptions

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        // With --format json a failure is a permille-diagnostics/1 document on standard error.
        let style: DiagnosticsStyle = format == .json ? .json(file: file, toStandardOutput: false) : .text
        let pipeline = try data.pipeline(style: style)
        let assessed = try reporting(style: style) { () throws(PipelineFailure) in try pipeline.run(ProjectSource(argument: file), options: monteCarlo.adding(to: methods)) }
        printWarnings(assessed.read)
        switch format {
        case .text:
            try Output.write(
                TextReport.render(
                    assessed.assessment, projectName: assessed.project.description.name, explain: explain,
                    place: PlaceNames(country: assessed.project.description.country, site: assessed.assessment.site, factors: assessed.factors)),
                to: output, inputs: [file])
        case .json:
            try Output.stream(to: output, inputs: [file]) { sink in
                ResultDocument.write(assessed.assessment, provenance: assessed.provenance, explain: explain, to: sink)
            }
        }
    }
}
