/// An IPCC climate zone with its moisture regime, keyed as in the factor tables (`warm-temperate-dry`).
///
/// Open code list: a new zone in the data needs no code change, so this is a struct, not an enum.
public struct ClimateZone: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let tropicalMontane = ClimateZone(rawValue: "tropical-montane")

    /// Every zone permille v1 accepts (Polar is rejected, method.md §2.2).
    public static let accepted: [ClimateZone] = [
        "boreal-dry", "boreal-moist", "cool-temperate-dry", "cool-temperate-moist",
        "warm-temperate-dry", "warm-temperate-moist", "tropical-dry", "tropical-moist",
        "tropical-wet", "tropical-montane",
    ].map(ClimateZone.init(rawValue:))

    /// The five-class climate used where a table ignores moisture (`boreal`, `cool-temperate`, …).
    public var thermalClass: String {
        if self == .tropicalMontane { return "tropical-montane" }
        for prefix in ["boreal", "cool-temperate", "warm-temperate", "tropical"]
        where rawValue.hasPrefix(prefix + "-") {
            return prefix
        }
        return rawValue
    }

    /// `dry`, `moist` or `wet`; nil for tropical montane, which has no moisture class.
    public var moisture: String? {
        guard self != .tropicalMontane else { return nil }
        return rawValue.split(separator: "-").last.map(String.init)
    }

    public var isTropical: Bool { thermalClass == "tropical" || self == .tropicalMontane }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An IPCC mineral-soil class key (`high-activity-clay`, …) or `organic`.
public struct SoilClass: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let organic = SoilClass(rawValue: "organic")
    public static let accepted: [SoilClass] = [
        "high-activity-clay", "low-activity-clay", "sandy", "spodic", "volcanic", "wetland", "organic",
    ].map(SoilClass.init(rawValue:))

    public var description: String { rawValue }
}

/// How a row's area (or an amount) moves from its start value to its end value.
public enum DynamicsKind: String, Sendable, CaseIterable, Hashable {
    case linear
    case immediate
    case exponential
}

/// Which arithmetic an assessment follows (method.md §0.3).
public enum Method: String, Sendable, CaseIterable, Hashable {
    /// IPCC-complete Tier 1 inside EX-ACT's structure (default).
    case ipcc
    /// EX-ACT v9.4's own arithmetic, shortcuts included, for parity checks.
    case exactV94 = "exact-v9.4"

    public var other: Method { self == .ipcc ? .exactV94 : .ipcc }
}

/// Global-warming-potential set, keyed as in project files.
public enum GWPSet: String, Sendable, CaseIterable, Hashable {
    case sar = "SAR"
    case ar4 = "AR4"
    case ar5 = "AR5"
    case ar5Feedback = "AR5-feedback"
    case ar6 = "AR6"
}

/// Which IPCC generation of default factors to use.
public enum FactorSetChoice: String, Sendable, CaseIterable, Hashable {
    case ipcc2019 = "ipcc-2019"
    case ipcc2006 = "ipcc-2006"
}

/// The land modules of an EX-ACT assessment, keyed as in project files.
public enum ModuleKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case landUseChange
    case annualCrops
    case perennialCrops
    case grassland
    case forestManagement
    case organicSoils

    /// Position in EX-ACT's results table.
    public var order: Int {
        switch self {
        case .landUseChange: 0
        case .annualCrops: 1
        case .perennialCrops: 2
        case .grassland: 3
        case .forestManagement: 4
        case .organicSoils: 5
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    /// Title as EX-ACT's results table names it.
    public var title: String {
        switch self {
        case .landUseChange: "Land-use change"
        case .annualCrops: "Annual cropland"
        case .perennialCrops: "Perennial crops and agroforestry"
        case .grassland: "Grassland"
        case .forestManagement: "Forest management and degradation"
        case .organicSoils: "Organic soils"
        }
    }
}

/// Gas categories of the result cube (method.md §14.1). Masses are t CO2, t N2O or t CH4.
public enum GasCategory: String, Sendable, CaseIterable, Hashable {
    case co2Biomass = "co2-biomass"
    case co2Soil = "co2-soil"
    case n2o
    case ch4

    public var massUnit: String {
        switch self {
        case .co2Biomass, .co2Soil: "t CO2"
        case .n2o: "t N2O"
        case .ch4: "t CH4"
        }
    }
}
