import PerMille
import PerMilleJSON

/// Fields several modules share: bounded numbers, land uses, forests.
extension RowReader {
    /// A number within bounds, optional unless `required`; `aboveMinimum` leaves the minimum itself out.
    mutating func positive(
        _ fields: Fields, _ key: String, node: JSONNode, path: @autoclosure () -> String, row: String,
        minimum: Double = 0, maximum: Double = Bounds.tonnesPerHa.maximum, aboveMinimum: Bool = false, required: Bool = false
    ) -> Double? {
        guard fields[key] != nil else {
            if required { reader.missing(key, in: node, path: path(), row: row, expected: "a number") }
            return nil
        }
        guard let value = reader.number(fields, key, in: node, path: path(), row: row) else { return nil }
        let bound = Bound(minimum: minimum, maximum: maximum, unit: "", aboveMinimum: aboveMinimum)
        guard bound.contains(value) else {
            reader.report(
                "value.out-of-range", "'\(key)' must be \(bound.description)",
                at: fields[key]?.position ?? node.position, path: joinPath(path(), key), row: row,
                expected: bound.expected, found: fields[key]?.number?.literal ?? XMLLiteral.number(value))
            return nil
        }
        return value
    }

    /// `"grassland"` or `{"landUse": "forest", "ecozone": …}`.
    mutating func landUse(_ common: Common, _ key: String) -> LandUse? {
        let path = { "\(common.path).\(key)" }
        guard let node = common.fields[key] else {
            reader.missing(key, in: common.node, path: common.path, row: common.id, expected: "a land use")
            return nil
        }
        let allowed = vocabulary.landUses
        if let text = node.string {
            guard allowed.contains(where: { sameKey($0, text) }) else {
                reader.report(
                    "practice.unknown", "unknown land use '\(text)'", at: node.position, path: path(), row: common.id,
                    expected: "one of " + allowed.prefix(10).joined(separator: ", ") + ", or a perennial system key",
                    found: "'\(text)'", suggestion: Suggestions.closest(to: text, among: allowed).map { "did you mean '\($0)'?" })
                return nil
            }
            if text == "forest" {
                reader.report(
                    "field.missing", "a forest needs its ecozone: write {\"landUse\": \"forest\", \"ecozone\": …}", at: node.position, path: path(),
                    row: common.id, expected: "{landUse, ecozone, type, condition}", found: "\"forest\"")
                return nil
            }
            return LandUse(key: text)
        }
        guard let fields = reader.object(node, path: path(), allowed: ["landUse", "ecozone", "type", "condition", "standAge"], row: common.id),
            let landUse = reader.choice(fields, "landUse", in: node, path: path(), row: common.id, allowed: allowed, vocabulary: "land use", required: true)
        else { return nil }
        guard landUse == "forest" else {
            if fields.count > 1 {
                reader.report(
                    "practice.inconsistent", "ecozone, type, condition and standAge describe forests only", at: node.position, path: path(),
                    row: common.id, expected: "only landUse for '\(landUse)'", found: fields.keys.sorted().joined(separator: ", "))
            }
            return LandUse(key: landUse)
        }
        guard let forest = forest(node, path: path(), row: common.id, extraKeys: ["landUse"]) else { return nil }
        return LandUse(key: "forest", forest: forest)
    }

    mutating func forest(_ node: JSONNode, path: @autoclosure () -> String, row: String, extraKeys: [String] = []) -> ForestDescription? {
        guard let fields = reader.object(node, path: path(), allowed: extraKeys + ["ecozone", "type", "condition", "standAge"], row: row) else { return nil }
        let ecozone = reader.choice(fields, "ecozone", in: node, path: path(), row: row, allowed: vocabulary.forestEcozones, vocabulary: "forest ecozone", required: true)
        let type = reader.choice(fields, "type", in: node, path: path(), row: row, allowed: Vocabulary.forestTypes, vocabulary: "forest type") ?? "natural"
        let condition =
            reader.choice(fields, "condition", in: node, path: path(), row: row, allowed: Vocabulary.forestConditions, vocabulary: "forest condition")
            ?? (type == "plantation" ? "secondary" : "primary")
        let standAge = reader.choice(fields, "standAge", in: node, path: path(), row: row, allowed: Vocabulary.standAges, vocabulary: "stand age") ?? "gt-20-years"
        guard let ecozone else { return nil }
        return ForestDescription(ecozone: ecozone, type: type, condition: condition, standAge: standAge)
    }
}
