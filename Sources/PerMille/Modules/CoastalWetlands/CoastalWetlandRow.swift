/// A coastal wetland (mangrove, tidal marsh or seagrass meadow) under drainage, excavation,
/// rewetting or revegetation (spec coastal-wetlands.md §5; method.md §7.12).
///
/// The row keeps its area in every state; each state says how many of its hectares are drained,
/// excavated and revegetated. A drop of the drained hectares between the start and a scenario is
/// the rewetted area.
public struct CoastalWetlandRow: LandRow {
    public var id: String
    public var name: String
    public var vegetation: CoastalVegetation
    /// The coastal soil class of the Wetlands Supplement, independent of `project.soil`.
    public var soil: CoastalSoil
    public var salinity: CoastalSalinity
    public var area: Triple<Double>
    public var states: Triple<CoastalWetlandState>
    public var dynamics: RowDynamics

    public init(
        id: String, name: String, vegetation: CoastalVegetation, soil: CoastalSoil = .mineral, salinity: CoastalSalinity = .below18,
        area: Triple<Double>, states: Triple<CoastalWetlandState>, dynamics: RowDynamics
    ) {
        self.id = id
        self.name = name
        self.vegetation = vegetation
        self.soil = soil
        self.salinity = salinity
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

/// Hectares of a coastal row in one state; the three are disjoint parts of the row.
public struct CoastalWetlandState: Sendable, Hashable {
    public var drainedHa: Double
    public var excavatedHa: Double
    public var revegetatedHa: Double

    public init(drainedHa: Double = 0, excavatedHa: Double = 0, revegetatedHa: Double = 0) {
        self.drainedHa = drainedHa
        self.excavatedHa = excavatedHa
        self.revegetatedHa = revegetatedHa
    }

    public var disturbedHa: Double { drainedHa + excavatedHa + revegetatedHa }
}

/// Vegetation of a coastal row, keyed as the `vegetation` column of `coastal-wetlands.csv`.
public enum CoastalVegetation: String, Sendable, CaseIterable, Hashable {
    case mangrove
    case tidalMarsh = "tidal-marsh"
    case seagrass
}

/// Coastal soil class of WS 2013 Table 4.11 (`aggregated`: class unknown), the `soil_type` column.
public enum CoastalSoil: String, Sendable, CaseIterable, Hashable {
    case mineral
    case organic
    case aggregated
}

/// Average salinity of the water: below or above 18 ppt (WS 2013 Table 4.14).
public enum CoastalSalinity: String, Sendable, CaseIterable, Hashable {
    case below18 = "lt-18"
    case above18 = "gt-18"
}

extension CoastalWetlandRow {
    public static let module = ModuleKind.coastalWetlands
}

extension Project {
    /// The project's coastal-wetland rows.
    public var coastalWetlands: [CoastalWetlandRow] {
        get { rows[CoastalWetlandRow.self] }
        set { rows[CoastalWetlandRow.self] = newValue }
    }
}
