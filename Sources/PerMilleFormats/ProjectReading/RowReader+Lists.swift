import PerMille
import PerMilleJSON

/// Lists inside a row: rice amendments, manure-system shares.
extension RowReader {
    /// `[{kind, tonnesPerHa}…]`, or [] when absent; nil when the list has an error.
    mutating func amendments(_ node: JSONNode?, path: @autoclosure () -> String, row: String) -> [RiceAmendment]? {
        guard let node else { return [] }
        guard let items = node.array else {
            reader.mismatch(node, path: path(), expected: "an array of {kind, tonnesPerHa}", row: row)
            return nil
        }
        var amendments: [RiceAmendment] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = "\(path())[\(index)]"
            guard let fields = reader.object(item, path: itemPath, allowed: ["kind", "tonnesPerHa"], row: row) else {
                failed = true
                continue
            }
            let kind = reader.choice(fields, "kind", in: item, path: itemPath, row: row, allowed: vocabulary.riceAmendments, vocabulary: "rice amendment", required: true)
            let tonnes = positive(fields, "tonnesPerHa", node: item, path: itemPath, row: row, required: true)
            guard let kind, let tonnes else {
                failed = true
                continue
            }
            amendments.append(RiceAmendment(kind: kind, tonnesPerHa: tonnes))
        }
        return failed ? nil : amendments
    }

    /// A manure list as read: `shares` is nil when the row has no such key.
    struct ManureList {
        var shares: [ManureShare]?
    }

    /// A row's `[{system, percent}…]`: known systems, each once, summing to 100 % (± 0.5); nil when the list has an error.
    mutating func manureShares(_ common: Common, _ key: String) -> ManureList? {
        guard let node = common.fields[key] else { return ManureList(shares: nil) }
        let path = { "\(common.path).\(key)" }
        guard let items = node.array else {
            reader.mismatch(node, path: path(), expected: "an array of {system, percent}", row: common.id)
            return nil
        }
        var shares: [ManureShare] = []
        var seen: [String: JSONPosition] = [:]
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = "\(path())[\(index)]"
            guard let fields = reader.object(item, path: itemPath, allowed: ["system", "percent"], row: common.id) else {
                failed = true
                continue
            }
            let system = reader.choice(
                fields, "system", in: item, path: itemPath, row: common.id, allowed: vocabulary.manureSystems, vocabulary: "manure system", required: true)
            let percent = positive(fields, "percent", node: item, path: itemPath, row: common.id, minimum: 0, maximum: 100, required: true)
            if let system, let position = fields["system"]?.position {
                if let earlier = seen.updateValue(position, forKey: system) {
                    seen[system] = earlier
                    reader.report(
                        "manure.duplicate-system", "manure system '\(system)' is listed twice (first at line \(earlier.line))", at: position,
                        path: "\(itemPath).system", row: common.id, expected: "each system once", found: "a second '\(system)'")
                    failed = true
                    continue
                }
            }
            guard let system, let percent else {
                failed = true
                continue
            }
            shares.append(ManureShare(system: system, percent: percent))
        }
        guard !failed else { return nil }
        let total = shares.reduce(0) { $0 + $1.percent }
        guard abs(total - 100) <= 0.5 else {
            reader.report(
                "manure.shares", "the manure shares of '\(key)' add up to \(Self.figure(total)) %, not 100 %", at: node.position, path: path(), row: common.id,
                expected: "shares summing to 100 %", found: "\(Self.figure(total)) %")
            return nil
        }
        return ManureList(shares: shares)
    }

    /// A number as people write it: `390`, `85.5`, without float noise.
    static func figure(_ value: Double) -> String {
        XMLLiteral.number((value * 10_000).rounded() / 10_000)
    }
}
