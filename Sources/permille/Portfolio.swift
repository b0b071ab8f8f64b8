import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Assess many projects (JSON and XML) and tabulate them for a donor; a bad file shows its errors, the others still report.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json }

    @Argument(help: "Project files (JSON or XML).")
    var files: [String]

    @Option(help: "Output format: html (default), csv or json.")
    var format: Format = .html



    @Option(help: "A criteria file replacing the bundled one (when the STC publishes its final wording).")
    var criteria: String?

    @Option(name: .shortAndLong, help: "Write the portfolio to this file instead of standard output.")
    var output: String?

    @OptionGroup var methods: MethodOptions

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one project file") }
    }

    func run() throws {
        let factors = try data.loadFactors()
        let review = try data.loadReview(criteria: criteria, factors: factors)
        let decoder = ProjectDecoder(factors: factors, catalogue: review.catalogue)
        var entries: [Portfolio.Entry] = []
        for file in files {
            guard let bytes = try? readBytes(file) else {
                entries.append(.failed(file: file, errors: ["cannot read the file"]))
                continue
            }
            let outcome = decoder.decode(bytes, file: file)
            if !outcome.diagnostics.isEmpty { Output.error(DiagnosticRenderer.render(outcome.diagnostics, source: bytes)) }
            guard let project = outcome.project else {
                entries.append(.failed(file: file, errors: outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" }))
                continue
            }
            do {
                let assessment = try methods.assess(project, factors: factors)
                entries.append(.assessed(
                    file: file, project: project, assessment: assessment,
                    review: ProjectReview.make(assessment: assessment, project: project, review: review, factors: factors)))
            } catch {
                Output.error(DiagnosticRenderer.render(error.diagnostics, source: bytes))
                entries.append(.failed(file: file, errors: error.diagnostics.map { "\($0.code): \($0.message)" }))
            }
        }
        let portfolio = Portfolio(entries: entries)
        let text: String
        switch format {
        case .html: text = portfolio.html()
        case .csv: text = portfolio.csv()
        case .json: text = portfolio.json()
        }
        try Output.write(text, to: output)
        // The report covers the projects that could be assessed; the exit status says whether all could.
        if entries.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(1) }
    }
}
