/// Organic soils: CO2, CH4 and N2O of drained, rewetted or extracted peat, per hectare-year (method.md §7).
///
/// Hectares in the scenario's state emit at that state's rates; until they reach it, hectares still
/// in the start state keep emitting at the start state's rates.
enum OrganicSoilsModule: ModuleDescriptor {
    static let title = "Organic soils"
    static let tables: Set<String> = TableNeeds.burning.union(["organic-soil-drainage", "organic-soil-rewetting", "peat-extraction", "organic-soil-fire"])

    static func practiceValues(of row: Row, field: String) -> [String] {
        switch field {
        case "water": return [row.states.with.water.rawValue]
        case "landUse": return [row.states.with.landUse]
        default: return []
        }
    }

    /// Per-hectare-year masses of one state: t CO2, t CH4, t N2O.
    struct Rates {
        var co2 = 0.0
        var ch4 = 0.0
        var n2o = 0.0

        var isZero: Bool { co2 == 0 && ch4 == 0 && n2o == 0 }
    }

    static func assess(_ row: OrganicSoilRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let startRates = try rates(row.states.start, label: "start", rowID: row.id, context: context, recorder: &recorder)

        let rewettedAtStart = row.states.start.water == .rewetted
        for outcome in Outcome.allCases {
            let state = row.states[outcome]
            let unchanged = state == row.states.start
            let scenarioRates = unchanged ? startRates : try rates(state, label: outcome.rawValue, rowID: row.id, context: context, recorder: &recorder)
            let reached = context.series(
                from: unchanged ? row.area.start : 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            let leaving =
                unchanged
                ? nil : context.series(from: row.area.start, to: 0, dynamics: row.dynamics[outcome], ownArea: false, recorder: &recorder)
            var reachedHectares = reached.yearly
            var leavingHectares = leaving?.yearly
            if rewettedAtStart {
                // FAO's engine books rewetting emissions only on hectares the project rewets (D10): the
                // hectares already rewetted at the start count nothing while they stay so (in whatever
                // rewetted state), or while they wait to be drained again. Only the row's hectares beyond
                // A_start (reached + still in the start state) join a rewetted state by the project's doing.
                let rewettedByProject = reached.yearly.indices.map { year in
                    max(0, reached.yearly[year] + (leaving?.yearly[year] ?? 0) - row.area.start)
                }
                let engineReached = state.water == .rewetted ? rewettedByProject : reached.yearly
                let reachedDiffers = engineReached != reached.yearly && !scenarioRates.isZero
                let leavingCounted = (leaving?.total ?? 0) > 0 && !startRates.isZero
                let differs = reachedDiffers || leavingCounted
                if differs { recorder.divergence(.d10) }
                if context.method == .exactV94 {
                    reachedHectares = engineReached
                    leavingHectares = nil
                    if differs {
                        recorder.note("hectares rewetted before the project book no rewetting emissions (\(outcome.rawValue)), as in EX-ACT v9.4 (D10)")
                    }
                }
            }
            add(scenarioRates, hectares: reachedHectares, to: &emissions[outcome])
            if let leavingHectares { add(startRates, hectares: leavingHectares, to: &emissions[outcome]) }
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder)
    }

    private static func add(_ rates: Rates, hectares: [Double], to series: inout GasSeries) {
        series.add(.co2Soil, perHectare: rates.co2, hectares: hectares)
        series.add(.ch4, perHectare: rates.ch4, hectares: hectares)
        series.add(.n2o, perHectare: rates.n2o, hectares: hectares)
    }

    /// WS 2013 rates for a state; tropical montane takes the tropical rows of the tables.
    static func rates(_ state: OrganicSoilState, label: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Rates {
        try context.memoized(
            "organic", state.landUse, state.water.rawValue, state.nutrient, state.ditchFraction.map { String($0) } ?? "", label,
            rowID: rowID, recorder: &recorder
        ) { (recorder: inout RowRecorder) throws(MissingFactor) -> Rates in
            try computeRates(state, label: label, rowID: rowID, context: context, recorder: &recorder)
        }
    }

    private static func computeRates(_ state: OrganicSoilState, label: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor)
        -> Rates
    {
        let zone = context.site.climateZone.rawValue
        let nutrient = "nutrient-\(state.nutrient)"
        var rates = Rates()
        switch state.water {
        case .undrained:
            recorder.note("undrained organic soil (\(label)): no Tier 1 emission factor for unmanaged peat; counted as 0")
        case .drained where state.landUse == "peat-extraction":
            func extraction(_ pathway: String, _ parameter: String) throws(MissingFactor) -> Double {
                let factor = try context.factor("organic-\(pathway)-\(parameter)", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup(
                        "peat-extraction",
                        [
                            "nutrient_status": nutrient, "climate_zone": zone, "pathway": pathway, "parameter": parameter,
                        ])
                }
                return recorder.use("\(parameter) \(pathway) (peat extraction)", factor)
            }
            rates.co2 = (try extraction("on-site", "ef-co2") + extraction("off-site", "ef-doc")) * Units.carbonToCO2
            rates.ch4 = (1 - (state.ditchFraction ?? 0)) * (try extraction("on-site", "ef-ch4")) / Units.kilogramsPerTonne
            rates.n2o = try extraction("on-site", "ef-n2o") * Units.nitrogenToN2O / Units.kilogramsPerTonne
            if let share = state.ditchFraction {
                rates.ch4 += share * (try extraction("off-site", "ef-ch4")) / Units.kilogramsPerTonne
                recorder.record("Frac_ditch (\(label))", share, "-")
            } else {
                noteMissingDitches(label, recorder: &recorder)
            }
        case .drained:
            func drained(_ pathway: String, _ gas: String) throws(MissingFactor) -> Double {
                let factor = try context.factor("organic-drained-\(gas)", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup(
                        "organic-soil-drainage",
                        [
                            "land_use": state.landUse, "nutrient_status": nutrient, "climate_zone": zone, "pathway": pathway, "gas": gas,
                        ])
                }
                return recorder.use("\(gas) \(pathway) (drained \(state.landUse), \(state.nutrient))", factor)
            }
            rates.co2 = (try drained("on-site", "co2") + drained("off-site", "doc")) * Units.carbonToCO2
            let landCH4 = try drained("on-site", "ch4")
            rates.n2o = try drained("on-site", "n2o") * Units.nitrogenToN2O / Units.kilogramsPerTonne
            let ditchShare = state.ditchFraction ?? 0
            rates.ch4 = (1 - ditchShare) * landCH4 / Units.kilogramsPerTonne
            if let share = state.ditchFraction {
                rates.ch4 += share * (try drained("off-site", "ch4")) / Units.kilogramsPerTonne
                recorder.record("Frac_ditch (\(label))", share, "-")
            } else {
                noteMissingDitches(label, recorder: &recorder)
            }
        case .rewetted:
            func rewetted(_ gas: String) throws(MissingFactor) -> Double {
                let factor = try context.factor("organic-rewetted-\(gas)", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup(
                        "organic-soil-rewetting",
                        [
                            "land_use": state.landUse, "nutrient_status": nutrient, "climate_zone": zone, "gas": gas,
                        ])
                }
                return recorder.use("\(gas) (rewetted \(state.landUse), \(state.nutrient))", factor)
            }
            rates.co2 = (try rewetted("co2") + rewetted("doc")) * Units.carbonToCO2
            rates.ch4 = try rewetted("ch4") * Units.carbonToCH4 / Units.kilogramsPerTonne
            rates.n2o = try rewetted("n2o") * Units.nitrogenToN2O / Units.kilogramsPerTonne
        }
        recorder.record("CO2 rate (\(label))", rates.co2, "t CO2/ha/yr")
        recorder.record("CH4 rate (\(label))", rates.ch4, "t CH4/ha/yr")
        recorder.record("N2O rate (\(label))", rates.n2o, "t N2O/ha/yr")
        return rates
    }

    /// Ditch CH4 needs the ditch share, which IPCC does not default: without it the term is left out, and said so.
    private static func noteMissingDitches(_ label: String, recorder: inout RowRecorder) {
        recorder.note("ditch CH4 (\(label)) left out: Frac_ditch has no IPCC default; give ditchFraction to count it")
    }
}
