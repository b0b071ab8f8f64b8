import ArgumentParser
import Foundation
import PerMille
import PerMilleFormats
import PerMilleJSON

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a project file between JSON and XML; the encoding follows each file's extension.")

    @Argument(help: "Input file (.json or .xml).")
    var input: String

    @Argument(help: "Output file (.json or .xml); written only when the input reads without syntax errors.")
    var output: String

    func run() throws {
        let bytes = try readBytes(input)
        let root: JSONNode
        if ProjectDecoder.isXML(input) {
            do { root = try XMLReader.parse(bytes) } catch {
                Output.error(DiagnosticRenderer.render([Diagnostic(
                    code: "xml.syntax", message: error.message,
                    location: SourceLocation(file: input, line: error.line, column: error.column, path: ""),
                    expected: error.expected, found: error.found)], source: bytes, limit: diagnosticLimit))
                throw ExitCode(1)
            }
        } else {
            do { root = try JSONParser.parse(bytes) } catch {
                Output.error(DiagnosticRenderer.render([Diagnostic(
                    code: "json.syntax", message: error.message,
                    location: SourceLocation(file: input, line: error.position.line, column: error.position.column, path: ""),
                    expected: error.expected, found: error.found)], source: bytes, limit: diagnosticLimit))
                throw ExitCode(1)
            }
        }
        let problems = ConversionCheck.problems(root, file: input, toXML: ProjectDecoder.isXML(output))
        guard problems.isEmpty else {
            Output.error(DiagnosticRenderer.render(problems, source: bytes, limit: diagnosticLimit))
            throw ExitCode(1)
        }
        let text = ProjectDecoder.isXML(output) ? XMLWriter.write(root) : JSONWriter.write(JSONTree.output(root))
        try Output.write(text, to: output)
    }
}
