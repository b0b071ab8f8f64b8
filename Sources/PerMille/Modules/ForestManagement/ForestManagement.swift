/// Forest management and degradation: change of the living biomass of forest that stays forest.
///
/// A state says what share of the undisturbed stock (AGB × (1 + R)) is missing. Hectares move from
/// the start state to the scenario's state along the row's series; each books the stock difference
/// in the year it changes. Soil is unchanged (Tier 1: forest SOC = SOCref).
enum ForestManagementModule: ModuleDescriptor {
    static let title = "Forest management and degradation"
    static let tables: Set<String> = TableNeeds.burning.union(TableNeeds.forest)
    static let landCategory: LandCategory? = LandCategory(name: "forest", unassessed: nil)

    static func assess(_ row: ForestManagementRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let stock = try ForestStock.lookUp(row.forest, label: "forest", rowID: row.id, context: context, recorder: &recorder)
        recorder.record("undisturbed living biomass", stock.living, "t C/ha")
        let startLoss = row.states.start.biomassLossPercent / 100

        for outcome in Outcome.allCases {
            let loss = row.states[outcome].biomassLossPercent / 100
            let unchanged = loss == startLoss
            let series = context.series(
                from: unchanged ? row.area.start : 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            let stockChange = stock.living * (startLoss - loss)
            recorder.record("living biomass change per ha", stockChange, "t C/ha", outcome: outcome)
            guard !unchanged else { continue }
            emissions[outcome].add(.co2Biomass, perHectare: -stockChange * Units.carbonToCO2, hectares: series.changed)
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder)
    }
}
