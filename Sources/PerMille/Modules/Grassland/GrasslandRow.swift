/// A grassland management row (condition, improvement input, fire).
public struct GrasslandRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<GrasslandState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<GrasslandState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct GrasslandState: Sendable, Hashable {
    /// `non-degraded`, `high-intensity-grazing`, `moderately-degraded` (2006 set), `severely-degraded`, `improved`.
    public var condition: String
    /// `medium` or `high`, only for improved grassland.
    public var input: String?
    public var fire: Bool
    /// Fuel biomass burnt per fire, t dm/ha. EX-ACT's entry defaults to 0.
    public var fireFuelTonnesPerHa: Double?
    /// Years between fires; 1 means every year.
    public var fireIntervalYears: Double?

    public init(condition: String, input: String? = nil, fire: Bool = false, fireFuelTonnesPerHa: Double? = nil, fireIntervalYears: Double? = nil) {
        self.condition = condition
        self.input = input
        self.fire = fire
        self.fireFuelTonnesPerHa = fireFuelTonnesPerHa
        self.fireIntervalYears = fireIntervalYears
    }

    /// Whether two states have the same soil stock (fire does not change it).
    func hasSameSoil(as other: GrasslandState) -> Bool { condition == other.condition && input == other.input }
}

extension GrasslandRow {
    public static let module = ModuleKind.grassland
}

extension Project {
    /// The project's grassland rows.
    public var grassland: [GrasslandRow] {
        get { rows[GrasslandRow.self] }
        set { rows[GrasslandRow.self] = newValue }
    }
}
