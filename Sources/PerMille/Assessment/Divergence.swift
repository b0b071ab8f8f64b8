/// The numbered points where the `ipcc` and `exact-v9.4` methods differ (method.md §12).
public enum DivergenceID: String, Sendable, Hashable, CaseIterable, Comparable {
    case d1 = "D1"
    case d2 = "D2"
    case d3 = "D3"
    case d4 = "D4"
    case d5 = "D5"
    case d6 = "D6"
    case d7 = "D7"
    case d8 = "D8"
    case d9 = "D9"
    case d10 = "D10"
    case d11 = "D11"
    case d12 = "D12"
    // D20 onwards: manure defaults and coastal wetlands (issue 15), numbered apart while the
    // parity divergences were written on another branch.
    case d20 = "D20"
    case d21 = "D21"
    case d22 = "D22"
    case d23 = "D23"
    case d24 = "D24"
    case d25 = "D25"
    case d26 = "D26"

    /// Numeric order (D2 before D10, D12 before D20), which the raw strings would not give.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }

    /// Place in D1 … D12, D20 … D26; a switch, since rows record divergences by the thousand.
    private var position: Int {
        switch self {
        case .d1: 0
        case .d2: 1
        case .d3: 2
        case .d4: 3
        case .d5: 4
        case .d6: 5
        case .d7: 6
        case .d8: 7
        case .d9: 8
        case .d10: 9
        case .d11: 10
        case .d12: 11
        case .d20: 12
        case .d21: 13
        case .d22: 14
        case .d23: 15
        case .d24: 16
        case .d25: 17
        case .d26: 18
        }
    }

    /// Bit of this divergence in a `DivergenceSet`.
    var bit: UInt32 { 1 << UInt32(position) }

    public var summary: String {
        switch self {
        case .d1:
            "Annual cropland remaining cropland: EX-ACT compares each scenario with SOCref × F_LU on the full row area; IPCC counts the change from the start state on the hectares that change."
        case .d2: "Indirect N2O from managed soils: IPCC includes it, EX-ACT omits it."
        case .d3: "N2O from mineralised soil organic matter on grassland that loses carbon: IPCC includes it, EX-ACT omits it."
        case .d4: "Tropical-montane cropland and tropical perennial F_LU: EX-ACT keeps IPCC 2006 values, the ipcc method uses IPCC 2019 (HESTIA transcription)."
        case .d5: "Exponential dynamics of a decreasing area: EX-ACT's curve ends at the wrong value; the ipcc method uses the consistent formula."
        case .d6:
            "Soil CO2 over more than 20 years: EX-ACT multiplies by the untruncated hectare series and caps at 20 years of the full area; IPCC counts each hectare for at most 20 years."
        case .d7: "H_soil of a shrinking row: EX-ACT clips each year boundary at zero before averaging the two boundaries of a year; the ipcc method averages first, then clips."
        case .d8:
            "Perennial AGB_max cap: EX-ACT caps the row's total growth at the stock its end area can hold; the ipcc method stops each cohort of hectares at AGB_max. On a shrinking row EX-ACT's figure is unsound."
        case .d9:
            "Growth of new forest: EX-ACT starts growth the year after planting, at the young rate for 19 years; the ipcc method grows half a year in the planting year, young for 20 years."
        case .d10: "Organic soil rewetted before the project: EX-ACT books rewetting emissions only on hectares the project rewets; the ipcc method counts every rewetted hectare."
        case .d11: "Burned crop residues: EX-ACT counts no residue N; the ipcc method keeps the below-ground residue N."
        case .d12: "Moist climates: EX-ACT averages IPCC 2019's wet and dry EF1, EF3PRP and manure EF4; the ipcc method takes the wet values, as IPCC counts these climates as wet."
        case .d20:
            "Manure CH4 of high-productivity camels on dry lot in tropical zones: EX-ACT's table has 0 (a transcription gap); the ipcc method uses 3.4 g CH4/kg VS, the IPCC 2019 Table 10.14 climate pattern of every other block."
        case .d21:
            "Volatilisation (Frac_GasMS) of chicken manure: EX-ACT uses its 'Other animal' block (0 for poultry manure); the ipcc method uses the poultry column of IPCC 2019 Table 10.22 as EX-ACT's workbook transcribes it (0.44 for poultry manure)."
        case .d22:
            "Coastal excavation and drainage biomass: EX-ACT spreads these one-off losses over the years like a flow and counts none under immediate dynamics; the ipcc method books them in the years the hectares are excavated or drained."
        case .d23:
            "Coastal land drained at the start: EX-ACT counts it as newly drained (biomass lost, soil CO2 ramping from 0); the ipcc method counts biomass only on newly drained hectares and soil CO2 from the start's drained area."
        case .d24:
            "Coastal excavation reversed (fewer excavated hectares than at the start): EX-ACT credits the biomass and 96 % of the top-metre carbon back at once; the ipcc method books no excavation term for it."
        case .d25: "Coastal rewetting CO2 under exponential dynamics: EX-ACT books the full sink from year 1; the ipcc method ramps the rewetted hectares as it does for their CH4."
        case .d26:
            "Coastal revegetation: EX-ACT ignores the start's revegetated hectares (they regrow in both scenarios) and gives no soil removal to revegetated land that was not drained; the ipcc method counts revegetation from the start's hectares and the rewetting factor on revegetated land too."
        }
    }
}

/// One place where the chosen method's number differs from the other method's.
public struct Divergence: Sendable, Hashable {
    /// The divergences behind the difference (a row can trigger several).
    public var ids: [DivergenceID]
    public var module: ModuleKind
    public var rowID: String
    public var outcome: Outcome
    public var gas: GasCategory
    /// Gas mass under the chosen method, and under the other one (t of the gas).
    public var chosen: Double
    public var other: Double
    /// The same difference in t CO2e under the project's GWP set (chosen − other).
    public var differenceCO2e: Double

    public init(ids: [DivergenceID], module: ModuleKind, rowID: String, outcome: Outcome, gas: GasCategory, chosen: Double, other: Double, differenceCO2e: Double) {
        self.ids = ids
        self.module = module
        self.rowID = rowID
        self.outcome = outcome
        self.gas = gas
        self.chosen = chosen
        self.other = other
        self.differenceCO2e = differenceCO2e
    }
}

/// The divergences a row touches, as bits: rows record them by the thousand, so no hashing or allocation.
public struct DivergenceSet: Sendable, Hashable {
    private var bits: UInt32 = 0

    public init() {}

    public var isEmpty: Bool { bits == 0 }

    public mutating func insert(_ id: DivergenceID) { bits |= id.bit }

    public mutating func formUnion(_ other: DivergenceSet) { bits |= other.bits }

    public func contains(_ id: DivergenceID) -> Bool { bits & id.bit != 0 }

    /// The members in order (D1 … D12, D20 …).
    public var sorted: [DivergenceID] { DivergenceID.allCases.filter(contains) }
}
