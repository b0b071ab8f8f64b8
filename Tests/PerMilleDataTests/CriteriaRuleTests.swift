import PerMille
import PerMilleData
import Testing

/// Every rule of the bundled criteria file, driven to each of its outcomes.
@Suite("Bundled criteria rules")
struct CriteriaRuleTests {
    static let review: ReviewData = {
        do { return try ReviewDataLoader.load() } catch { fatalError("review data does not load: \(error)") }
    }()

    /// A value that makes the condition hold.
    static func satisfying(_ condition: Condition) -> IndicatorValue {
        switch (condition.op, condition.than) {
        case (.present, _): return .text("Annex 1, p. 3")
        case (.greater, .number(let than)?): return .number(than + 1)
        case (.less, .number(let than)?): return .number(than - 1)
        case (.greaterOrEqual, .number(let than)?), (.lessOrEqual, .number(let than)?), (.equal, .number(let than)?): return .number(than)
        case (.notEqual, .number(let than)?): return .number(than + 1)
        case (.equal, let than?): return than
        case (.notEqual, .text(let than)?): return .text(than == "soil-sampling" ? "remote-sensing" : "soil-sampling")
        case (.notEqual, .flag(let than)?): return .flag(!than)
        default: return .text("?")
        }
    }

    /// A value that breaks the condition while staying as close to it as possible (a `>` boundary still meets `>=`).
    static func violating(_ condition: Condition) -> IndicatorValue? {
        switch (condition.op, condition.than) {
        case (.present, _): return nil
        case (.greater, .number(let than)?), (.less, .number(let than)?): return .number(than)
        case (.greaterOrEqual, .number(let than)?): return .number(than - 1)
        case (.lessOrEqual, .number(let than)?): return .number(than + 1)
        case (.equal, .number(let than)?): return .number(than + 1)
        case (.notEqual, let than?): return than
        default: return .text("?")
        }
    }

    @Test("13 criteria: the five known ones final, the others provisional")
    func provisionalMarks() {
        let criteria = Self.review.criteria.criteria
        #expect(criteria.count == 13)
        #expect(criteria.filter { !$0.provisional }.map(\.id) == ["1.1", "1.2", "1.3", "2.1", "2.2"])
    }

    @Test("values meeting every condition give met", arguments: Self.review.criteria.criteria.map(\.id))
    func met(id: String) throws {
        let criterion = try #require(Self.review.criteria.criteria.first { $0.id == id })
        var values: [String: IndicatorValue] = [:]
        for condition in criterion.rule.appliesIf + criterion.rule.met { values[condition.value] = Self.satisfying(condition) }
        let status = CriteriaSet(source: "", criteria: [criterion]).statuses(for: values).first
        #expect(status?.status == .met, "\(status?.reasons ?? [])")
    }

    @Test("breaking a met-only condition while partly-met holds gives partly met", arguments: Self.review.criteria.criteria.filter { !$0.rule.partlyMet.isEmpty }.map(\.id))
    func partlyMet(id: String) throws {
        let criterion = try #require(Self.review.criteria.criteria.first { $0.id == id })
        var values: [String: IndicatorValue] = [:]
        for condition in criterion.rule.appliesIf + criterion.rule.partlyMet { values[condition.value] = Self.satisfying(condition) }
        let partlyKeys = Set(criterion.rule.partlyMet.map(\.value))
        // Break one met condition on a key partly-met does not test; where partly-met tests every key
        // (a weaker bound on the same value), its own boundary value already breaks the met bound.
        if let target = criterion.rule.met.first(where: { !partlyKeys.contains($0.value) }) {
            for condition in criterion.rule.met where condition.value != target.value && values[condition.value] == nil {
                values[condition.value] = Self.satisfying(condition)
            }
            values[target.value] = Self.violating(target)
        }
        let status = CriteriaSet(source: "", criteria: [criterion]).statuses(for: values).first
        #expect(status?.status == .partlyMet, "\(status?.reasons ?? [])")
    }

    @Test("no values at all: insufficient evidence, never not met", arguments: Self.review.criteria.criteria.map(\.id))
    func nothingGiven(id: String) throws {
        let criterion = try #require(Self.review.criteria.criteria.first { $0.id == id })
        let status = try #require(CriteriaSet(source: "", criteria: [criterion]).statuses(for: [:]).first)
        #expect(status.status == .insufficientEvidence, "\(status.reasons)")
    }

    @Test("evidence given but short of the rule: not met, or partly met when partly-met holds")
    func evidenceShort() throws {
        let rights = try #require(Self.review.criteria.criteria.first { $0.id == "1.1" })
        let set = CriteriaSet(source: "", criteria: [rights])
        #expect(set.statuses(for: ["grievanceMechanism": .text("Annex 2")]).first?.status == .notMet)
        #expect(set.statuses(for: ["freePriorInformedConsent": .flag(true)]).first?.status == .partlyMet)
    }

    @Test("a known failure decides whatever else is missing; a partly-met rule that holds is reported as such")
    func missingValues() throws {
        let poverty = try #require(Self.review.criteria.criteria.first { $0.id == "1.3" })
        let set = CriteriaSet(source: "", criteria: [poverty])
        // Households reached, income not reported: partly met (the rule's partly-met condition holds).
        #expect(set.statuses(for: ["households": .number(420)]).first?.status == .partlyMet)
        // No household reached: not met, although income is unknown.
        #expect(set.statuses(for: ["households": .number(0)]).first?.status == .notMet)
    }

    @Test("2.7 water does not apply to a project that applies no N")
    func waterNotApplicable() throws {
        let criterion = try #require(Self.review.criteria.criteria.first { $0.id == "2.7" })
        let status = CriteriaSet(source: "", criteria: [criterion]).statuses(for: ["nitrogen-applied-with": .number(0)]).first
        #expect(status?.status == .notApplicable)
    }
}
