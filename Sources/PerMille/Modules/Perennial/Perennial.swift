/// Perennial crops and agroforestry: biomass growth until the system's maximum, and soil carbon.
///
/// Growth is a flow on the row's own area (A_start → A_s). In `ipcc` each cohort of hectares stops
/// growing when its above-ground biomass reaches AGB_max, and below-ground growth stops with it
/// (method.md §7.3, our reading); `exact-v9.4` caps the row's total instead, as EX-ACT does (D8).
/// Soil compares the state with SOCref × F_LU(system) (§3 b).
enum PerennialModule: ModuleDescriptor {
    static let title = "Perennial crops and agroforestry"
    static let tables: Set<String> = TableNeeds.soil.union(["perennial-biomass-growth"])
    static let landCategory: LandCategory? = LandCategory(name: "perennial cropland", unassessed: .growth)

    static func practiceValues(of row: Row, field: String) -> [String] {
        switch field {
        case "system": return [row.states.with.system]
        case "tillage": return [row.states.with.tillage]
        case "input": return [row.states.with.input]
        default: return []
        }
    }

    static func assess(_ row: PerennialRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        let socRef = recorder.use("SOCref", try context.socReference(rowID: row.id))
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let zone = context.site.climateZone

        var startSOC = 0.0
        for scenario in [Scenario.start, .without, .with] {
            let state = row.states[scenario]
            // Soil: management effect against the perennial land-use reference.
            let (reference, soc) = try context.memoized(
                "perennial-soil", state.system, state.tillage, state.input, rowID: row.id, recorder: &recorder
            ) { (recorder: inout RowRecorder) throws(MissingFactor) -> (Double, Double) in
                let fLU = recorder.use(
                    "F_LU(\(state.system))",
                    try context.stockChangeFactor(
                        "f-lu", landUse: state.system, practice: "any", usedIn: "management", rowID: row.id, recorder: &recorder))
                let tillage = context.vocabulary("tillage", state.tillage)
                let input = context.vocabulary("input", state.input)
                let fMG = recorder.use(
                    "F_MG(\(tillage))",
                    try context.stockChangeFactor(
                        "f-mg", landUse: "cropland", practice: tillage, usedIn: "management", rowID: row.id, recorder: &recorder))
                let fI = recorder.use(
                    "F_I(\(input))",
                    try context.stockChangeFactor(
                        "f-i", landUse: "cropland", practice: input, usedIn: "management", rowID: row.id, recorder: &recorder))
                return (socRef * fLU, socRef * fLU * fMG * fI)
            }
            guard scenario != .start else {
                startSOC = soc
                continue
            }
            let outcome: Outcome = scenario == .without ? .without : .with
            let series = context.series(from: row.area.start, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            recorder.record("SOC", soc, "t C/ha", outcome: outcome)
            recorder.record("SOC reference (SOCref × F_LU)", reference, "t C/ha", outcome: outcome)
            let deltaSOC = soc - reference
            try SoilCarbon.book(
                deltaSOC: deltaSOC, series: series, maxArea: max(row.area.start, row.area[outcome]), mineralisation: .croplandRemaining,
                rowID: row.id, context: context, outcome: outcome, into: &emissions[outcome], recorder: &recorder)

            // Biomass: growth per cohort, capped at the system's maximum AGB.
            let (agbGrowth, bgbGrowth, maxAGB) = try context.memoized(
                "perennial-growth", state.system, rowID: row.id, recorder: &recorder
            ) { (recorder: inout RowRecorder) throws(MissingFactor) -> (Double, Double, Double) in
                let region = try context.region(rowID: row.id, table: "perennial-biomass-growth")
                func growthFactor(_ pool: String) throws(MissingFactor) -> Factor {
                    try context.factor("perennial-\(pool)-growth", rowID: row.id) { () throws(MissingFactor) in
                        try context.lookup(
                            "perennial-biomass-growth",
                            [
                                "system": state.system, "climate_zone": zone.rawValue, "region": region, "pool": pool,
                            ])
                    }
                }
                let agb = recorder.use("G_AGB(\(state.system))", try growthFactor("agb"))
                let bgb = recorder.use("G_BGB(\(state.system))", try growthFactor("bgb"))
                let maximum = recorder.use(
                    "AGB_max(\(state.system))",
                    try context.factor("perennial-max-agb", rowID: row.id) { () throws(MissingFactor) in
                        try context.lookup("perennial-max-agb", ["system": state.system, "climate": zone.thermalClass])
                    })
                return (agb, bgb, maximum)
            }
            let standing = row.states.start.standingAGBTonnesCPerHa ?? 0
            if row.area.start > 0, row.states.start.standingAGBTonnesCPerHa == nil, context.method == .ipcc {
                recorder.note("no standing AGB given for the \(row.area.start) ha already under the system: assumed 0 t C/ha (they grow as new plantings)")
            }
            recorder.record("years to AGB_max (new planting)", agbGrowth > 0 ? maxAGB / agbGrowth : 0, "yr", outcome: outcome)
            let headStart = agbGrowth > 0 ? min(standing, maxAGB) / agbGrowth : 0
            let capYears = agbGrowth > 0 ? maxAGB / agbGrowth : 0
            let perCohort = CohortGrowth.yearlyGrowth(series: series, existingArea: row.area.start, existingAge: headStart) { years in
                (agbGrowth + bgbGrowth) * min(max(years, 0), capYears)
            }
            // EX-ACT caps the row's total, not each cohort: Σ H × (g_AGB + g_BGB) up to the stock of the
            // end area, AGB_max plus the BGB of the whole years AGB takes to get there (D8).
            let rowCap = agbGrowth > 0 ? (maxAGB + bgbGrowth * (maxAGB / agbGrowth).rounded(.down)) * row.area[outcome] : .infinity
            let rowCapped = CohortGrowth.cappedRowGrowth(series: series, ratePerHectare: agbGrowth + bgbGrowth, cap: rowCap)
            let engineTotal = rowCapped.reduce(0, +)
            let cohortTotal = perCohort.reduce(0, +)
            if abs(engineTotal - cohortTotal) > 1e-9 * max(1, abs(cohortTotal)) { recorder.divergence(.d8) }
            let carbon: [Double]
            if context.method == .exactV94 {
                carbon = rowCapped
                if rowCap.isFinite { recorder.record("growth cap (row, EX-ACT)", rowCap, "t C", outcome: outcome) }
                if row.states.start.standingAGBTonnesCPerHa != nil, row.area.start > 0 {
                    recorder.note("standing AGB of the hectares under the system at the start is not part of EX-ACT's growth arithmetic (exact-v9.4)")
                }
                if row.area[outcome] < row.area.start, engineTotal < series.total * (agbGrowth + bgbGrowth) {
                    recorder.note(
                        "perennial growth capped at the stock of the \(row.area[outcome]) ha left at the end (\(outcome.rawValue)), as EX-ACT v9.4 does; "
                            + "the hectares that leave grew while present, so EX-ACT's own figure is unsound here (D8)")
                }
            } else {
                carbon = perCohort
            }
            let co2 = carbon.map { -$0 * Units.carbonToCO2 }
            recorder.record("biomass carbon gained", carbon.reduce(0, +), "t C", outcome: outcome)
            emissions[outcome].add(.co2Biomass, co2)
        }
        if row.area.without < row.area.start || row.area.with < row.area.start {
            recorder.note("standing biomass of hectares that leave the row is booked by the land-use-change row that receives them")
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, socStart: startSOC)
    }
}
