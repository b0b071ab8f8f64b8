/// The report as CommonMark with GitHub tables: the same sections as the HTML, with the tables
/// behind the charts in place of the charts. Text from the project file is escaped.
public enum MarkdownReport {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n\n\(escape(document.subtitle))\n"
        for section in document.sections {
            out += "\n## \(escape(section.title))\n"
            for block in section.blocks { out += "\n" + render(block, level: 3) }
        }
        return out
    }

    static func render(_ block: ReportBlock, level: Int) -> String {
        switch block {
        case .paragraph(let text):
            return escape(text) + "\n"
        case .note(let text):
            return "> **Note.** \(escape(text))\n"
        case .facts(let facts):
            return facts.map { "- **\(escape($0.label)):** \(escape($0.value))" }.joined(separator: "\n") + "\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            var table = chart.table
            table.caption = "Chart data: " + table.caption + (chart.reference.map { "; target line at \(ReportText.plain($0.value)) ‰/yr" } ?? "")
            return render(table)
        case .list(let items):
            return items.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
        case .item(let title, let blocks):
            return String(repeating: "#", count: min(level, 6)) + " " + escape(title) + "\n" + blocks.map { "\n" + render($0, level: level + 1) }.joined()
        }
    }

    static func render(_ table: ReportTable) -> String {
        var out = "**\(escape(table.caption))**\n\n"
        out += "| " + table.columns.map { cell($0.title.isEmpty ? " " : $0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.numeric ? "---:" : ":---" }.joined(separator: "|") + "|\n"
        for (index, row) in table.rows.enumerated() {
            let total = index >= table.rows.count - table.totalRows
            out +=
                "| "
                + row.map { value in
                    let text = cell(value.text)
                    guard !text.isEmpty else { return text }
                    return total || value.style == .strong || value.style == .status ? "**\(text)**" : text
                }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A table cell: escaped, on one line.
    static func cell(_ text: String) -> String {
        String(escape(text).map { $0 == "\n" ? " " : $0 })
    }

    /// Backslash-escapes the characters Markdown would read as markup or HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!":
                out.append("\\")
                out.append(character)
            case "&": out += "&amp;"
            case "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
