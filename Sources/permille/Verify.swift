import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMilleJSON

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun a project and check a submitted JSON result against it. Exit 0 match, 1 differences, 2 unreadable or invalid.",
        discussion: """
            The rerun uses the method and GWP set named in the submitted result. Compared: the input digest, \
            the digest of every factor table the result lists, and every value of the two JSON documents \
            (numbers within absolute 1e-6 + relative 1e-9).
            """)

    @Argument(help: "Project file (JSON or XML).")
    var file: String

    @Argument(help: "The submitted result (`permille assess --format json` output).")
    var result: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let factors = try data.loadFactors()
        let resultBytes = try readBytes(result)
        let submitted: JSONNode
        let claimed: SubmittedResult
        do {
            submitted = try JSONParser.parse(resultBytes)
            claimed = try SubmittedResult(submitted)
        } catch let error as JSONSyntaxError {
            Output.error("error[result.invalid]: \(result) is not valid JSON: \(error)\n")
            throw ExitCode(2)
        } catch {
            Output.error("error[result.invalid]: \(result) is not a permille result: \(error)\n")
            throw ExitCode(2)
        }

        let catalogue = try data.loadReview(criteria: nil, factors: factors).catalogue
        let bytes = try readBytes(file)
        let outcome = ProjectDecoder(factors: factors, catalogue: catalogue).decode(bytes, file: file)
        if !outcome.diagnostics.isEmpty {
            Output.error(DiagnosticRenderer.render(outcome.diagnostics, source: bytes))
        }
        guard let project = outcome.project else { throw ExitCode(2) }
        let assessment: Assessment
        do {
            assessment = try Assessor.assess(project, factors: factors, method: claimed.method, gwp: claimed.gwp)
        } catch {
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: bytes))
            throw ExitCode(2)
        }
        let provenance = ResultJSON.Provenance(
            projectName: project.description.name, inputDigest: "sha256:" + SHA256Digest.hex(outcome.canonicalDocument),
            factorDigests: tablesRead(by: assessment, factors: factors))
        let rendered = ResultJSON.encode(assessment, provenance: provenance, explain: true)
        let loaded = Dictionary(
            factors.digests(of: Set(factors.tables.keys)).map { ($0.file, $0.digest) }, uniquingKeysWith: { first, _ in first })
        let verification: ResultVerification
        do {
            verification = try ResultVerification(submitted: submitted, recomputed: try JSONParser.parse(rendered), loadedTables: loaded)
        } catch {
            Output.error("error[result.invalid]: cannot compare \(result): \(error)\n")
            throw ExitCode(2)
        }
        Output.print(verification.render())
        if !verification.matches { throw ExitCode(1) }
    }
}
