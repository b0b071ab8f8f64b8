/// The three states every row describes: today's, business as usual, and with the project.
public enum Scenario: String, Sendable, CaseIterable, Hashable, Codable {
    case start
    case without
    case with
}

/// The two scenarios that produce emissions over the project's years; the balance is `with − without`.
public enum Outcome: String, Sendable, CaseIterable, Hashable {
    case without
    case with

    /// The row state this outcome ends in.
    public var scenario: Scenario { self == .without ? .without : .with }
}

/// One value per scenario (areas, states, amounts).
public struct Triple<Value: Sendable>: Sendable {
    public var start: Value
    public var without: Value
    public var with: Value

    public init(start: Value, without: Value, with: Value) {
        self.start = start
        self.without = without
        self.with = with
    }

    public subscript(scenario: Scenario) -> Value {
        switch scenario {
        case .start: start
        case .without: without
        case .with: with
        }
    }

    public subscript(outcome: Outcome) -> Value { self[outcome.scenario] }
}

extension Triple: Equatable where Value: Equatable {}
extension Triple: Hashable where Value: Hashable {}

/// One value per outcome, for results (without, with) with the balance derived.
public struct OutcomePair<Value: Sendable>: Sendable {
    public var without: Value
    public var with: Value

    public init(without: Value, with: Value) {
        self.without = without
        self.with = with
    }

    // `_modify` lends the stored value in place: with get/set, `&pair[outcome]` would copy the value
    // out, leave its arrays shared, and make every append to them copy the whole array first.
    public subscript(outcome: Outcome) -> Value {
        get { outcome == .without ? without : with }
        _modify {
            if outcome == .without { yield &without } else { yield &with }
        }
    }
}

extension OutcomePair: Equatable where Value: Equatable {}
extension OutcomePair: Hashable where Value: Hashable {}
