import PerMille

/// A criterion's "why" as a sentence a reviewer reads: values rounded, with their units, each
/// condition once (`The GHG balance is -274 392 t CO2e, below 0.`), never the raw rule.
enum ScorecardText {
    static func why(_ item: CriterionStatus, units: [String: String]) -> String {
        var parts: [String]
        if item.status == .notApplicable {
            let failing = item.checks.filter { $0.applicability && $0.holds == false }
            parts = ["does not apply: " + failing.map { phrase($0, units: units) }.joined(separator: "; ")]
        } else {
            parts = item.checks.filter { !$0.applicability }.map { phrase($0, units: units) }
        }
        // Two bounds on one missing value (`>= 0.9`, `>= 0.5`) are one "is not given".
        var seen: Set<String> = []
        parts = parts.filter { seen.insert($0).inserted }
        var sentence = parts.joined(separator: "; ").capitalizedFirst
        if !sentence.isEmpty { sentence += "." }
        if item.status == .insufficientEvidence, item.checks.contains(where: { $0.value == nil && !$0.applicability }) {
            sentence += " Missing evidence is not counted against the project."
        }
        return sentence.trimmingPrefixSpace
    }

    /// `households is 0, not above 0`, `grievance mechanism is not given`.
    static func phrase(_ check: ConditionCheck, units: [String: String]) -> String {
        let condition = check.condition
        let name = label(condition.value)
        guard let value = check.value else { return "\(name) is not given" }
        if condition.op == .present { return check.holds == true ? "\(name) is given" : "\(name) is not given" }
        let unit = units[condition.value].map { $0.isEmpty ? "" : " " + $0 } ?? ""
        var text = "\(name) is \(self.value(value))\(unit)"
        guard let than = condition.than else { return text }
        let comparison: String =
            switch condition.op {
            case .greater: "above"
            case .greaterOrEqual: "at least"
            case .less: "below"
            case .lessOrEqual: "at most"
            case .equal: "equal to"
            case .notEqual: "other than"
            case .present: "given"
            }
        switch check.holds {
        case true?: text += ", \(comparison) \(self.value(than))"
        case false?: text += ", not \(comparison) \(self.value(than))"
        case nil: text += " (the rule asks for \(comparison) \(self.value(than)))"
        }
        return text
    }

    /// A value rounded for reading: three significant figures below 100, whole numbers above, grouped by thousands.
    static func value(_ value: IndicatorValue) -> String {
        switch value {
        case .number(let number):
            let size = abs(number)
            let decimals = size >= 100 || number == number.rounded() ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3
            var text = ReportText.number(number, decimals: decimals)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        case .text(let text): return "\u{201C}\(text)\u{201D}"
        case .flag(let flag): return flag ? "yes" : "no"
        }
    }

    static let acronyms = ["ghg": "GHG", "soc": "SOC", "co2e": "CO2e", "co2": "CO2", "n2o": "N2O", "ch4": "CH4", "sdg": "SDG", "permille": "per-mille"]

    /// A value key in words: `ghg-balance` → GHG balance, `freePriorInformedConsent` → free prior informed consent.
    static func label(_ key: String) -> String {
        var words: [String] = []
        var current = ""
        for character in key {
            if character == "-" || character == "_" {
                words.append(current)
                current = ""
            } else if character.isUppercase, !current.isEmpty {
                words.append(current)
                current = String(character).lowercased()
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words.filter { !$0.isEmpty }.map { acronyms[$0] ?? $0 }.joined(separator: " ")
    }
}

extension String {
    fileprivate var trimmingPrefixSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}
