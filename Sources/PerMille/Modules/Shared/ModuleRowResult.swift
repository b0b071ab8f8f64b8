/// What a module returns for one row: its gas series and everything it recorded.
struct ModuleRowResult: Sendable {
    var emissions: OutcomePair<GasSeries>
    var recorder: RowRecorder
    /// Heads or amounts, for rows that are not land.
    var quantity: Quantity? = nil
    /// Mineral-soil stock of the start state, t C/ha (per-mille rates); nil where the module has no mineral soil.
    var socStart: Double? = nil
}
