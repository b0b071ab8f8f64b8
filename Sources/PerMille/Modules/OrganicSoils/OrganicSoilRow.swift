/// A piece of organic soil: land use, water management and nutrient status per scenario.
public struct OrganicSoilRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<OrganicSoilState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<OrganicSoilState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct OrganicSoilState: Sendable, Hashable {
    /// Land use key of the organic-soil tables (`forest`, `plantation-forest`, `annual-cropland`,
    /// `perennial-cropland`, `flooded-rice`, `grassland`) or `peat-extraction`.
    public var landUse: String
    public var water: OrganicSoilWater
    /// `poor` or `rich`.
    public var nutrient: String
    /// Share of the drained area occupied by ditches (0–1); IPCC gives no default.
    public var ditchFraction: Double?

    public init(landUse: String, water: OrganicSoilWater, nutrient: String, ditchFraction: Double? = nil) {
        self.landUse = landUse
        self.water = water
        self.nutrient = nutrient
        self.ditchFraction = ditchFraction
    }
}

extension OrganicSoilRow {
    public static let module = ModuleKind.organicSoils
}

extension Project {
    /// The project's organic-soil rows.
    public var organicSoils: [OrganicSoilRow] {
        get { rows[OrganicSoilRow.self] }
        set { rows[OrganicSoilRow.self] = newValue }
    }
}
