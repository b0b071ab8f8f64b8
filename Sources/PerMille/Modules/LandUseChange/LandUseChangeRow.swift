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

extension LandUseChangeRow {
    public static let module = ModuleKind.landUseChange
}

extension Project {
    /// The project's land-use-change rows.
    public var landUseChange: [LandUseChangeRow] {
        get { rows[LandUseChangeRow.self] }
        set { rows[LandUseChangeRow.self] = newValue }
    }
}
