/// All factor tables of one `Indicators/` folder, read once at the edge and passed in as a value.
public struct FactorSet: Sendable {
    public var tables: [String: FactorTable]

    public init(tables: [FactorTable]) {
        var byName: [String: FactorTable] = [:]
        for table in tables { byName[table.name] = table }
        self.tables = byName
    }

    public func table(_ name: String) throws(MissingFactor) -> FactorTable {
        guard let table = tables[name] else {
            throw MissingFactor(table: name, key: "(whole table)", hint: "the table is not in the indicators manifest")
        }
        return table
    }

    /// Looks up one value; a missing key is an error that names the key and the table, never a zero.
    ///
    /// Table rows keyed `all` or `any` match every value; columns in `ignoring` match any row value
    /// (for tables whose extra key column is implied by another, like a forest's climate by its zone).
    public func factor(
        _ tableName: String, _ key: [String: String], column: String = "value", ignoring: Set<String> = []
    ) throws(MissingFactor) -> Factor {
        let table = try table(tableName)
        let ordered = table.keyColumns.map { key[$0] ?? "all" }
        let record: FactorTable.Record?
        if ignoring.isEmpty {
            record = table.record(matching: ordered)
        } else {
            let fixed = table.keyColumns.enumerated().filter { !ignoring.contains($0.element) }.map(\.offset)
            record = table.records.first { candidate in
                fixed.allSatisfy { ["all", "any", ordered[$0]].contains(candidate.key[$0]) }
            }
        }
        guard let record, let factor = table.factor(record, column: column) else {
            let keyText = table.keyColumns.filter { !ignoring.contains($0) }
                .map { "\($0)=\(key[$0] ?? "all")" }.joined(separator: ", ")
            throw MissingFactor(table: tableName, key: keyText, column: column)
        }
        return factor
    }

    /// A text column of a lookup table (e.g. the region of a country), nil if the key is absent.
    public func text(_ tableName: String, _ key: [String], column: String) -> String? {
        guard let table = tables[tableName], let record = table.record(exactly: key) else { return nil }
        return record.text[column]
    }

    /// Digests of the named tables, by file name, for results a reviewer can re-run.
    public func digests(of names: Set<String>) -> [(file: String, digest: String)] {
        names.compactMap { tables[$0] }
            .map { (file: ($0.file.split(separator: "/").last.map(String.init) ?? $0.file), digest: $0.digest) }
            .sorted { $0.file < $1.file }
    }
}
