/// Criterion statuses from indicator values (indicators.md §1): rules are data, no score is invented.
enum Scorecard {
    static func evaluate(_ criteria: CriteriaSet, values: [String: IndicatorValue]) -> [CriterionStatus] {
        criteria.criteria.map { criterion in
            let rule = criterion.rule
            var reasons: [String] = []
            var keys: [String] = []
            var checks: [ConditionCheck] = []
            /// false when any condition fails, nil when none fails but some value is missing, true otherwise.
            func check(_ conditions: [Condition], applicability: Bool = false) -> Bool? {
                var unknown = false
                var failed = false
                for condition in conditions {
                    if !keys.contains(condition.value) { keys.append(condition.value) }
                    let value = values[condition.value]
                    let holds = Self.holds(condition, value)
                    // A condition met and partly-met rules share (`households > 0`) is reported once.
                    if !checks.contains(where: { $0.condition == condition }) {
                        reasons.append("\(condition): \(value.map(Condition.text) ?? "no value") → \(holds.map { $0 ? "yes" : "no" } ?? "unknown")")
                        checks.append(ConditionCheck(condition: condition, value: value, holds: holds, applicability: applicability))
                    }
                    if holds == false { failed = true } else if holds == nil { unknown = true }
                }
                return failed ? false : unknown ? nil : true
            }
            var status: CriterionStatus.Status
            switch check(rule.appliesIf, applicability: true) {
            case .some(false):
                status = .notApplicable
            case nil:
                status = .insufficientEvidence
            case .some(true):
                let met = check(rule.met)
                if met == true {
                    status = .met
                } else if rule.partlyMet.isEmpty {
                    status = met == false ? .notMet : .insufficientEvidence
                } else {
                    // A partly-met rule that holds says so even when a met value is missing.
                    switch (met, check(rule.partlyMet)) {
                    case (_, true): status = .partlyMet
                    case (false, false): status = .notMet
                    default: status = .insufficientEvidence
                    }
                }
            }
            // Evidence nobody gave is not evidence against: a rule that asks for evidence items and
            // finds none of them cannot say "not met".
            let evidenceKeys = (rule.met + rule.partlyMet).filter { $0.op == .present }.map(\.value)
            if status == .notMet, !evidenceKeys.isEmpty, evidenceKeys.allSatisfy({ values[$0] == nil }) {
                status = .insufficientEvidence
                reasons.append("none of the evidence items is given")
            }
            let evidence = keys.compactMap { key in values[key].map { (key: key, value: $0) } }
            return CriterionStatus(criterion: criterion, status: status, reasons: reasons, evidence: evidence, checks: checks)
        }
    }

    /// nil when the value is missing (the status is then insufficient evidence), except for `present`.
    static func holds(_ condition: Condition, _ value: IndicatorValue?) -> Bool? {
        if condition.op == .present {
            guard let value else { return false }
            if case .flag(let flag) = value { return flag }
            if case .text(let text) = value { return !text.isEmpty }
            return true
        }
        guard let value, let than = condition.than else { return nil }
        switch (value, than) {
        case (.number(let a), .number(let b)):
            switch condition.op {
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .equal: return a == b
            case .notEqual: return a != b
            case .present: return true
            }
        case (.flag(let a), .flag(let b)):
            return condition.op == .equal ? a == b : condition.op == .notEqual ? a != b : nil
        case (.text(let a), .text(let b)):
            return condition.op == .equal ? a == b : condition.op == .notEqual ? a != b : nil
        default:
            return nil
        }
    }
}

extension CriteriaSet {
    /// Each criterion's status for a set of indicator values (computed and reported).
    public func statuses(for values: [String: IndicatorValue]) -> [CriterionStatus] {
        Scorecard.evaluate(self, values: values)
    }
}
