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

extension ForestManagementRow {
    public static let module = ModuleKind.forestManagement
}

extension Project {
    /// The project's forest-management rows.
    public var forestManagement: [ForestManagementRow] {
        get { rows[ForestManagementRow.self] }
        set { rows[ForestManagementRow.self] = newValue }
    }
}
