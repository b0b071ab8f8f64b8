import ArgumentParser
import PerMille
import PerMilleFormats

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a project file and list every problem. Exit 0 valid, 1 invalid, 2 unreadable.")

    @Argument(help: "Project file (JSON).")
    var file: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let factors = try data.loadFactors()
        let (project, _, _) = try readProject(file, factors: factors)
        Output.print("\(file): valid permille/1 project '\(project.description.name)', \(project.rowCount) row\(project.rowCount == 1 ? "" : "s")\n")
    }
}
