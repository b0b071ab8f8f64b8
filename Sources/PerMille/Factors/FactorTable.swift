/// One factor table as loaded from `Indicators/`: keyed rows with numeric values and provenance.
public struct FactorTable: Sendable {
    /// One row of a table.
    public struct Record: Sendable, Hashable {
        public var key: [String]
        /// Numeric value columns in manifest order; nil where the cell is empty.
        public var values: [Double?]
        /// Text columns (`unit`, `uncertainty_percent`, `reliability`, `source`, `note`, …) by name.
        public var text: [String: String]
        /// Line in the CSV file (header = 1).
        public var line: Int

        public init(key: [String], values: [Double?], text: [String: String], line: Int) {
            self.key = key
            self.values = values
            self.text = text
            self.line = line
        }
    }

    public var name: String
    public var file: String
    public var title: String
    public var keyColumns: [String]
    public var valueColumns: [String]
    public var textColumns: [String]
    public var records: [Record]
    /// `sha256:` + hex of the file's bytes.
    public var digest: String
    private var index: [String: Int]
    /// For each key column, the wildcards (`all`, `any`) that occur in it; lookups only try those.
    private var wildcards: [[String]]

    public init(name: String, file: String, title: String, keyColumns: [String], valueColumns: [String], textColumns: [String], records: [Record], digest: String) {
        self.name = name
        self.file = file
        self.title = title
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
        self.textColumns = textColumns
        self.records = records
        self.digest = digest
        var index: [String: Int] = [:]
        index.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            index[Self.joined(record.key)] = position
        }
        self.index = index
        self.wildcards = keyColumns.indices.map { position in
            ["all", "any"].filter { wildcard in records.contains { $0.key[position] == wildcard } }
        }
    }

    static func joined(_ key: [String]) -> String { key.joined(separator: "\u{1F}") }

    /// The record with exactly this key.
    public func record(exactly key: [String]) -> Record? {
        index[Self.joined(key)].map { records[$0] }
    }

    /// The record for a key, letting `all` / `any` in the table stand for any value of a column.
    ///
    /// The most specific match wins: exact first, then with one wildcard, and so on.
    public func record(matching key: [String]) -> Record? {
        if let exact = record(exactly: key) { return exact }
        let open = key.indices.filter { !wildcards[$0].isEmpty && !wildcards[$0].contains(key[$0]) }
        guard !open.isEmpty, open.count <= 8 else { return nil }
        let masks = (1..<(1 << open.count)).sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
        for mask in masks {
            var candidates = [key]
            for (bit, position) in open.enumerated() where mask & (1 << bit) != 0 {
                candidates = candidates.flatMap { candidate in
                    wildcards[position].map { wildcard in
                        var next = candidate
                        next[position] = wildcard
                        return next
                    }
                }
            }
            for candidate in candidates {
                if let found = record(exactly: candidate) { return found }
            }
        }
        return nil
    }

    /// Distinct values of one key column, sorted, for "did you mean" and vocabulary listings.
    public func distinctValues(ofKey column: String) -> [String] {
        guard let position = keyColumns.firstIndex(of: column) else { return [] }
        return Array(Set(records.map { $0.key[position] })).sorted()
    }

    /// Turns a record's value column into a `Factor` with its provenance.
    public func factor(_ record: Record, column: String = "value") -> Factor? {
        guard let position = valueColumns.firstIndex(of: column), let value = record.values[position] else { return nil }
        let keyText = zip(keyColumns, record.key).map { "\($0)=\($1)" }.joined(separator: ", ")
        let uncertainty = record.text["uncertainty_percent"].flatMap { Double($0) }
        // The reader refuses a row without a valid tag; a table built in code without one is the least trusted.
        let reliability = record.text["reliability"].flatMap(Reliability.init(rawValue:)) ?? .unverified
        let note = record.text["note"].flatMap { $0.isEmpty ? nil : $0 }
        return Factor(
            value: value, unit: record.text["unit"] ?? "", uncertaintyPercent: uncertainty,
            source: record.text["source"] ?? "", table: name, key: keyText, line: record.line, column: column,
            reliability: reliability, note: note)
    }
}
