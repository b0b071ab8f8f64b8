/// A flooded-rice row: paddy land with its water regime, amendments and straw handling per scenario.
public struct RiceRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<RiceState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<RiceState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

/// How a paddy is cultivated (project-format.md, rice state).
public struct RiceState: Sendable, Hashable {
    /// Water regime during the season (`continuously-flooded`, `single-drainage`, …).
    public var water: String
    /// Water regime before the season (`not-flooded-under-180-days`, …).
    public var preseason: String
    /// `burned`, `exported`, `incorporated-over-30-days-before`, `incorporated-under-30-days-before`; nil = exported.
    public var straw: String?
    /// Straw dry matter incorporated per season, t/ha; nil = derived from the paddy yield (method.md §9).
    public var strawTonnesPerHa: Double?
    public var amendments: [RiceAmendment]
    /// Days of one season; nil = the region's default.
    public var cultivationDays: Double?
    /// Seasons a year (main + minor).
    public var seasons: Double
    /// Paddy yield, t/ha fresh; nil = the region's default.
    public var yieldTonnesPerHa: Double?

    public init(
        water: String, preseason: String, straw: String? = nil, strawTonnesPerHa: Double? = nil, amendments: [RiceAmendment] = [],
        cultivationDays: Double? = nil, seasons: Double = 1, yieldTonnesPerHa: Double? = nil
    ) {
        self.water = water
        self.preseason = preseason
        self.straw = straw
        self.strawTonnesPerHa = strawTonnesPerHa
        self.amendments = amendments
        self.cultivationDays = cultivationDays
        self.seasons = seasons
        self.yieldTonnesPerHa = yieldTonnesPerHa
    }
}

/// An organic amendment applied to a paddy each season.
public struct RiceAmendment: Sendable, Hashable {
    /// `compost`, `farmyard-manure` or `green-manure`.
    public var kind: String
    /// Dry weight applied per season, t/ha.
    public var tonnesPerHa: Double

    public init(kind: String, tonnesPerHa: Double) {
        self.kind = kind
        self.tonnesPerHa = tonnesPerHa
    }
}

extension RiceRow {
    public static let module = ModuleKind.rice
}

extension Project {
    /// The project's flooded-rice rows.
    public var rice: [RiceRow] {
        get { rows[RiceRow.self] }
        set { rows[RiceRow.self] = newValue }
    }
}
