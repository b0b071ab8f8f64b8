import ArgumentParser
import Foundation
import PerMille
import PerMilleJSON

@main
struct Permille: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permille",
        abstract: "Ex-ante greenhouse-gas balance of soil-carbon projects, EX-ACT method on IPCC Tier 1 defaults.",
        version: PerMilleVersion.current,
        subcommands: [Assess.self, Validate.self, Verify.self, Convert.self, Schema.self, Init.self, Factors.self, Practices.self, PortfolioCommand.self, Report.self]
    )

    /// A mistyped command gets the nearest one instead of "unexpected arguments".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.map { $0._commandName }
            if !names.contains(first) {
                let guess = Suggestions.closest(to: first, among: names).map { "; did you mean '\($0)'?" } ?? ""
                FileHandle.standardError.write(Data("Error: unknown command '\(first)'\(guess)\nCommands: \(names.joined(separator: ", ")). See 'permille --help'.\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        Permille.main(arguments)
    }
}
