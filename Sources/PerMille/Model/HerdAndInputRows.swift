/// A herd: one animal category, its head counts and how its manure is managed.
public struct LivestockRow: ProjectRow {
    public var id: String
    public var name: String
    /// Animal key of `livestock-parameters.csv` (`dairy-cattle`, `goats`, …).
    public var species: String
    /// `default`, `high-productivity` or `low-productivity`.
    public var productivity: String
    /// Heads at the start and at the end of implementation in each scenario.
    public var heads: Triple<Double>
    /// Manure-system shares in percent per scenario; nil = the region's default shares.
    public var manure: Triple<[ManureShare]?>
    public var dynamics: RowDynamics

    public var area: Triple<Double> { Triple(start: 0, without: 0, with: 0) }

    public init(
        id: String, name: String, species: String, productivity: String = "default", heads: Triple<Double>,
        manure: Triple<[ManureShare]?> = Triple(start: nil, without: nil, with: nil), dynamics: RowDynamics
    ) {
        self.id = id
        self.name = name
        self.species = species
        self.productivity = productivity
        self.heads = heads
        self.manure = manure
        self.dynamics = dynamics
    }
}

/// The share of a herd's manure handled in one system.
public struct ManureShare: Sendable, Hashable {
    /// System key of `livestock-manure-system-shares.csv` (`pasture-range-paddock`, `solid-storage`, …).
    public var system: String
    public var percent: Double

    public init(system: String, percent: Double) {
        self.system = system
        self.percent = percent
    }
}

/// An input or energy use: an amount per year that moves from its start value to each scenario's.
public struct InputRow: ProjectRow {
    public var id: String
    public var name: String
    /// Kind key of `input-kinds.csv` (`synthetic-n`, `urea`, `limestone`, `diesel`, `electricity`, …).
    public var kind: String
    /// Amounts per year in the kind's unit.
    public var amount: Triple<Double>
    /// Manufacture and transport are left out (national industry counts them).
    public var manufacturedInCountry: Bool
    /// N applied to irrigated land leaches whatever the climate (method.md §10.3).
    public var irrigated: Bool
    /// `stationary` (default, EX-ACT's per-m³ factors), `mobile` or `off-road`, for fuels.
    public var fuelUse: String
    public var dynamics: RowDynamics

    public var area: Triple<Double> { Triple(start: 0, without: 0, with: 0) }

    public init(
        id: String, name: String, kind: String, amount: Triple<Double>, manufacturedInCountry: Bool = false,
        irrigated: Bool = false, fuelUse: String = "stationary", dynamics: RowDynamics
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.amount = amount
        self.manufacturedInCountry = manufacturedInCountry
        self.irrigated = irrigated
        self.fuelUse = fuelUse
        self.dynamics = dynamics
    }
}
