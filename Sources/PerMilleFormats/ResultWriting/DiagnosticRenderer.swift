import PerMille

/// Renders diagnostics in one style for every input format, with the source line and a caret.
public enum DiagnosticRenderer {
    /// - Parameter source: the bytes of the file the diagnostics point into, for the quoted line.
    public static func render(_ diagnostics: [Diagnostic], source: [UInt8]?) -> String {
        let lines = source.map { splitLines($0) } ?? []
        var output: [String] = []
        for diagnostic in diagnostics {
            output.append("\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)")
            if let location = diagnostic.location {
                // Line 0: the problem is the file as a whole (unreadable, too large), not a place in it.
                var place = location.line > 0 ? " --> \(location.file):\(location.line):\(location.column)" : " --> \(location.file)"
                var context: [String] = []
                if !location.path.isEmpty { context.append(location.path) }
                if let row = diagnostic.rowID { context.append("row \(row)") }
                if !context.isEmpty { place += " (\(context.joined(separator: ", ")))" }
                output.append(place)
                if location.line >= 1, location.line <= lines.count {
                    let text = lines[location.line - 1]
                    let gutter = String(location.line)
                    let pad = String(repeating: " ", count: gutter.count)
                    output.append("\(pad) |")
                    output.append("\(gutter) | \(text)")
                    let caretColumn = max(1, min(location.column, text.unicodeScalars.count + 1))
                    let prefix = String(text.unicodeScalars.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " })
                    output.append("\(pad) | \(prefix)^")
                }
            } else if let row = diagnostic.rowID {
                output.append(" --> row \(row)")
            }
            if let expected = diagnostic.expected { output.append("  = expected: \(expected)") }
            if let found = diagnostic.found { output.append("  = found: \(found)") }
            if let suggestion = diagnostic.suggestion { output.append("  = help: \(suggestion)") }
            output.append("")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            output.append("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        return output.joined(separator: "\n") + "\n"
    }

    private static func splitLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if current.last == UInt8(ascii: "\r") { current.removeLast() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }
}

extension Assessor.Failure {
    /// The failure as diagnostics, for the same rendering as file errors.
    public var diagnostics: [Diagnostic] {
        siteErrors.map { Diagnostic(code: "site.\($0.field)", message: $0.message, path: "project.\($0.field)", expected: $0.expected, found: $0.found) }
            + missingFactors.map {
                Diagnostic(
                    code: "factor.missing", message: "the factor tables have no value for this row's situation: \($0.description)",
                    rowID: $0.rowID,
                    expected: $0.table == "override"
                        ? "a Tier 2 override \($0.key.hasPrefix("factor=") ? String($0.key.dropFirst(7)) : $0.key) in project.overrides"
                        : "a row in \($0.table).csv for \($0.key)",
                    found: "none",
                    suggestion: "give a Tier 2 override with its source, or choose a practice the tables cover")
            }
    }
}
