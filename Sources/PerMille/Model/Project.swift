/// A validated project: description, rows per module, Tier 2 overrides and reported indicators.
///
/// Readers build it (from JSON or XML) after collecting every diagnostic; the core assumes it is valid.
public struct Project: Sendable {
    public var format: String
    public var description: ProjectDescription
    /// The rows of every module; each module's own accessor (`grassland`) is declared with its row type.
    public var rows: ModuleRowLists
    public var overrides: [FactorOverride]
    public var indicators: [String: IndicatorValue]

    /// A project of `rows`, of any modules, grouped by module in the order given.
    public init(
        format: String = "permille/1", description: ProjectDescription, rows: [any ProjectRow] = [],
        overrides: [FactorOverride] = [], indicators: [String: IndicatorValue] = [:]
    ) {
        self.format = format
        self.description = description
        self.rows = ModuleRowLists(rows)
        self.overrides = overrides
        self.indicators = indicators
    }

    /// The rows of the module whose row type is `Row`.
    public func rows<Row: ProjectRow>(_ type: Row.Type) -> [Row] { rows[type] }

    /// Number of rows over all modules.
    public var rowCount: Int {
        ModuleKind.allCases.reduce(0) { $0 + rows.count(of: $1) }
    }

    /// Number of rows of one module.
    public func rowCount(of module: ModuleKind) -> Int { rows.count(of: module) }
}

/// Who, where, when and how the project is counted.
public struct ProjectDescription: Sendable {
    public var name: String
    public var holder: String?
    /// Country key of `country-regions.csv` (an ISO alpha-3 code is resolved by the reader).
    public var country: String?
    /// One of the 16 EX-ACT regions; defaults to the country's.
    public var region: String?
    public var startYear: Int
    public var implementationYears: Int
    public var capitalizationYears: Int
    public var climate: ClimateInput
    public var soil: SoilInput
    public var gwp: GWPSet
    public var factorSet: FactorSetChoice
    public var method: Method
    public var dynamics: DynamicsKind
    public var budget: Budget?

    public init(
        name: String, holder: String? = nil, country: String? = nil, region: String? = nil,
        startYear: Int, implementationYears: Int, capitalizationYears: Int,
        climate: ClimateInput, soil: SoilInput, gwp: GWPSet = .ar5,
        factorSet: FactorSetChoice = .ipcc2019, method: Method = .ipcc,
        dynamics: DynamicsKind = .linear, budget: Budget? = nil
    ) {
        self.name = name
        self.holder = holder
        self.country = country
        self.region = region
        self.startYear = startYear
        self.implementationYears = implementationYears
        self.capitalizationYears = capitalizationYears
        self.climate = climate
        self.soil = soil
        self.gwp = gwp
        self.factorSet = factorSet
        self.method = method
        self.dynamics = dynamics
        self.budget = budget
    }

    /// T = implementation + capitalization years.
    public var totalYears: Int { implementationYears + capitalizationYears }
}

/// The climate as a zone key, or as measurements from which the zone is derived (method.md §2.2).
public enum ClimateInput: Sendable, Hashable {
    case zone(ClimateZone)
    case measured(MeasuredClimate)
}

/// Site climate measurements.
public struct MeasuredClimate: Sendable, Hashable {
    public var meanAnnualTemperatureC: Double
    public var annualPrecipitationMm: Double
    public var potentialEvapotranspirationMm: Double
    public var elevationM: Double

    public init(
        meanAnnualTemperatureC: Double, annualPrecipitationMm: Double,
        potentialEvapotranspirationMm: Double, elevationM: Double
    ) {
        self.meanAnnualTemperatureC = meanAnnualTemperatureC
        self.annualPrecipitationMm = annualPrecipitationMm
        self.potentialEvapotranspirationMm = potentialEvapotranspirationMm
        self.elevationM = elevationM
    }
}

/// The soil as an IPCC class key or as a WRB 2014 reference soil group (method.md §2.3).
public enum SoilInput: Sendable, Hashable {
    case soilClass(SoilClass)
    case wrb(String)
}

/// Project budget, for cost-effectiveness indicators.
public struct Budget: Sendable, Hashable {
    public var amount: Double
    public var currency: String
    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// A Tier 2 factor value with its citation (project-format.md, overrides).
public struct FactorOverride: Sendable, Hashable {
    public var factor: String
    public var value: Double
    public var uncertaintyPercent: Double?
    /// Row ids this override applies to; empty means the whole project.
    public var appliesTo: [String]
    public var source: String

    public init(factor: String, value: Double, uncertaintyPercent: Double? = nil, appliesTo: [String] = [], source: String) {
        self.factor = factor
        self.value = value
        self.uncertaintyPercent = uncertaintyPercent
        self.appliesTo = appliesTo
        self.source = source
    }

    public func applies(to rowID: String) -> Bool { appliesTo.isEmpty || appliesTo.contains(rowID) }
}

/// A holder-reported co-benefit value.
public enum IndicatorValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case flag(Bool)
}

/// Dynamics of change chosen per scenario for a row.
public struct RowDynamics: Sendable, Hashable {
    public var without: DynamicsKind
    public var with: DynamicsKind

    public init(without: DynamicsKind, with: DynamicsKind) {
        self.without = without
        self.with = with
    }

    public init(_ both: DynamicsKind) { self.init(without: both, with: both) }

    public subscript(outcome: Outcome) -> DynamicsKind { outcome == .without ? without : with }
}
