import ArgumentParser
import PerMilleFormats

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the project-file contract as JSON Schema or XSD, with the allowed values of the factor tables in use.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonSchema = "json-schema"
        case xsd
    }

    @Option(help: "json-schema or xsd.")
    var format: Format = .jsonSchema

    @OptionGroup var data: DataOptions

    func run() throws {
        let factors = try data.loadFactors()
        Output.print(format == .xsd ? SchemaWriter.xsd(factors: factors) : SchemaWriter.jsonSchema(factors: factors))
    }
}
