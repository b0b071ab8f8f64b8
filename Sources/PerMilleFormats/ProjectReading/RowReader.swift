import PerMille
import PerMilleJSON

/// Reads the row lists of the land modules: identity, areas, dynamics and the three states.
struct RowReader {
    var reader: DocumentReader
    let vocabulary: Vocabulary
    /// Row ids seen so far, unique across the whole file.
    var ids: [String: JSONPosition]
    let defaultDynamics: DynamicsKind

    init(reader: DocumentReader, vocabulary: Vocabulary, ids: [String: JSONPosition], defaultDynamics: DynamicsKind) {
        self.reader = reader
        self.vocabulary = vocabulary
        self.ids = ids
        self.defaultDynamics = defaultDynamics
    }

    /// What every row shares, read before the module's own fields.
    struct Common {
        var id: String
        var name: String
        var fields: Fields
        var node: JSONNode
        var path: String
        var dynamics: RowDynamics
    }

    typealias Read<Row> = (inout RowReader, Common) -> Row?

    mutating func list<Row>(_ node: JSONNode?, module: String, read: Read<Row>) -> [Row] {
        guard let node else { return [] }
        guard let items = node.array else {
            reader.mismatch(node, path: "modules.\(module)", expected: "an array of rows")
            return []
        }
        var rows: [Row] = []
        for (index, item) in items.enumerated() {
            let path = "modules.\(module)[\(index)]"
            guard let common = self.common(item, path: path, allowed: Self.allowedKeys[module] ?? []) else { continue }
            if let row = read(&self, common) { rows.append(row) }
        }
        return rows
    }

    static let stateRowKeys = ["id", "name", "area", "start", "without", "with", "dynamics"]
    static let allowedKeys: [String: [String]] = [
        "grassland": stateRowKeys, "annualCrops": stateRowKeys, "perennialCrops": stateRowKeys, "organicSoils": stateRowKeys,
        "forestManagement": stateRowKeys + ["forest"],
        "landUseChange": ["id", "name", "from", "to", "area", "dynamics"],
    ]

    private mutating func common(_ node: JSONNode, path: String, allowed: [String]) -> Common? {
        let id = node.member("id")?.string
        guard let fields = reader.object(node, path: path, allowed: allowed, row: id) else { return nil }
        guard let id = reader.string(fields, "id", in: node, path: path, required: true) else { return nil }
        if id.isEmpty {
            reader.report("row.id-empty", "row id must not be empty", at: fields["id"]?.position ?? node.position, path: "\(path).id", expected: "a non-empty id", found: "\"\"")
        }
        if let earlier = ids[id] {
            reader.report(
                "row.duplicate-id", "row id '\(id)' is used twice (first at line \(earlier.line))", at: fields["id"]?.position ?? node.position,
                path: "\(path).id", row: id, expected: "ids unique in the file", found: "a second '\(id)'")
        } else {
            ids[id] = fields["id"]?.position ?? node.position
        }
        let name = reader.string(fields, "name", in: node, path: path, row: id) ?? id
        let dynamics = readDynamics(fields["dynamics"], path: "\(path).dynamics", row: id)
        return Common(id: id, name: name, fields: fields, node: node, path: path, dynamics: dynamics)
    }

    private mutating func readDynamics(_ node: JSONNode?, path: String, row: String) -> RowDynamics {
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
        if node.string != nil { return RowDynamics(kind(node, path) ?? defaultDynamics) }
        guard let fields = reader.object(node, path: path, allowed: ["without", "with"], row: row) else { return RowDynamics(defaultDynamics) }
        let without = fields["without"].flatMap { kind($0, "\(path).without") } ?? defaultDynamics
        let with = fields["with"].flatMap { kind($0, "\(path).with") } ?? defaultDynamics
        return RowDynamics(without: without, with: with)
    }

    /// `{start, without, with}` hectares, each finite and not negative.
    mutating func area(_ common: Common, keys: [String] = ["start", "without", "with"]) -> Triple<Double>? {
        guard let node = common.fields["area"] else {
            reader.missing("area", in: common.node, path: common.path, row: common.id, expected: "{" + keys.joined(separator: ", ") + "} in hectares")
            return nil
        }
        let path = "\(common.path).area"
        guard let fields = reader.object(node, path: path, allowed: keys, row: common.id) else { return nil }
        var values: [String: Double] = [:]
        for key in keys {
            guard let value = reader.number(fields, key, in: node, path: path, row: common.id, required: true) else { continue }
            guard value >= 0 else {
                reader.report(
                    "area.negative", "area must be zero or more, found \(fields[key]?.number?.literal ?? String(value))",
                    at: fields[key]?.position ?? node.position, path: "\(path).\(key)", row: common.id,
                    expected: "hectares ≥ 0", found: fields[key]?.number?.literal ?? String(value))
                continue
            }
            values[key] = value
        }
        guard values.count == keys.count else { return nil }
        return Triple(start: values["start"] ?? 0, without: values["without"] ?? 0, with: values["with"] ?? 0)
    }

    /// The three state objects of a row, each read by `read`.
    mutating func states<State: Sendable>(
        _ common: Common, allowed: [String], read: (inout RowReader, Fields, JSONNode, String) -> State?
    ) -> Triple<State>? {
        var results: [Scenario: State] = [:]
        for scenario in Scenario.allCases {
            let path = "\(common.path).\(scenario.rawValue)"
            guard let node = common.fields[scenario.rawValue] else {
                reader.missing(scenario.rawValue, in: common.node, path: common.path, row: common.id, expected: "the \(scenario.rawValue) state")
                continue
            }
            guard let fields = reader.object(node, path: path, allowed: allowed, row: common.id) else { continue }
            if let state = read(&self, fields, node, path) { results[scenario] = state }
        }
        guard let start = results[.start], let without = results[.without], let with = results[.with] else { return nil }
        return Triple(start: start, without: without, with: with)
    }
}
