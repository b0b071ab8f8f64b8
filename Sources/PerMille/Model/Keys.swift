/// An IPCC climate zone with its moisture regime, keyed as in the factor tables (`warm-temperate-dry`).
///
/// A struct with named constants rather than an enum, as the factor tables key it: adding a zone
/// means its rows in every climate-keyed table and an entry in `accepted` (validation reads it).
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

/// Gas categories of the result cube (method.md §14.1). Masses are t CO2, t N2O or t CH4;
/// manufacture and transport is t CO2e already (EX-ACT's factors, independent of the GWP set).
public enum GasCategory: String, Sendable, CaseIterable, Hashable {
    case co2Biomass = "co2-biomass"
    case co2Soil = "co2-soil"
    /// Lime, urea and fossil fuel CO2.
    case co2Other = "co2-other"
    /// Direct N2O (and N2O of burning).
    case n2o
    /// Indirect N2O from volatilised and leached N (method.md §10.3, §12).
    case n2oIndirect = "n2o-indirect"
    case ch4
    /// CH4 from fossil-fuel combustion: AR6 gives it its own GWP.
    case ch4Fossil = "ch4-fossil"
    /// Manufacture, transport and storage of inputs, t CO2e.
    case co2eManufacture = "co2e-manufacture"

    /// The gas whose mass this category holds (`co2e` for manufacture).
    public var gas: Gas {
        switch self {
        case .co2Biomass, .co2Soil, .co2Other: .co2
        case .n2o, .n2oIndirect: .n2o
        case .ch4, .ch4Fossil: .ch4
        case .co2eManufacture: .co2e
        }
    }

    public var massUnit: String { gas.massUnit }

    /// Position in `allCases`, for per-category storage.
    var index: Int {
        switch self {
        case .co2Biomass: 0
        case .co2Soil: 1
        case .co2Other: 2
        case .n2o: 3
        case .n2oIndirect: 4
        case .ch4: 5
        case .ch4Fossil: 6
        case .co2eManufacture: 7
        }
    }
}

/// A gas as reported in tonnes (per-gas totals next to the CO2e figures).
public enum Gas: String, Sendable, CaseIterable, Hashable {
    case co2
    case ch4
    case n2o
    /// Already CO2e (manufacture and transport factors).
    case co2e

    public var massUnit: String {
        switch self {
        case .co2: "t CO2"
        case .ch4: "t CH4"
        case .n2o: "t N2O"
        case .co2e: "t CO2e"
        }
    }
}

/// What happens to an annual crop's residues (method.md §7.8).
public enum ResidueHandling: String, Sendable, CaseIterable, Hashable {
    /// Left on the field: above- and below-ground residue N.
    case retained
    /// Burned on the field: burning CH4 and N2O (below-ground N under `ipcc`, D11).
    case burned
    /// Taken off the field: below-ground residue N only.
    case exported
}

/// The water management of an organic (peat) soil (method.md §7.6).
public enum OrganicSoilWater: String, Sendable, CaseIterable, Hashable {
    case drained, rewetted, undrained
}
