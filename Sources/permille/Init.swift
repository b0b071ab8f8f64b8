import ArgumentParser
import Foundation
import PerMilleFormats

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a starter project file to fill in.")

    @Flag(help: "Write the XML form (with comments) instead of JSON; implied by an output name ending in .xml.")
    var xml = false

    @Option(name: .shortAndLong, help: "File to write; standard output when absent. An existing file is never overwritten.")
    var output: String?

    func validate() throws {
        if xml, let output, output.lowercased().hasSuffix(".json") {
            throw ValidationError("--xml writes XML, but '\(output)' is named .json: name it .xml, or leave out --xml")
        }
    }

    func run() throws {
        let text = xml || output?.lowercased().hasSuffix(".xml") == true ? Starter.xml : Starter.json
        guard let output else {
            Output.print(text)
            return
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            Output.error("error[file.exists]: \(output) exists; permille init does not overwrite files\n")
            throw ExitCode(1)
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .withoutOverwriting) } catch {
            Output.error("error[file.unwritable]: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
