import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMillePipeline

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the project's report for the STC and donors: balance, per-mille rates, charts, scorecard, indicators, practices, factors.")

    @Argument(help: "Project file (JSON or XML; - reads standard input).")
    var file: String

    @Option(help: "Output format: html (default; one self-contained file), markdown, csv (long format) or json.")
    var format: ReportFormat = .html

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically; nothing is written on error) instead of standard output.")
    var output: String?

    @Option(help: "Replacement criteria file (JSON) for the scorecard, e.g. the STC's final wording.")
    var criteria: String?

    @Flag(help: "Show compound per-mille rates as the headline instead of linear ones.")
    var compound = false

    @OptionGroup var methods: MethodOptions

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        let pipeline = try data.pipeline()
        let criteriaURL = criteria.map { URL(fileURLWithPath: $0) }
        let (assessed, reviewData) = try reporting { () throws(PipelineFailure) in
            // The practice sheets quote factors from tables the project may not use: those are read too.
            let (review, linked) = try pipeline.reviewWithLinkedTables(criteria: criteriaURL)
            return (try pipeline.run(ProjectSource(argument: file), options: monteCarlo.adding(to: methods), extraTables: linked), review)
        }
        printWarnings(assessed.read)
        let review = ProjectReview.make(assessment: assessed.assessment, project: assessed.project, review: reviewData, factors: assessed.factors)
        let input = ReportInput(
            assessment: assessed.assessment, project: assessed.project, review: review, provenance: assessed.provenance,
            reviewDigests: reviewData.digests, criteriaSource: reviewData.criteria.source, compound: compound)
        try Output.write(ProjectReport.render(input, format: format), to: output, inputs: [file])
    }
}

extension ReportFormat: ExpressibleByArgument {}
