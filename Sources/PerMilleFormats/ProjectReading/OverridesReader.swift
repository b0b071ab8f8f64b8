import PerMille
import PerMilleJSON

/// Reads Tier 2 overrides (each with a citation) and reported indicators.
enum OverridesReader {
    /// Every factor name an override may replace, given the vocabularies of the tables in use
    /// (declared in the core: `OverridableFactors`).
    static func knownFactors(manureSystems: [String], landUses: [String]) -> [String: String] {
        OverridableFactors.catalogue(manureSystems: manureSystems, landUses: landUses)
    }

    /// The range an override of `factor` must lie in: shares and N2O-N per N are fractions, days
    /// fit in a year, the CO2 of rewetted peat and coastal land and the residue intercept may be
    /// negative (the tables hold negative values of them), and every other factor is a positive rate or stock.
    static func valueBound(_ factor: String) -> Bound {
        let fractions: Set<String> = [
            "carbon-fraction", "dry-matter-fraction", "grassland-cf", "residue-cf", "frac-gasf", "frac-gasm", "frac-leach",
            "ef1", "ef1fr", "ef1-som", "ef3prp", "ef4", "ef5", "ef4-manure", "urea-n-content",
            "n-content-above-ground-residue", "n-content-below-ground-residue", "coastal-carbon-fraction", "coastal-excavation-carbon-loss",
        ]
        if fractions.contains(factor) || factor.hasPrefix("manure-ef3-") || factor.hasPrefix("manure-frac-") {
            return Bound(minimum: 0, maximum: 1, unit: "", why: "a share of a quantity lies between 0 and 1")
        }
        switch factor {
        case "rice-cultivation-days": return Bound(minimum: 1, maximum: 365, unit: "days", why: "a season fits in a year")
        case "organic-rewetted-co2", "residue-intercept", "coastal-rewetting-co2":
            return Bound(minimum: -1_000, maximum: 1_000, unit: "", why: "the factor's plausible magnitude, in its unit")
        default: return Bound(minimum: 0, maximum: 1e6, unit: "", why: "factors are rates or stocks of zero or more, far below a million in their unit")
        }
    }

    static let overrideKeys = ["factor", "value", "uncertaintyPercent", "appliesTo", "source"]

    static func read(_ node: JSONNode, reader: inout DocumentReader, vocabulary: Vocabulary, rowIDs: RowIDs) -> [FactorOverride] {
        guard let items = node.array else {
            reader.mismatch(node, path: "overrides", expected: "an array of overrides")
            return []
        }
        var overrides: [FactorOverride] = []
        for (index, item) in items.enumerated() {
            let path = "overrides[\(index)]"
            guard let fields = reader.object(item, path: path, allowed: overrideKeys) else { continue }
            let factor = reader.choice(
                fields, "factor", in: item, path: path, allowed: vocabulary.overridableFactors, vocabulary: "overridable factor", required: true, code: "override.unknown-factor")
            let value = reader.number(fields, "value", in: item, path: path, required: true, bound: valueBound(factor ?? ""))
            let uncertainty = reader.number(fields, "uncertaintyPercent", in: item, path: path, bound: Bounds.percent)
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
                        guard let id = entry.string else {
                            reader.mismatch(entry, path: "\(path).appliesTo[\(offset)]", expected: "a row id")
                            continue
                        }
                        if rowIDs[id] == nil {
                            reader.report(
                                "override.unknown-row", "override applies to row '\(id)', which the file does not have", at: entry.position,
                                path: "\(path).appliesTo[\(offset)]", expected: "an id of a row", found: "'\(id)'",
                                suggestion: Suggestions.closest(to: id, among: rowIDs.sortedKeys).map { "did you mean '\($0)'?" })
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

    /// Holder-reported indicator values; with a catalogue, every key must be one of its inputs and
    /// every value of the input's kind.
    static func indicators(_ node: JSONNode, reader: inout DocumentReader, catalogue: IndicatorCatalogue?) -> [String: IndicatorValue] {
        guard let members = node.members else {
            reader.mismatch(node, path: "indicators", expected: "an object of indicator values")
            return [:]
        }
        let inputs = catalogue?.inputKeys
        var values: [String: IndicatorValue] = [:]
        var seen: [String: JSONPosition] = [:]
        for member in members {
            let path = "indicators.\(member.key)"
            // Every other object is read through `DocumentReader.object`, which refuses repeats; this one is open-ended.
            if let earlier = seen.updateValue(member.keyPosition, forKey: member.key) {
                seen[member.key] = earlier
                reader.report(
                    "key.duplicate", "key '\(member.key)' appears twice in the same object (first at line \(earlier.line))",
                    at: member.keyPosition, path: path, expected: "each key once", found: "a second '\(member.key)'")
                continue
            }
            let value: IndicatorValue
            switch member.value.value {
            case .number:
                // The reader's checks: finite, not underflowing, within the ceiling of every number.
                guard let number = reader.number(member.value, path: path) else { continue }
                value = .number(number)
            case .string(let text): value = .text(text)
            case .bool(let flag): value = .flag(flag)
            default:
                reader.mismatch(member.value, path: path, expected: "a finite number, a string or a boolean")
                continue
            }
            guard let inputs else {
                values[member.key] = value
                continue
            }
            guard let entry = inputs[member.key] else {
                let known = inputs.keys.sorted()
                reader.report(
                    "indicator.unknown", "'\(member.key)' is not a key of the indicator catalogue (Indicators/catalogue/indicators.json)",
                    at: member.keyPosition, path: path, expected: "one of " + known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : ""),
                    found: "'\(member.key)'", suggestion: Suggestions.closest(to: member.key, among: known).map { "did you mean '\($0)'?" })
                continue
            }
            if let problem = mismatch(value, entry.input) {
                reader.report(
                    "indicator.value", "'\(member.key)' (indicator \(entry.indicator)) needs \(problem)", at: member.value.position, path: path,
                    expected: problem, found: member.value.number?.literal ?? describe(value))
                continue
            }
            values[member.key] = value
        }
        return values
    }

    private static func describe(_ value: IndicatorValue) -> String {
        switch value {
        case .number(let number): String(number)
        case .text(let text): "\"\(text)\""
        case .flag(let flag): String(flag)
        }
    }

    /// What is wrong with a reported value for its catalogue input, or nil.
    private static func mismatch(_ value: IndicatorValue, _ input: IndicatorInput) -> String? {
        switch (input.kind, value) {
        case (.number, .number(let number)):
            if let minimum = input.minimum, number < minimum { return "a number ≥ \(minimum)\(input.unit.isEmpty ? "" : " (\(input.unit))")" }
            if let maximum = input.maximum, number > maximum { return "a number ≤ \(maximum)\(input.unit.isEmpty ? "" : " (\(input.unit))")" }
            return nil
        case (.number, _): return "a number\(input.unit.isEmpty ? "" : " (\(input.unit))")"
        case (.text, .text): return nil
        case (.text, _): return "a string"
        case (.boolean, .flag): return nil
        case (.boolean, _): return "true or false"
        case (.choice, .text(let text)) where input.choices.contains(text): return nil
        case (.choice, _): return "one of " + input.choices.joined(separator: ", ")
        case (.evidence, .flag(true)): return nil
        case (.evidence, .text(let text)) where !text.trimmingCharacters().isEmpty: return nil
        case (.evidence, _): return "evidence: true, or a reference (document, page, note)"
        }
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
