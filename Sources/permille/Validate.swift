import ArgumentParser
import PerMille
import PerMilleFormats

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a project file and list every problem. Exit 0 valid, 1 invalid, 2 unreadable.")

    @Argument(help: "Project file (JSON or XML).")
    var file: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let factors = try data.loadFactors()
        let catalogue = try data.loadReview(criteria: nil, factors: factors).catalogue
        let (project, _, _) = try readProject(file, factors: factors, catalogue: catalogue)
        Output.print("\(file): valid permille/1 project '\(project.description.name)', \(project.rowCount) row\(project.rowCount == 1 ? "" : "s")\n")
    }
}
