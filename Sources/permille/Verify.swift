import ArgumentParser
import PerMille
import PerMilleFormats
import PerMilleJSON
import PerMillePipeline

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun a project and check a submitted JSON result against it. Exit 0 match, 1 differences, 2 unreadable or invalid.",
        discussion: """
            The rerun uses the method and GWP set named in the submitted result, and writes the result's own \
            format (permille-result/1 or /2). Compared: the input digest, the digest of every factor table the \
            result lists, and every value of the two JSON documents (numbers within absolute 1e-6 + relative 1e-9).
            """)

    @Argument(help: "Project file (JSON or XML).")
    var file: String

    @Argument(help: "The submitted result (`permille assess --format json` output, format 1 or 2).")
    var result: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let pipeline = try data.pipeline()
        // A result of any project `assess` accepts must be checkable, so results have no size limit.
        let resultBytes = try readBytes(result, limit: nil)
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
        let options = Pipeline.Options(method: claimed.method, gwp: claimed.gwp)
        // Exit 1 is kept for "differs": a project that cannot be rerun is exit 2.
        let (assessed, loaded) = try reporting(exitCode: 2) { () throws(PipelineFailure) in
            let assessed = try pipeline.run(ProjectSource(argument: file), options: options)
            // The submitted result's tables are checked against this folder even where the rerun did not read them.
            let listed = Set(claimed.factorDigests.compactMap { pipeline.folder.tableName(ofFile: $0.file) })
            let tables = try pipeline.load(listed)
            return (assessed, tables.digests(of: Set(tables.tables.keys)))
        }
        let rendered: [UInt8]
        if claimed.format == ResultDocument.format {
            rendered = ResultDocument.encode(assessed.assessment, provenance: assessed.provenance, explain: claimed.explained)
        } else {
            var provenance = assessed.provenance
            provenance.factorDigests = ResultJSON.tablesReadV1(by: assessed.assessment, factors: assessed.factors)
            rendered = Array(ResultJSON.encode(assessed.assessment, provenance: provenance, explain: true).utf8)
        }
        let verification: ResultVerification
        do {
            verification = try ResultVerification(
                submitted: submitted, recomputed: try JSONParser.parse(rendered),
                loadedTables: Dictionary(loaded.map { ($0.file, $0.digest) }, uniquingKeysWith: { first, _ in first }),
                legacyInput: assessed.read.legacyInputDigest)
        } catch {
            Output.error("error[result.invalid]: cannot compare \(result): \(error)\n")
            throw ExitCode(2)
        }
        Output.print(verification.render())
        if !verification.matches { throw ExitCode(1) }
    }
}
