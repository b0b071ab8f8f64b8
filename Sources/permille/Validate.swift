import ArgumentParser
import PerMillePipeline
import PerMilleFormats

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a project file, and every factor its rows need, and list every problem. Exit 0 valid, 1 invalid, 2 unreadable.")

    @Argument(help: "Project file (JSON or XML; - reads standard input).")
    var file: String

    @OptionGroup var methods: MethodOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        let pipeline = try data.pipeline()
        let read = try reporting { () throws(PipelineFailure) in try pipeline.read(ProjectSource(argument: file)) }
        printWarnings(read)
        // Every factor each row needs is resolved, as `assess` would: a file valid here assesses,
        // and every missing factor is listed at its row in this one run.
        _ = try reporting { () throws(PipelineFailure) in try pipeline.assess(read, options: methods.options) }
        let count = read.project.rowCount
        Output.print("\(read.source.name): valid permille/1 project '\(TerminalText.safe(read.project.description.name))', \(count) row\(count == 1 ? "" : "s")\n")
    }
}
