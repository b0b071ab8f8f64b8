import ArgumentParser
import Foundation
import PerMille
import PerMilleFormats
import PerMilleJSON
import PerMillePipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a project file between JSON and XML; the input's encoding is read from its content, the output's from its extension or --to.")

    enum Encoding: String, ExpressibleByArgument, CaseIterable { case json, xml }

    @Argument(help: "Input file (JSON or XML; - reads standard input).")
    var input: String

    @Argument(help: "Output file (.json or .xml; - writes standard output, with --to); written only when the input reads without syntax errors.")
    var output: String

    @Option(help: "Output encoding, json or xml: needed for standard output, or a name without .json/.xml.")
    var to: Encoding?

    func validate() throws {
        let lowered = output.lowercased()
        let named: Encoding? = lowered.hasSuffix(".xml") ? .xml : lowered.hasSuffix(".json") ? .json : nil
        if let to, let named, to != named {
            throw ValidationError("--to \(to.rawValue) contradicts the output name '\(output)'")
        }
        if to == nil, named == nil {
            throw ValidationError("cannot tell the output encoding of '\(output)': name it .json or .xml, or give --to json|xml")
        }
    }

    func run() throws {
        let bytes = try readBytes(input)
        let inputEncoding = try reporting { () throws(PipelineFailure) in try ProjectSource.encoding(of: bytes, name: input) }
        let lowered = output.lowercased()
        let outputEncoding: Encoding = to ?? (lowered.hasSuffix(".xml") ? .xml : .json)
        let root: JSONNode
        if inputEncoding == .xml {
            do { root = try XMLReader.parse(bytes) } catch {
                Output.error(
                    DiagnosticRenderer.render(
                        [
                            Diagnostic(
                                code: "xml.syntax", message: error.message,
                                location: SourceLocation(file: input, line: error.line, column: error.column, path: ""),
                                expected: error.expected, found: error.found)
                        ], source: bytes, limit: diagnosticLimit))
                throw ExitCode(1)
            }
        } else {
            do { root = try JSONParser.parse(bytes) } catch {
                Output.error(
                    DiagnosticRenderer.render(
                        [
                            Diagnostic(
                                code: "json.syntax", message: error.message,
                                location: SourceLocation(file: input, line: error.position.line, column: error.position.column, path: ""),
                                expected: error.expected, found: error.found)
                        ], source: bytes, limit: diagnosticLimit))
                throw ExitCode(1)
            }
        }
        let problems = ConversionCheck.problems(root, file: input, toXML: outputEncoding == .xml)
        guard problems.isEmpty else {
            Output.error(DiagnosticRenderer.render(problems, source: bytes, limit: diagnosticLimit))
            throw ExitCode(1)
        }
        let text = outputEncoding == .xml ? XMLWriter.write(root) : JSONWriter.write(JSONTree.output(root))
        try Output.write(text, to: output == "-" ? nil : output, inputs: [input])
    }
}
