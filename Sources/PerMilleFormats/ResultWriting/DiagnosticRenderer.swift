import PerMille

/// Renders diagnostics in one style for every input format, with an excerpt of the line and a caret.
///
/// The output is bounded whatever the input: each excerpt is at most `excerptWidth` characters
/// around the column (a minified file is one long line), each message field at most
/// `fieldWidth` characters, and at most `limit` diagnostics are shown, then a count of the rest.
/// Control characters of the file or of names are shown escaped, never sent to the terminal.
public enum DiagnosticRenderer {
    /// How many diagnostics a run shows by default (`PERMILLE_MAX_DIAGNOSTICS` changes it).
    public static let defaultLimit = 200
    /// Characters of the source line shown around the column.
    static let excerptWidth = 120
    /// Characters of a message, expected, found or help text shown (a key can be a megabyte long).
    static let fieldWidth = 1_000

    /// - Parameters:
    ///   - source: the bytes of the file the diagnostics point into, for the quoted excerpt.
    ///   - limit: the most diagnostics shown (nil: all); the summary line still counts them all.
    public static func render(_ diagnostics: [Diagnostic], source: [UInt8]?, limit: Int? = defaultLimit) -> String {
        var excerpts = source.map { Excerpts($0) }
        var output: [String] = []
        let shown = limit.map { min(max(0, $0), diagnostics.count) } ?? diagnostics.count
        for diagnostic in diagnostics.prefix(shown) {
            output.append("\(diagnostic.severity.rawValue)[\(safe(diagnostic.code))]: \(clip(diagnostic.message))")
            if let location = diagnostic.location {
                // Line 0: the problem is the file as a whole (unreadable, too large), not a place in it.
                var place = location.line > 0 ? " --> \(clip(location.file)):\(location.line):\(location.column)" : " --> \(clip(location.file))"
                var context: [String] = []
                if !location.path.isEmpty { context.append(clip(location.path)) }
                if let row = diagnostic.rowID { context.append("row \(clip(row))") }
                if !context.isEmpty { place += " (\(context.joined(separator: ", ")))" }
                output.append(place)
                if let (text, caret) = excerpts?.excerpt(line: location.line, column: location.column) {
                    let gutter = String(location.line)
                    let pad = String(repeating: " ", count: gutter.count)
                    output.append("\(pad) |")
                    output.append("\(gutter) | \(text)")
                    output.append("\(pad) | \(caret)^")
                }
            } else if let row = diagnostic.rowID {
                output.append(" --> row \(clip(row))")
            }
            if let expected = diagnostic.expected { output.append("  = expected: \(clip(expected))") }
            if let found = diagnostic.found { output.append("  = found: \(clip(found))") }
            if let suggestion = diagnostic.suggestion { output.append("  = help: \(clip(suggestion))") }
            output.append("")
        }
        if shown < diagnostics.count {
            let more = diagnostics.count - shown
            output.append("… and \(more) more diagnostic\(more == 1 ? "" : "s") not shown (set PERMILLE_MAX_DIAGNOSTICS to show more, 0 for all)")
            output.append("")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            output.append("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// The limit a command uses: `PERMILLE_MAX_DIAGNOSTICS` when it is a whole number (0: no
    /// limit), else `defaultLimit`.
    public static func limit(environment value: String?) -> Int? {
        guard let value, let number = Int(value), number >= 0 else { return defaultLimit }
        return number == 0 ? nil : number
    }

    /// `text` with control characters escaped (so a name cannot move the cursor or recolour the
    /// terminal) and cut to `fieldWidth` characters.
    static func clip(_ text: String) -> String {
        var scalars = text.unicodeScalars.prefix(fieldWidth + 1)
        let cut = scalars.count > fieldWidth
        if cut { scalars = scalars.prefix(fieldWidth) }
        var result = ""
        for scalar in scalars { result += TerminalText.escaped(scalar) }
        return cut ? result + "…" : result
    }

    static func safe(_ text: String) -> String { TerminalText.safe(text) }

    /// Finds line excerpts in the source: lines are indexed once, and a column is found from the
    /// previous one when it lies further on the same line, so diagnostics in file order cost
    /// one pass over the file however long its lines are.
    struct Excerpts {
        let bytes: [UInt8]
        private var starts: [Int] = [0]
        /// The last column found: (line, column, byte offset).
        private var cursor: (line: Int, column: Int, offset: Int)?

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            // A buffer loop: this sees every byte of the file.
            bytes.withUnsafeBufferPointer { buffer in
                for offset in 0..<buffer.count where buffer[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
            }
        }

        /// End of `line`'s content (before "\n" or "\r\n").
        private func end(of line: Int) -> Int {
            var end = line < starts.count ? starts[line] - 1 : bytes.count
            if end > starts[line - 1], end - 1 < bytes.count, end >= 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return end
        }

        private static func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

        /// The excerpt of at most `excerptWidth` characters around `column`, and the blanks that put a caret under it.
        mutating func excerpt(line: Int, column: Int) -> (String, String)? {
            guard line >= 1, line <= starts.count else { return nil }
            let start = starts[line - 1]
            let end = end(of: line)
            // Walk to the column: from the cursor when it is on this line and not past the column.
            var offset = start
            var current = 1
            if let cursor, cursor.line == line, cursor.column <= column {
                offset = cursor.offset
                current = cursor.column
            }
            while current < column, offset < end {
                offset += 1
                while offset < end, !Self.isLead(bytes[offset]) { offset += 1 }
                current += 1
            }
            cursor = (line, current, offset)
            // Up to half the width before the caret, the rest after it.
            let half = DiagnosticRenderer.excerptWidth / 2
            var from = offset
            var before = 0
            while from > start, before < half {
                from -= 1
                while from > start, !Self.isLead(bytes[from]) { from -= 1 }
                before += 1
            }
            var to = offset
            var after = 0
            while to < end, after < DiagnosticRenderer.excerptWidth - before {
                to += 1
                while to < end, !Self.isLead(bytes[to]) { to += 1 }
                after += 1
            }
            let head = String(decoding: bytes[from..<offset], as: UTF8.self)
            let tail = String(decoding: bytes[offset..<to], as: UTF8.self)
            var text = from > start ? "…" : ""
            var caret = from > start ? " " : ""
            for scalar in head.unicodeScalars {
                let shown = TerminalText.escaped(scalar, keepTab: true)
                text += shown
                caret += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
            }
            for scalar in tail.unicodeScalars { text += TerminalText.escaped(scalar, keepTab: true) }
            if to < end { text += "…" }
            return (text, caret)
        }
    }
}

/// Text for a terminal or a log: control characters shown as `\u{1B}`, never emitted.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1; line breaks too) escaped.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += escaped(scalar) }
        return result
    }

    /// `text` with control characters escaped except line feeds and tabs, for multi-line reports.
    public static func safe(lines text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += scalar == "\n" ? "\n" : escaped(scalar, keepTab: true) }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func escaped(_ scalar: Unicode.Scalar, keepTab: Bool = false) -> String {
        guard isControl(scalar), !(keepTab && scalar == "\t") else { return String(scalar) }
        return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
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
