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
