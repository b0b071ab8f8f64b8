import ArgumentParser
import PerMille

@main
struct Permille: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permille",
        abstract: "Ex-ante greenhouse-gas balance of soil-carbon projects, EX-ACT method on IPCC Tier 1 defaults.",
        version: PerMilleVersion.current,
        subcommands: [Assess.self, Validate.self, Verify.self, Convert.self, Schema.self, Init.self, Factors.self, Practices.self, PortfolioCommand.self, Report.self]
    )

    /// ArgumentParser's own entry, plus one check at the end: a run whose output could not be
    /// written (a full device, a closed descriptor) exits 2 even when the command itself succeeded.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Output.finish()
            exit(withError: error)
        }
        Output.finish()
    }
}
