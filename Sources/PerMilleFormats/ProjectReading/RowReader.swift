import PerMille
import PerMilleJSON

/// Reads the row lists of the land modules: identity, areas, dynamics and the three states.
struct RowReader {
    var reader: DocumentReader
    let vocabulary: Vocabulary
    /// The row ids in the order they were met, for the check across the file.
    var idEntries: [RowIDs.Entry] = []
    let defaultDynamics: DynamicsKind

    init(reader: DocumentReader, vocabulary: Vocabulary, defaultDynamics: DynamicsKind) {
        self.reader = reader
        self.vocabulary = vocabulary
        self.defaultDynamics = defaultDynamics
    }

    /// What every row shares, read before the module's own fields (a class: every reader passes it on).
    final class Common {
        let id: String
        let name: String
        let fields: Fields
        let node: JSONNode
        let module: String
        let index: Int
        let dynamics: RowDynamics

        init(id: String, name: String, fields: Fields, node: JSONNode, module: String, index: Int, dynamics: RowDynamics) {
            self.id = id
            self.name = name
            self.fields = fields
            self.node = node
            self.module = module
            self.index = index
            self.dynamics = dynamics
        }

        /// `modules.grassland[3]`, built only when a diagnostic needs it.
        var path: String { "modules.\(module)[\(index)]" }
    }

    typealias Read<Row> = (inout RowReader, Common) -> Row?

    /// Reads the rows of one module's list, or of the part of it in `range`.
    mutating func list<Row>(_ node: JSONNode?, module: String, range: Range<Int>? = nil, read: Read<Row>) -> [Row] {
        guard let node else { return [] }
        guard let items = node.array else {
            reader.mismatch(node, path: "modules.\(module)", expected: "an array of rows")
            return []
        }
        let indices = range ?? items.indices
        var rows: [Row] = []
        rows.reserveCapacity(indices.count)
        let allowed = Self.allowedKeys[module] ?? []
        for index in indices {
            guard let common = self.common(items[index], module: module, index: index, allowed: allowed) else { continue }
            if let row = read(&self, common) { rows.append(row) }
        }
        return rows
    }

    static var allowedKeys: [String: [String]] { ProjectSchema.rowKeys }

    private mutating func common(_ node: JSONNode, module: String, index: Int, allowed: [String]) -> Common? {
        let path = { "modules.\(module)[\(index)]" }
        let id = node.member("id")?.string
        guard let fields = reader.object(node, path: path(), allowed: allowed, row: id) else { return nil }
        guard let id = reader.string(fields, "id", in: node, path: path(), required: true) else { return nil }
        if id.isEmpty {
            reader.report("row.id-empty", "row id must not be empty", at: fields["id"]?.position ?? node.position, path: "\(path()).id", expected: "a non-empty id", found: "\"\"")
        }
        // Every occurrence is kept: `RowIDs.gather` finds repeated ids across the whole file, so a
        // repeat is reported against the id's first row in the file, not the first in this slice.
        let position = fields["id"]?.position ?? node.position
        idEntries.append(RowIDs.Entry(id: id, position: position, module: module, index: index))
        let name = reader.string(fields, "name", in: node, path: path(), row: id) ?? id
        let dynamics = readDynamics(fields["dynamics"], path: "\(path()).dynamics", row: id)
        return Common(id: id, name: name, fields: fields, node: node, module: module, index: index, dynamics: dynamics)
    }

    private mutating func readDynamics(_ node: JSONNode?, path: @autoclosure () -> String, row: String) -> RowDynamics {
        guard let node else { return RowDynamics(defaultDynamics) }
        func kind(_ value: JSONNode, _ path: String) -> DynamicsKind? {
            guard let text = value.string else {
                reader.mismatch(value, path: path, expected: "linear, immediate or exponential", row: row)
                return nil
            }
            guard let kind = DynamicsKind(rawValue: text) else {
                reader.report(
                    "value.unknown", "unknown dynamics '\(text)'", at: value.position, path: path, row: row,
                    expected: "linear, immediate or exponential", found: "'\(text)'",
                    suggestion: Suggestions.closest(to: text, among: Vocabulary.dynamics).map { "did you mean '\($0)'?" })
                return nil
            }
            return kind
        }
        if node.string != nil { return RowDynamics(kind(node, path()) ?? defaultDynamics) }
        guard let fields = reader.object(node, path: path(), allowed: ["without", "with"], row: row) else { return RowDynamics(defaultDynamics) }
        let without = fields["without"].flatMap { kind($0, "\(path()).without") } ?? defaultDynamics
        let with = fields["with"].flatMap { kind($0, "\(path()).with") } ?? defaultDynamics
        return RowDynamics(without: without, with: with)
    }

    /// What a `{start, without, with}` object counts: hectares of land, heads of a herd, an input's amount.
    struct Quantity {
        /// The row key, also the first part of the diagnostic codes (`area.negative`, `heads.zero`).
        var field: String
        var unit: String
        /// What a row of all zeros has none of.
        var noun: String
        /// The largest plausible value, and why (format.md, "Bounds").
        var maximum: Double
        var why: String

        static let area = Quantity(
            field: "area", unit: "hectares", noun: "land", maximum: Bounds.hectares, why: "no row can be larger than the planet's land area (about 1.5e10 ha)")
        static let heads = Quantity(
            field: "heads", unit: "heads", noun: "heads", maximum: Bounds.heads, why: "no herd can be larger than about ten times the world's livestock")
        static func amount(unit: String) -> Quantity {
            Quantity(field: "amount", unit: unit, noun: "input", maximum: Bounds.amount, why: "no project applies or burns more than a thousand times the world's yearly use")
        }
    }

    /// `{start, without, with}` hectares (or heads, or amounts), each finite and not negative.
    static let scenarioKeys = ["start", "without", "with"]

    mutating func area(_ common: Common, keys: [String] = RowReader.scenarioKeys, quantity: Quantity = .area) -> Triple<Double>? {
        let field = quantity.field
        guard let node = common.fields[field] else {
            reader.missing(field, in: common.node, path: common.path, row: common.id, expected: "{" + keys.joined(separator: ", ") + "} in \(quantity.unit)")
            return nil
        }
        let path = { "\(common.path).\(field)" }
        guard let fields = reader.object(node, path: path(), allowed: keys, row: common.id) else { return nil }
        var values: [Double?] = []
        for key in keys {
            guard let value = reader.number(fields, key, in: node, path: path(), row: common.id, required: true) else { continue }
            guard value >= 0 else {
                reader.report(
                    "\(field).negative", "\(field) must be zero or more, found \(fields[key]?.number?.literal ?? String(value))",
                    at: fields[key]?.position ?? node.position, path: "\(path()).\(key)", row: common.id,
                    expected: "\(quantity.unit) ≥ 0", found: fields[key]?.number?.literal ?? String(value))
                continue
            }
            guard value <= quantity.maximum else {
                reader.report(
                    "\(field).too-large",
                    "\(field) must be at most \(XMLLiteral.number(quantity.maximum)) \(quantity.unit), found \(fields[key]?.number?.literal ?? String(value))",
                    at: fields[key]?.position ?? node.position, path: "\(path()).\(key)", row: common.id,
                    expected: "\(quantity.unit) ≤ \(XMLLiteral.number(quantity.maximum))", found: fields[key]?.number?.literal ?? String(value),
                    suggestion: quantity.why)
                continue
            }
            values.append(value)
        }
        guard values.count == keys.count else { return nil }
        if values.allSatisfy({ $0 == 0 }) {
            reader.report(
                "\(field).zero", "the row has no \(quantity.noun) in any scenario, so it adds nothing", at: node.position, path: path(), row: common.id,
                expected: "\(quantity.unit) above 0 in at least one scenario", found: "0 everywhere", severity: .warning)
        }
        func value(_ key: String) -> Double { keys.firstIndex(of: key).flatMap { values[$0] } ?? 0 }
        return Triple(start: value("start"), without: value("without"), with: value("with"))
    }

    /// The three state objects of a row, each read by `read`.
    mutating func states<State: Sendable>(
        _ common: Common, allowed: [String], read: (inout RowReader, Fields, JSONNode, () -> String) -> State?
    ) -> Triple<State>? {
        // Three optionals rather than a dictionary: scenario keys would hash their strings on every row.
        var results: [State?] = [nil, nil, nil]
        for (index, scenario) in Scenario.allCases.enumerated() {
            let path = { "\(common.path).\(scenario.rawValue)" }
            guard let node = common.fields[scenario.rawValue] else {
                reader.missing(scenario.rawValue, in: common.node, path: common.path, row: common.id, expected: "the \(scenario.rawValue) state")
                continue
            }
            guard let fields = reader.object(node, path: path(), allowed: allowed, row: common.id) else { continue }
            results[index] = read(&self, fields, node, path)
        }
        guard let start = results[0], let without = results[1], let with = results[2] else { return nil }
        return Triple(start: start, without: without, with: with)
    }
}
