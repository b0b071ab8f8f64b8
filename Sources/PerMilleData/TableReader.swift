import PerMille

/// Turns a CSV file into a `FactorTable`, checking its columns against the manifest row by row.
enum TableReader {
    /// Text columns every table carries after its values, in this order.
    static let requiredText = ["unit", "uncertainty_percent", "reliability", "source"]

    static func read(_ bytes: [UInt8], entry: ManifestEntry, path: String, digest: String) -> Result<FactorTable, DiagnosticsError> {
        func problem(_ line: Int, _ column: Int, _ message: String, expected: String? = nil, found: String? = nil) -> Diagnostic {
            Diagnostic(
                code: "indicators.table", message: message,
                location: SourceLocation(file: path, line: line, column: column, path: entry.name), expected: expected, found: found)
        }
        let rows: [CSV.Row]
        do { rows = try CSV.parse(bytes) } catch {
            return .failure(DiagnosticsError([problem(error.line, error.column, error.message)]))
        }
        guard let header = rows.first else { return .failure(DiagnosticsError([problem(1, 1, "the table is empty", expected: "a header row")])) }
        let columns = header.fields
        let expectedStart = entry.keys + entry.values
        guard Array(columns.prefix(expectedStart.count)) == expectedStart else {
            return .failure(
                DiagnosticsError([
                    problem(
                        1, 1, "header does not start with the manifest's key and value columns",
                        expected: expectedStart.joined(separator: ","), found: columns.prefix(expectedStart.count).joined(separator: ","))
                ]))
        }
        let textColumns = Array(columns.dropFirst(expectedStart.count))
        if !entry.values.isEmpty, Array(textColumns.prefix(requiredText.count)) != requiredText {
            return .failure(
                DiagnosticsError([
                    problem(
                        1, 1, "factor tables need unit, uncertainty_percent, reliability and source after the values",
                        expected: requiredText.joined(separator: ","), found: textColumns.prefix(requiredText.count).joined(separator: ","))
                ]))
        }
        var records: [FactorTable.Record] = []
        records.reserveCapacity(rows.count)
        var problems: [Diagnostic] = []
        var seen: [[String]: Int] = [:]
        for row in rows.dropFirst() {
            if row.fields == [""] { continue }
            guard row.fields.count == columns.count else {
                problems.append(problem(row.line, 1, "wrong number of fields", expected: "\(columns.count)", found: "\(row.fields.count)"))
                continue
            }
            let key = Array(row.fields.prefix(entry.keys.count))
            if let empty = key.firstIndex(of: "") {
                problems.append(problem(row.line, empty + 1, "key column '\(entry.keys[empty])' is empty", expected: "a key"))
                continue
            }
            if let earlier = seen[key] {
                problems.append(problem(row.line, 1, "duplicate key \(key.joined(separator: ",")) (first on line \(earlier))"))
                continue
            }
            seen[key] = row.line
            var values: [Double?] = []
            for (offset, name) in entry.values.enumerated() {
                let cell = row.fields[entry.keys.count + offset]
                if cell.isEmpty {
                    values.append(nil)
                    continue
                }
                guard let number = Double(cell), number.isFinite, !cell.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
                    problems.append(problem(row.line, entry.keys.count + offset + 1, "value in column '\(name)' is not a plain decimal", expected: "a finite decimal", found: cell))
                    values.append(nil)
                    continue
                }
                values.append(number)
            }
            var text: [String: String] = [:]
            for (offset, name) in textColumns.enumerated() {
                text[name] = row.fields[expectedStart.count + offset]
            }
            // Every value says how far to trust it: a missing tag is an error, never the most trusted class.
            let reliability = text["reliability"] ?? ""
            if Reliability(rawValue: reliability) == nil || reliability == Reliability.override.rawValue {
                let column = columns.firstIndex(of: "reliability").map { $0 + 1 } ?? 1
                problems.append(
                    problem(
                        row.line, column, reliability.isEmpty ? "missing reliability tag" : "unknown reliability tag",
                        expected: "V-EX, V-HE, C, C-weak or M", found: reliability.isEmpty ? "an empty cell" : reliability))
            }
            if let uncertainty = text["uncertainty_percent"], !uncertainty.isEmpty, Double(uncertainty) == nil {
                let column = columns.firstIndex(of: "uncertainty_percent").map { $0 + 1 } ?? 1
                problems.append(problem(row.line, column, "uncertainty is not a number", expected: "a percentage", found: uncertainty))
            }
            records.append(FactorTable.Record(key: key, values: values, text: text, line: row.line))
        }
        guard problems.isEmpty else { return .failure(DiagnosticsError(problems)) }
        return .success(
            FactorTable(
                name: entry.name, file: entry.file, title: entry.title, keyColumns: entry.keys, valueColumns: entry.values,
                textColumns: textColumns, records: records, digest: digest))
    }
}
