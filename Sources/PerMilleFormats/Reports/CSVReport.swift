import PerMille

/// The result cube in long format for spreadsheets: one line per row × gas category × scenario ×
/// calendar year, the value in tonnes of the category's gas (t CO2, t N2O, t CH4) or t CO2e for
/// input manufacture, as the unit column says. RFC 4180: comma separated, CRLF line ends, fields
/// quoted when they hold a comma, quote, or line break.
public enum CSVReport {
    public static let header = ["row", "module", "gas", "scenario", "year", "value", "unit"]

    public static func render(_ assessment: Assessment) -> String {
        var out = line(header)
        let years = assessment.calendarYears
        for row in assessment.rows {
            for gas in GasCategory.allCases {
                for outcome in Outcome.allCases {
                    let series = row.emissions[outcome]
                    for (index, year) in years.enumerated() {
                        out += line([
                            text(row.id), row.module.rawValue, gas.rawValue, outcome.rawValue, String(year),
                            ReportText.exact(series.value(gas, year: index)), gas.massUnit,
                        ])
                    }
                }
            }
        }
        return out
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// A field of text from the project (an id, a name): a spreadsheet reads a cell starting with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so such text gets a leading `'`
    /// (OWASP's advice). Numbers are written by the writer and never pass here.
    public static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    /// One field, quoted when RFC 4180 requires it (comma, quote or line break inside).
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}
