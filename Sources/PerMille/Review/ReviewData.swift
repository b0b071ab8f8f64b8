/// What the STC reads beside the numbers, as data (`Indicators/catalogue/`, `Indicators/practices/`):
/// the indicator catalogue, the reference criteria and the practice descriptive sheets.
public struct ReviewData: Sendable {
    public var catalogue: IndicatorCatalogue
    public var criteria: CriteriaSet
    public var practices: [PracticeSheet]
    /// `sha256:` digests of the documents, by file name, for results a reviewer can rerun.
    public var digests: [String: String]

    public init(catalogue: IndicatorCatalogue, criteria: CriteriaSet, practices: [PracticeSheet], digests: [String: String]) {
        self.catalogue = catalogue
        self.criteria = criteria
        self.practices = practices
        self.digests = digests
    }
}

/// The indicator catalogue (indicators.md §3).
public struct IndicatorCatalogue: Sendable {
    public var indicators: [IndicatorDefinition]

    public init(indicators: [IndicatorDefinition]) { self.indicators = indicators }

    /// Every key a project file's `indicators` section may use, with the indicator that defines it.
    public var inputKeys: [String: (indicator: String, input: IndicatorInput)] {
        var keys: [String: (indicator: String, input: IndicatorInput)] = [:]
        for indicator in indicators {
            for input in indicator.inputs { keys[input.key] = (indicator.id, input) }
        }
        return keys
    }

    public func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
}

public struct IndicatorDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case computed, reported, checklist, derived
    }

    public var id: String
    public var name: String
    public var unit: String
    public var kind: Kind
    /// How it is obtained, in words (method, formula or evidence).
    public var how: String
    /// Criteria ids it serves (`2.2`) and SDG targets or goals (`15.3.1`, `13`).
    public var criteria: [String]
    public var sdgs: [String]
    /// For computed indicators: the value keys the engine produces (`permille-additional`, …).
    public var values: [String]
    /// For reported and checklist indicators: the keys a project file gives.
    public var inputs: [IndicatorInput]

    public init(
        id: String, name: String, unit: String, kind: Kind, how: String, criteria: [String], sdgs: [String],
        values: [String] = [], inputs: [IndicatorInput] = []
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.how = how
        self.criteria = criteria
        self.sdgs = sdgs
        self.values = values
        self.inputs = inputs
    }
}

/// One key of a project file's `indicators` section.
public struct IndicatorInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A number within optional bounds.
        case number
        /// Free text.
        case text
        case boolean
        /// One of `choices`.
        case choice
        /// Evidence of a checklist item: `true`, or a reference (document, page, note) as text.
        case evidence
    }

    public var key: String
    public var kind: Kind
    public var unit: String
    public var help: String
    public var minimum: Double?
    public var maximum: Double?
    public var choices: [String]

    public init(key: String, kind: Kind, unit: String = "", help: String = "", minimum: Double? = nil, maximum: Double? = nil, choices: [String] = []) {
        self.key = key
        self.kind = kind
        self.unit = unit
        self.help = help
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices
    }
}

/// The STC's reference criteria (indicators.md §1), each with the rule that sets its status.
public struct CriteriaSet: Sendable {
    public var source: String
    public var criteria: [Criterion]

    public init(source: String, criteria: [Criterion]) {
        self.source = source
        self.criteria = criteria
    }
}

public struct Criterion: Sendable, Hashable {
    public var id: String
    public var step: Int
    /// `safeguards`, `direct`, `indirect`, `enabling`, …
    public var type: String
    public var name: String
    /// The criterion in our words.
    public var wording: String
    /// True where the STC's wording was not retrievable (indicators.md §1): shipped for correction.
    public var provisional: Bool
    public var sdgs: [String]
    /// Indicator ids whose values decide it.
    public var indicators: [String]
    public var rule: CriterionRule

    public init(
        id: String, step: Int, type: String, name: String, wording: String, provisional: Bool, sdgs: [String],
        indicators: [String], rule: CriterionRule
    ) {
        self.id = id
        self.step = step
        self.type = type
        self.name = name
        self.wording = wording
        self.provisional = provisional
        self.sdgs = sdgs
        self.indicators = indicators
        self.rule = rule
    }
}

/// How a criterion's status follows from indicator values: not applicable unless every `appliesIf`
/// condition holds; `met` when every `met` condition holds; `partly-met` when every `partlyMet`
/// condition holds (and the list is not empty); otherwise `not-met`. A condition whose value is
/// absent makes the status `insufficient-evidence`.
public struct CriterionRule: Sendable, Hashable {
    public var appliesIf: [Condition]
    public var met: [Condition]
    public var partlyMet: [Condition]

    public init(appliesIf: [Condition] = [], met: [Condition], partlyMet: [Condition] = []) {
        self.appliesIf = appliesIf
        self.met = met
        self.partlyMet = partlyMet
    }
}

/// `value op than`, on a computed value key or a project-file indicator key.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case greater = ">"
        case greaterOrEqual = ">="
        case less = "<"
        case lessOrEqual = "<="
        case equal = "=="
        case notEqual = "!="
        /// The value is given (evidence exists); `than` is unused.
        case present
    }

    public var value: String
    public var op: Operator
    public var than: IndicatorValue?

    public init(value: String, op: Operator, than: IndicatorValue? = nil) {
        self.value = value
        self.op = op
        self.than = than
    }

    public var description: String {
        switch op {
        case .present: "\(value) given"
        default: "\(value) \(op.rawValue) \(than.map(Self.text) ?? "?")"
        }
    }

    static func text(_ value: IndicatorValue) -> String {
        switch value {
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .text(let text): "\"\(text)\""
        case .flag(let flag): String(flag)
        }
    }
}

/// A standardized practice descriptive sheet (indicators.md §4).
public struct PracticeSheet: Sendable, Hashable {
    public var key: String
    public var name: String
    public var description: String
    /// Why it changes soil carbon.
    public var mechanism: String
    public var climates: [String]
    public var soils: [String]
    /// Factor-table rows the practice moves; values are read from the tables, never retyped.
    public var factors: [FactorLink]
    /// Expected ΔSOC range, t C/ha/yr, with its source; nil where no sourced range is known.
    public var expectedChange: ExpectedChange?
    public var coEffects: [String: String]
    public var costsAndBarriers: String
    public var references: [String]
    /// Which row states use the practice (module, state field, value).
    public var appliesTo: [PracticeMatch]

    public init(
        key: String, name: String, description: String, mechanism: String, climates: [String], soils: [String],
        factors: [FactorLink], expectedChange: ExpectedChange?, coEffects: [String: String], costsAndBarriers: String,
        references: [String], appliesTo: [PracticeMatch]
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.mechanism = mechanism
        self.climates = climates
        self.soils = soils
        self.factors = factors
        self.expectedChange = expectedChange
        self.coEffects = coEffects
        self.costsAndBarriers = costsAndBarriers
        self.references = references
        self.appliesTo = appliesTo
    }
}

/// A factor-table row, or a family of rows (all climate zones), that a practice moves.
public struct FactorLink: Sendable, Hashable {
    public var label: String
    public var table: String
    /// Key columns fixed by the link; the others (typically `climate_zone`) range over the table.
    public var key: [String: String]

    public init(label: String, table: String, key: [String: String]) {
        self.label = label
        self.table = table
        self.key = key
    }
}

public struct ExpectedChange: Sendable, Hashable {
    public var low: Double
    public var high: Double
    public var unit: String
    public var source: String

    public init(low: Double, high: Double, unit: String, source: String) {
        self.low = low
        self.high = high
        self.unit = unit
        self.source = source
    }
}

/// `module`'s rows whose with-state has `field` = `value` (e.g. annualCrops / tillage / no-till).
public struct PracticeMatch: Sendable, Hashable {
    public var module: ModuleKind
    public var field: String
    public var value: String

    public init(module: ModuleKind, field: String, value: String) {
        self.module = module
        self.field = field
        self.value = value
    }
}
