import PerMille
import PerMilleJSON

/// Diagnostics as JSON for editors and CI (`validate --format json`; `assess --format json` on
/// failure): format `permille-diagnostics/1`, documented in Docs/format.md with its JSON Schema
/// (`Docs/schemas/diagnostics-v1.schema.json`).
public enum DiagnosticDocument {
    public static let format = "permille-diagnostics/1"

    /// The document for one file: whether it is valid (no error), the counts, and every diagnostic
    /// in the order found; absent fields are `null`, so every entry has every key.
    public static func encode(_ diagnostics: [Diagnostic], file: String, valid: Bool) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return JSONWriter.write(
            .object([
                ("format", .string(format)),
                ("file", .string(file)),
                ("valid", .bool(valid)),
                ("errors", .integer(errors)),
                ("warnings", .integer(warnings)),
                ("diagnostics", .array(diagnostics.map(entry))),
            ]))
    }

    static func entry(_ diagnostic: Diagnostic) -> JSONOutput {
        func text(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
        // Line 0 marks a problem with the file as a whole: no place in it.
        let place = diagnostic.location.flatMap { $0.line > 0 ? $0 : nil }
        let location = diagnostic.location
        return .object([
            ("code", .string(diagnostic.code)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", text(location?.file)),
            ("line", place.map { .integer($0.line) } ?? .null),
            ("column", place.map { .integer($0.column) } ?? .null),
            ("path", text(diagnostic.path.flatMap { $0.isEmpty ? nil : $0 })),
            ("row", text(diagnostic.rowID)),
            ("expected", text(diagnostic.expected)),
            ("found", text(diagnostic.found)),
            ("suggestion", text(diagnostic.suggestion)),
        ])
    }
}
