/// Fields every row shares: identity, areas and dynamics.
public protocol ProjectRow: Sendable {
    /// The module whose rows these are.
    static var module: ModuleKind { get }
    var id: String { get }
    var name: String { get }
    /// Hectares at the start and at the end of implementation in each scenario (0 for herds and inputs).
    var area: Triple<Double> { get }
    var dynamics: RowDynamics { get }
}

/// A row that is a piece of land.
public protocol LandRow: ProjectRow {}
