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

extension LivestockRow {
    public static let module = ModuleKind.livestock
}

extension Project {
    /// The project's livestock (herd) rows.
    public var livestock: [LivestockRow] {
        get { rows[LivestockRow.self] }
        set { rows[LivestockRow.self] = newValue }
    }
}
