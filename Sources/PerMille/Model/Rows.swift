/// Fields every row shares: identity, areas and dynamics.
public protocol ProjectRow: Sendable {
    var id: String { get }
    var name: String { get }
    /// Hectares at the start and at the end of implementation in each scenario (0 for herds and inputs).
    var area: Triple<Double> { get }
    var dynamics: RowDynamics { get }
}

/// A row that is a piece of land.
public protocol LandRow: ProjectRow {}

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

/// An annual cropland row (tillage, carbon input; crop and residues are recorded for the N modules).
public struct AnnualCropRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<AnnualCropState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<AnnualCropState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct AnnualCropState: Sendable, Hashable {
    /// `annual-cropland` (default) or `set-aside`.
    public var landUse: String
    public var crop: String?
    public var tillage: String
    public var input: String
    public var residues: ResidueHandling?
    public var yieldTonnesPerHa: Double?

    public init(
        landUse: String = "annual-cropland", crop: String? = nil, tillage: String = "full", input: String = "medium", residues: ResidueHandling? = nil,
        yieldTonnesPerHa: Double? = nil
    ) {
        self.landUse = landUse
        self.crop = crop
        self.tillage = tillage
        self.input = input
        self.residues = residues
        self.yieldTonnesPerHa = yieldTonnesPerHa
    }

    /// Whether two states have the same soil stock (crop and residues do not change it).
    func hasSameSoil(as other: AnnualCropState) -> Bool {
        landUse == other.landUse && tillage == other.tillage && input == other.input
    }
}

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

/// A land use on either side of a conversion, with forest detail where the land use is forest.
public struct LandUse: Sendable, Hashable, CustomStringConvertible {
    /// `forest`, `annual-cropland`, `set-aside`, `grassland`, `perennial-cropland`, a perennial system key,
    /// `degraded-land` or `other-land-non-vegetated`.
    public var key: String
    public var forest: ForestDescription?

    public init(key: String, forest: ForestDescription? = nil) {
        self.key = key
        self.forest = forest
    }

    public var isForest: Bool { key == "forest" }
    public var description: String { forest.map { "forest (\($0))" } ?? key }
}

/// Which forest: IPCC ecological zone and type, as keyed in the forest tables.
public struct ForestDescription: Sendable, Hashable, CustomStringConvertible {
    /// Ecological zone (`tropical-rainforest`, `temperate-oceanic-forest`, …).
    public var ecozone: String
    /// `natural` or `plantation`.
    public var type: String
    /// `primary` or `secondary` (plantations are secondary).
    public var condition: String
    /// `gt-20-years` (default) or `le-20-years`.
    public var standAge: String

    public init(ecozone: String, type: String = "natural", condition: String = "primary", standAge: String = "gt-20-years") {
        self.ecozone = ecozone
        self.type = type
        self.condition = condition
        self.standAge = standAge
    }

    public var description: String { "\(ecozone), \(type), \(condition), \(standAge)" }
}

/// Land converted from one use to another; hectares converted by the end of implementation per scenario.
public struct LandUseChangeRow: LandRow {
    public var id: String
    public var name: String
    public var from: LandUse
    public var to: LandUse
    /// `start` is always 0: a conversion row counts converted hectares.
    public var area: Triple<Double>
    public var dynamics: RowDynamics

    public init(id: String, name: String, from: LandUse, to: LandUse, convertedWithout: Double, convertedWith: Double, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.area = Triple(start: 0, without: convertedWithout, with: convertedWith)
        self.dynamics = dynamics
    }
}

/// Remaining forest whose biomass is degraded (or restored) between start and each scenario.
public struct ForestManagementRow: LandRow {
    public var id: String
    public var name: String
    public var forest: ForestDescription
    public var area: Triple<Double>
    public var states: Triple<ForestState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, forest: ForestDescription, area: Triple<Double>, states: Triple<ForestState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.forest = forest
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct ForestState: Sendable, Hashable {
    /// Share of the undisturbed forest's living biomass that is missing, in percent (0 = intact).
    public var biomassLossPercent: Double

    public init(biomassLossPercent: Double) { self.biomassLossPercent = biomassLossPercent }
}

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
