import PerMille
import PerMilleJSON

/// Reads Tier 2 overrides (each with a citation) and reported indicators.
enum OverridesReader {
    /// Factor names an override may replace, with what they stand for.
    static let knownFactors: [String: String] = [
        "soc-ref": "SOCref, t C/ha", "f-lu": "land-use factor (management rows)",
        "f-lu-from": "land-use factor of the land a conversion row starts from", "f-lu-to": "land-use factor of the land it becomes", "f-mg": "management factor", "f-i": "input factor",
        "carbon-fraction": "carbon fraction of dry matter", "ef1-som": "EF1 for mineralised N",
        "cn-ratio-conversion-to-cropland": "C:N on conversion", "cn-ratio-cropland-remaining": "C:N cropland",
        "cn-ratio-grassland-remaining": "C:N grassland", "perennial-agb-growth": "perennial AGB growth, t C/ha/yr",
        "perennial-bgb-growth": "perennial BGB growth, t C/ha/yr", "perennial-max-agb": "perennial maximum AGB, t C/ha",
        "forest-agb-stock": "forest AGB, t C/ha", "forest-root-to-shoot": "root-to-shoot ratio",
        "forest-litter": "litter, t C/ha", "forest-deadwood": "dead wood, t C/ha",
        "forest-agb-growth-le-20-years": "young forest AGB growth, t dm/ha/yr", "forest-agb-growth-gt-20-years": "old forest AGB growth, t dm/ha/yr",
        "grassland-cf": "grassland fire combustion factor", "grassland-gef-ch4": "grassland fire CH4 EF", "grassland-gef-n2o": "grassland fire N2O EF",
        "organic-drained-co2": "drained organic soil CO2-C", "organic-drained-doc": "drained DOC", "organic-drained-ch4": "drained CH4",
        "organic-drained-n2o": "drained N2O-N", "organic-rewetted-co2": "rewetted CO2-C", "organic-rewetted-doc": "rewetted DOC",
        "organic-rewetted-ch4": "rewetted CH4-C",
    ]

    static let overrideKeys = ["factor", "value", "uncertaintyPercent", "appliesTo", "source"]

    static func read(_ node: JSONNode, reader: inout DocumentReader, rowIDs: [String: JSONPosition]) -> [FactorOverride] {
        guard let items = node.array else {
            reader.mismatch(node, path: "overrides", expected: "an array of overrides")
            return []
        }
        var overrides: [FactorOverride] = []
        for (index, item) in items.enumerated() {
            let path = "overrides[\(index)]"
            guard let fields = reader.object(item, path: path, allowed: overrideKeys) else { continue }
            let factor = reader.choice(fields, "factor", in: item, path: path, allowed: knownFactors.keys.sorted(), vocabulary: "overridable factor", required: true, code: "override.unknown-factor")
            let value = reader.number(fields, "value", in: item, path: path, required: true)
            let uncertainty = reader.number(fields, "uncertaintyPercent", in: item, path: path)
            let source = reader.string(fields, "source", in: item, path: path)
            if source?.trimmingCharacters() ?? "" == "" {
                reader.report(
                    "override.missing-source", "an override needs the source it comes from", at: fields["source"]?.position ?? item.position,
                    path: "\(path).source", expected: "a citation, e.g. \"National GHG inventory 2021, Table 6.4\"", found: source == nil ? "no source" : "an empty source")
            }
            var applies: [String] = []
            if let list = fields["appliesTo"] {
                if let entries = list.array {
                    for (offset, entry) in entries.enumerated() {
                        guard let id = entry.string else { reader.mismatch(entry, path: "\(path).appliesTo[\(offset)]", expected: "a row id"); continue }
                        if rowIDs[id] == nil {
                            reader.report(
                                "override.unknown-row", "override applies to row '\(id)', which the file does not have", at: entry.position,
                                path: "\(path).appliesTo[\(offset)]", expected: "an id of a row", found: "'\(id)'",
                                suggestion: Suggestions.closest(to: id, among: rowIDs.keys.sorted()).map { "did you mean '\($0)'?" })
                        }
                        applies.append(id)
                    }
                } else {
                    reader.mismatch(list, path: "\(path).appliesTo", expected: "an array of row ids")
                }
            }
            guard let factor, let value, let source, !source.isEmpty else { continue }
            overrides.append(FactorOverride(factor: factor, value: value, uncertaintyPercent: uncertainty, appliesTo: applies, source: source))
        }
        return overrides
    }

    static func indicators(_ node: JSONNode, reader: inout DocumentReader) -> [String: IndicatorValue] {
        guard let members = node.members else {
            reader.mismatch(node, path: "indicators", expected: "an object of indicator values")
            return [:]
        }
        var values: [String: IndicatorValue] = [:]
        for member in members {
            switch member.value.value {
            case .number(let number) where number.value.isFinite: values[member.key] = .number(number.value)
            case .string(let text): values[member.key] = .text(text)
            case .bool(let flag): values[member.key] = .flag(flag)
            default: reader.mismatch(member.value, path: "indicators.\(member.key)", expected: "a finite number, a string or a boolean")
            }
        }
        return values
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
