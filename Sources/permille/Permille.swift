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

    /// ArgumentParser's own entry, with two checks: a mistyped command gets the nearest one instead
    /// of "unexpected arguments", and a run whose output could not be written (a full device, a
    /// closed descriptor) exits 2 even when the command itself succeeded.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.map { $0._commandName }
            if !names.contains(first) {
                let guess = Suggestions.closest(to: first, among: names).map { "; did you mean '\($0)'?" } ?? ""
                Output.error("Error: unknown command '\(first)'\(guess)\nCommands: \(names.joined(separator: ", ")). See 'permille --help'.\n")
                Output.finish()
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Output.finish()
            exit(withError: error)
        }
        Output.finish()
    }
}
