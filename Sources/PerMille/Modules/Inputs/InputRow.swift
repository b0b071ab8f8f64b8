/// An input or energy use: an amount per year that moves from its start value to each scenario's.
public struct InputRow: ProjectRow {
    public var id: String
    public var name: String
    /// Kind key of `input-kinds.csv` (`synthetic-n`, `urea`, `limestone`, `diesel`, `electricity`, …).
    public var kind: String
    /// Amounts per year in the kind's unit.
    public var amount: Triple<Double>
    /// Manufacture and transport are left out (national industry counts them).
    public var manufacturedInCountry: Bool
    /// N applied to irrigated land leaches whatever the climate (method.md §10.3).
    public var irrigated: Bool
    /// `stationary` (default, EX-ACT's per-m³ factors), `mobile` or `off-road`, for fuels.
    public var fuelUse: String
    public var dynamics: RowDynamics

    public var area: Triple<Double> { Triple(start: 0, without: 0, with: 0) }

    public init(
        id: String, name: String, kind: String, amount: Triple<Double>, manufacturedInCountry: Bool = false,
        irrigated: Bool = false, fuelUse: String = "stationary", dynamics: RowDynamics
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.amount = amount
        self.manufacturedInCountry = manufacturedInCountry
        self.irrigated = irrigated
        self.fuelUse = fuelUse
        self.dynamics = dynamics
    }
}

extension InputRow {
    public static let module = ModuleKind.inputs
}

extension Project {
    /// The project's input and energy rows.
    public var inputs: [InputRow] {
        get { rows[InputRow.self] }
        set { rows[InputRow.self] = newValue }
    }
}
