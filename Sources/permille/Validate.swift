import ArgumentParser
import Foundation
import PerMilleFormats
import PerMillePipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a project file, and every factor its rows need, and list every problem. Exit 0 valid, 1 invalid, 2 unreadable.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Project file (JSON or XML; - reads standard input).")
    var file: String

    @Option(help: "text, or json: every diagnostic as a permille-diagnostics/1 document on standard output (Docs/format.md).")
    var format: Format = .text

    @OptionGroup var methods: MethodOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        let style: DiagnosticsStyle = format == .json ? .json(file: file, toStandardOutput: true) : .text
        let pipeline = try data.pipeline(style: style)
        let read = try reporting(style: style) { () throws(PipelineFailure) in try pipeline.read(ProjectSource(argument: file)) }
        // Every factor each row needs is resolved, as `assess` would: a file valid here assesses,
        // and every missing factor is listed at its row in this one run.
        do { _ = try pipeline.assess(read, options: methods.options) } catch {
            _ = try reporting(style: style) { () throws(PipelineFailure) in throw PipelineFailure(error.stage, diagnostics: read.warnings + error.diagnostics, source: error.source)
            }
        }
        if format == .json {
            Output.print(DiagnosticDocument.encode(read.warnings, file: file, valid: true))
            return
        }
        printWarnings(read)
        let count = read.project.rowCount
        Output.print("\(read.source.name): valid permille/1 project '\(TerminalText.safe(read.project.description.name))', \(count) row\(count == 1 ? "" : "s")\n")
    }
}
