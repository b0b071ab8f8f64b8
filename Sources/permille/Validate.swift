import ArgumentParser
import PerMillePipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a project file and list every problem. Exit 0 valid, 1 invalid, 2 unreadable.")

    @Argument(help: "Project file (JSON or XML; - reads standard input).")
    var file: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let pipeline = try data.pipeline()
        let read = try reporting { () throws(PipelineFailure) in try pipeline.read(ProjectSource(argument: file)) }
        printWarnings(read)
        let count = read.project.rowCount
        Output.print("\(read.source.name): valid permille/1 project '\(read.project.description.name)', \(count) row\(count == 1 ? "" : "s")\n")
    }
}
