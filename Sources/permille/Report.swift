import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the project's report for the STC and donors: balance, per-mille rates, charts, scorecard, indicators, practices, factors.")

    @Argument(help: "Project file (JSON or XML).")
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

    @OptionGroup var data: DataOptions


    func run() throws {
        let factors = try data.loadFactors()
        let reviewData = try data.loadReview(criteria: criteria, factors: factors)
        let (project, bytes, canonical) = try readProject(file, factors: factors, catalogue: reviewData.catalogue)
        let assessment: Assessment
        do {
            assessment = try methods.assess(project, factors: factors)
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: bytes))
            throw ExitCode(1)
        }
        let review = ProjectReview.make(assessment: assessment, project: project, review: reviewData, factors: factors)
        let provenance = ResultJSON.Provenance(
            projectName: project.description.name, inputDigest: "sha256:" + SHA256Digest.hex(canonical),
            factorDigests: tablesRead(by: assessment, quotedBy: review, factors: factors))
        let input = ReportInput(
            assessment: assessment, project: project, review: review, provenance: provenance,
            reviewDigests: reviewData.digests, criteriaSource: reviewData.criteria.source, compound: compound)
        let text = ProjectReport.render(input, format: format)
        try Output.write(text, to: output)
    }
}

extension ReportFormat: ExpressibleByArgument {}
