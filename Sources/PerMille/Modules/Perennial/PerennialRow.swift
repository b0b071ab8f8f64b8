/// A perennial-crop or agroforestry row: one system, growing on its own area.
public struct PerennialRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<PerennialState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<PerennialState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct PerennialState: Sendable, Hashable {
    /// System key of `perennial-biomass-growth.csv` (`orchard`, `silvopasture`, …).
    public var system: String
    public var tillage: String
    public var input: String
    /// Standing above-ground biomass of hectares already under the system at the start, t C/ha.
    public var standingAGBTonnesCPerHa: Double?

    public init(system: String, tillage: String = "full", input: String = "medium", standingAGBTonnesCPerHa: Double? = nil) {
        self.system = system
        self.tillage = tillage
        self.input = input
        self.standingAGBTonnesCPerHa = standingAGBTonnesCPerHa
    }
}

extension PerennialRow {
    public static let module = ModuleKind.perennialCrops
}

extension Project {
    /// The project's perennial-crop rows.
    public var perennialCrops: [PerennialRow] {
        get { rows[PerennialRow.self] }
        set { rows[PerennialRow.self] = newValue }
    }
}
