import PerMille
import PerMilleJSON

/// Reads Tier 2 overrides (each with a citation) and reported indicators.
enum OverridesReader {
    /// Factor names an override may replace, with what they stand for: these, and four per manure
    /// system of `livestock-manure-system-shares` (`knownFactors(manureSystems:)`).
    static let fixedFactors: [String: String] = [
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
        "electricity-grid-factor": "grid emission factor, t CO2/MWh",
        "ef1": "EF1, direct N2O-N per N applied, kg N2O-N/kg N", "ef1fr": "EF1FR for flooded rice, kg N2O-N/kg N",
        "ef3prp": "EF3PRP for pasture, range and paddock, kg N2O-N/kg N", "ef4": "EF4, N2O-N per N volatilised, kg N2O-N/kg N",
        "ef5": "EF5, N2O-N per N leached, kg N2O-N/kg N", "frac-gasf": "FracGASF, share of synthetic N volatilised",
        "frac-gasm": "FracGASM, share of organic N volatilised", "frac-leach": "FracLEACH, share of N leached",
        "rice-baseline-ef": "rice baseline CH4 EF, kg CH4/ha/day", "rice-cultivation-days": "rice cultivation period, days",
        "rice-paddy-yield": "default paddy yield, t/ha", "sf-w": "rice water-regime scaling factor SF_w",
        "sf-p": "rice pre-season scaling factor SF_p", "cfoa": "conversion factor of an organic amendment CFOA",
        "rice-amendment-exponent": "exponent of SF_o",
        "dry-matter-fraction": "dry-matter fraction of the harvested yield", "residue-slope": "above-ground residue slope",
        "residue-intercept": "above-ground residue intercept, t dm/ha", "root-to-shoot-ratio": "R_BG of crop residues",
        "n-content-above-ground-residue": "N_AG, kg N/kg dm", "n-content-below-ground-residue": "N_BG, kg N/kg dm",
        "residue-cf": "combustion factor of crop residues", "residue-gef-ch4": "residue burning CH4 EF, g/kg dm",
        "residue-gef-n2o": "residue burning N2O EF, g/kg dm",
        "application-ef": "lime or urea carbon, t C/t", "manufacture-ef": "manufacture and transport, t CO2e per unit",
        "urea-n-content": "N content of urea, t N/t", "fuel-co2-ef": "fuel CO2, t per unit", "fuel-ch4-ef": "fuel CH4, t per unit",
        "fuel-n2o-ef": "fuel N2O, t per unit",
        "enteric-ch4-ef": "enteric CH4 EF, kg CH4/head/yr", "typical-animal-mass": "typical animal mass, kg",
        "vs-excretion-rate": "VS excretion, kg VS/1000 kg mass/day", "n-excretion-rate": "N excretion, kg N/1000 kg mass/day",
        "ef4-manure": "EF4 for volatilised manure N, kg N2O-N/kg N",
    ]

    /// Every factor name an override may replace, given the manure systems of the tables in use.
    static func knownFactors(manureSystems: [String]) -> [String: String] {
        var factors = fixedFactors
        for system in manureSystems {
            factors["manure-ch4-ef-\(system)"] = "manure CH4 EF of \(system), g CH4/kg VS"
            factors["manure-ef3-\(system)"] = "EF3 of \(system), kg N2O-N/kg N"
            factors["manure-frac-gas-\(system)"] = "share of managed N volatilised in \(system)"
            factors["manure-frac-leach-\(system)"] = "share of managed N leached in \(system)"
        }
        return factors
    }

    /// The range an override of `factor` must lie in: shares and N2O-N per N are fractions, days
    /// fit in a year, the CO2 of rewetted peat and the residue intercept may be negative (the
    /// tables hold negative values of both), and every other factor is a positive rate or stock.
    static func valueBound(_ factor: String) -> Bound {
        let fractions: Set<String> = [
            "carbon-fraction", "dry-matter-fraction", "grassland-cf", "residue-cf", "frac-gasf", "frac-gasm", "frac-leach",
            "ef1", "ef1fr", "ef1-som", "ef3prp", "ef4", "ef5", "ef4-manure", "urea-n-content",
            "n-content-above-ground-residue", "n-content-below-ground-residue",
        ]
        if fractions.contains(factor) || factor.hasPrefix("manure-ef3-") || factor.hasPrefix("manure-frac-") {
            return Bound(minimum: 0, maximum: 1, unit: "", why: "a share of a quantity lies between 0 and 1")
        }
        switch factor {
        case "rice-cultivation-days": return Bound(minimum: 1, maximum: 365, unit: "days", why: "a season fits in a year")
        case "organic-rewetted-co2", "residue-intercept":
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
            let factor = reader.choice(fields, "factor", in: item, path: path, allowed: vocabulary.overridableFactors, vocabulary: "overridable factor", required: true, code: "override.unknown-factor")
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
                        guard let id = entry.string else { reader.mismatch(entry, path: "\(path).appliesTo[\(offset)]", expected: "a row id"); continue }
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
