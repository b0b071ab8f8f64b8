/// What the STC, reviewers and donors read beside the balance: per-mille rates, indicator values,
/// the criteria scorecard and the practice sheets of the practices a project uses.
public struct ProjectReview: Sendable {
    public var perMille: PerMilleReport
    /// Every computed value key (`permille-additional`, …) and every reported key of the project file.
    public var values: [String: IndicatorValue]
    /// Catalogue order: each indicator with the values it has and those it lacks.
    public var indicators: [IndicatorResult]
    public var scorecard: [CriterionStatus]
    public var practices: [PracticeUse]
    /// Units of the computed value keys (reported keys take their catalogue unit).
    public var units: [String: String]
    /// Why a computed value is absent (no budget, no yields, no soil rows, …).
    public var notes: [String]
    /// The site's country, region, climate zone and soil class in words, for every human-facing output.
    public var place: PlaceNames?

    public init(
        perMille: PerMilleReport, values: [String: IndicatorValue], indicators: [IndicatorResult], scorecard: [CriterionStatus],
        practices: [PracticeUse], units: [String: String], notes: [String], place: PlaceNames? = nil
    ) {
        self.place = place
        self.perMille = perMille
        self.values = values
        self.indicators = indicators
        self.scorecard = scorecard
        self.practices = practices
        self.units = units
        self.notes = notes
    }
}

/// Per-mille figures of a row, a module or the project (indicators.md §2).
public struct PerMilleFigures: Sendable, Hashable {
    /// Initial stock SOC0, t C/ha (0–30 cm), area-weighted.
    public var socInitial: Double
    /// Hectares the stock is weighted over.
    public var area: Double
    /// Mean annual SOC change, t C/ha/yr, per scenario (from the soil CO2 of the assessment).
    public var change: OutcomePair<Double>
    /// Linear rate ((SOC_T − SOC0) / T) / SOC0 × 1000, ‰/yr, per scenario.
    public var rate: OutcomePair<Double>
    /// Compound rate ((SOC_T / SOC0)^(1/T) − 1) × 1000, ‰/yr, per scenario.
    public var compoundRate: OutcomePair<Double>
    /// Additional rate (with − without), ‰/yr: the project's effect.
    public var additionalRate: Double
    /// Additional rate ÷ 4 ‰.
    public var attainment: Double
    /// The SOC change 4 ‰ would need: 0.004 × SOC0, t C/ha/yr.
    public var needed: Double

    public var additionalChange: Double { change.with - change.without }

    public init(
        socInitial: Double, area: Double, change: OutcomePair<Double>, rate: OutcomePair<Double>, compoundRate: OutcomePair<Double>,
        additionalRate: Double, attainment: Double, needed: Double
    ) {
        self.socInitial = socInitial
        self.area = area
        self.change = change
        self.rate = rate
        self.compoundRate = compoundRate
        self.additionalRate = additionalRate
        self.attainment = attainment
        self.needed = needed
    }
}

public struct PerMilleReport: Sendable {
    public var rows: [(id: String, module: ModuleKind, figures: PerMilleFigures)]
    public var modules: [(module: ModuleKind, figures: PerMilleFigures)]
    /// nil when no row has mineral soil.
    public var project: PerMilleFigures?
    /// Years T the rates are averaged over.
    public var years: Int
    public var depth: String

    public init(
        rows: [(id: String, module: ModuleKind, figures: PerMilleFigures)], modules: [(module: ModuleKind, figures: PerMilleFigures)], project: PerMilleFigures?, years: Int,
        depth: String = "0–30 cm"
    ) {
        self.rows = rows
        self.modules = modules
        self.project = project
        self.years = years
        self.depth = depth
    }
}

/// One catalogue indicator in a project's review.
public struct IndicatorResult: Sendable {
    public var definition: IndicatorDefinition
    /// (key, value, unit) of each value the indicator has in this project.
    public var values: [(key: String, value: IndicatorValue, unit: String)]
    /// Keys with no value (not reported, or not computable here).
    public var missing: [String]

    public init(definition: IndicatorDefinition, values: [(key: String, value: IndicatorValue, unit: String)], missing: [String]) {
        self.definition = definition
        self.values = values
        self.missing = missing
    }
}

/// A criterion's status and what decided it. No score: the STC's outcome is a report (indicators.md §1).
public struct CriterionStatus: Sendable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case met = "met"
        case partlyMet = "partly-met"
        case notMet = "not-met"
        case notApplicable = "not-applicable"
        case insufficientEvidence = "insufficient-evidence"
    }

    public var criterion: Criterion
    public var status: Status
    /// Each condition checked, with the value it found (`soc-change-additional > 0: 0.31`).
    public var reasons: [String]
    /// The values behind it (computed and reported), by key.
    public var evidence: [(key: String, value: IndicatorValue)]
    /// Each condition once, with its value and outcome: what a report puts in words.
    public var checks: [ConditionCheck]

    public init(
        criterion: Criterion, status: Status, reasons: [String], evidence: [(key: String, value: IndicatorValue)], checks: [ConditionCheck] = []
    ) {
        self.criterion = criterion
        self.status = status
        self.reasons = reasons
        self.evidence = evidence
        self.checks = checks
    }
}

/// One condition of a criterion's rule as the scorecard found it.
public struct ConditionCheck: Sendable, Hashable {
    public var condition: Condition
    /// nil when the project neither gives nor lets permille compute the value.
    public var value: IndicatorValue?
    /// nil when the value is missing (or of another kind than the rule's).
    public var holds: Bool?
    /// A condition of `appliesIf` (whether the criterion applies), not of met or partly met.
    public var applicability: Bool

    public init(condition: Condition, value: IndicatorValue?, holds: Bool?, applicability: Bool) {
        self.condition = condition
        self.value = value
        self.holds = holds
        self.applicability = applicability
    }
}

/// A practice sheet as a project uses it: rows, hectares and the factor values at the project's site.
public struct PracticeUse: Sendable {
    public var sheet: PracticeSheet
    public var rowIDs: [String]
    /// Hectares in the with-project scenario under the practice.
    public var hectares: Double
    /// Each linked factor with the rows of its table that apply at the site.
    public var factors: [(label: String, factor: Factor)]

    public init(sheet: PracticeSheet, rowIDs: [String], hectares: Double, factors: [(label: String, factor: Factor)]) {
        self.sheet = sheet
        self.rowIDs = rowIDs
        self.hectares = hectares
        self.factors = factors
    }
}
