import ArgumentParser
import Dispatch
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMillePipeline
import Synchronization

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

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one project file") }
    }

    /// One project's outcome and what it printed on standard error, kept for printing in input order.
    private struct Outcome: Sendable {
        var entry: Portfolio.Entry
        var messages: String
    }

    func run() throws {
        let pipeline = try data.pipeline()
        let criteriaURL = criteria.map { URL(fileURLWithPath: $0) }
        // Read once for all projects; each project's own tables join the quoted ones as it is read.
        let (review, linked) = try reporting { () throws(PipelineFailure) in try pipeline.reviewWithLinkedTables(criteria: criteriaURL) }
        let options = monteCarlo.adding(to: methods)
        let files = self.files
        // Projects are independent: all cores assess them, each into its own slot, so the output
        // is in input order and the same bytes whatever the number of cores.
        let slots = Mutex<[Outcome?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let outcome = Self.assess(files[index], pipeline: pipeline, options: options, linked: linked, review: review)
            slots.withLock { $0[index] = outcome }
        }
        let outcomes = slots.withLock { $0 }.compactMap { $0 }
        for outcome in outcomes where !outcome.messages.isEmpty { Output.error(outcome.messages) }
        let portfolio = Portfolio(entries: outcomes.map(\.entry))
        let text: String
        switch format {
        case .html: text = portfolio.html()
        case .csv: text = portfolio.csv()
        case .json: text = portfolio.json()
        }
        try Output.write(text, to: output, inputs: files)
        // The report covers the projects that could be assessed; the exit status says whether all could.
        if outcomes.contains(where: { if case .failed = $0.entry { true } else { false } }) { throw ExitCode(1) }
    }

    private static func assess(
        _ file: String, pipeline: Pipeline, options: Pipeline.Options, linked: Set<String>, review: ReviewData
    ) -> Outcome {
        do {
            let assessed = try pipeline.run(ProjectSource(argument: file), options: options, extraTables: linked)
            let messages = assessed.read.warnings.isEmpty ? "" : DiagnosticRenderer.render(assessed.read.warnings, source: assessed.read.bytes, limit: diagnosticLimit)
            let projectReview = ProjectReview.make(
                assessment: assessed.assessment, project: assessed.project, review: review, factors: assessed.factors)
            return Outcome(
                entry: .assessed(
                    file: file, digest: assessed.provenance.inputDigest, project: assessed.project, assessment: assessed.assessment, review: projectReview),
                messages: messages)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            return Outcome(
                entry: .failed(file: file, errors: errors.isEmpty ? ["cannot read the file"] : errors.map { "\($0.code): \($0.message)" }),
                messages: DiagnosticRenderer.render(error.diagnostics, source: error.source, limit: diagnosticLimit))
        }
    }
}
