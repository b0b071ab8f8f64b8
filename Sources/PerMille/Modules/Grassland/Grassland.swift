/// Grassland management: soil carbon by condition and input, SOM N2O where carbon falls (ipcc), fire.
///
/// Soil change is counted from the start state on the hectares that reach the scenario's state
/// (method.md §3.2 a), as in EX-ACT's own grassland example.
enum GrasslandModule: ModuleDescriptor {
    static let title = "Grassland"
    static let tables: Set<String> = TableNeeds.soil.union(TableNeeds.burning)
    static let landCategory: LandCategory? = LandCategory(name: "grassland", unassessed: .practices("grazing, fire, improvement"))

    static func practiceValues(of row: Row, field: String) -> [String] {
        switch field {
        case "condition": return [row.states.with.condition]
        case "input": return row.states.with.input.map { [$0] } ?? []
        default: return []
        }
    }

    static func assess(_ row: GrasslandRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        let socRef = recorder.use("SOCref", try context.socReference(rowID: row.id))
        let startSOC = try stock(row.states.start, label: "start", socRef: socRef, row: row, context: context, recorder: &recorder)
        recorder.record("SOC(start)", startSOC, "t C/ha")
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))

        for outcome in Outcome.allCases {
            let state = row.states[outcome]
            let soc = try stock(state, label: outcome.rawValue, socRef: socRef, row: row, context: context, recorder: &recorder)
            recorder.record("SOC", soc, "t C/ha", outcome: outcome)
            let unchanged = state.hasSameSoil(as: row.states.start)
            let series = context.series(
                from: unchanged ? row.area.start : 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            let deltaSOC = soc - startSOC
            // EX-ACT books no N2O from the carbon grassland loses (D3); IPCC does.
            if deltaSOC < 0 { recorder.divergence(.d3) }
            try SoilCarbon.book(
                deltaSOC: deltaSOC, series: series, maxArea: max(row.area.start, row.area[outcome]),
                mineralisation: context.method == .ipcc ? .grasslandRemaining : nil, rowID: row.id, context: context,
                outcome: outcome, into: &emissions[outcome], recorder: &recorder)

            // Fire belongs to the whole state: hectares burn as they reach a state with fire, even when the soil stays.
            let sameState = row.states[outcome] == row.states.start
            let fireSeries =
                sameState == unchanged
                ? series
                : context.series(
                    from: sameState ? row.area.start : 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            try addFire(row: row, outcome: outcome, series: fireSeries, unchanged: sameState, context: context, emissions: &emissions, recorder: &recorder)
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, socStart: startSOC)
    }

    /// SOC = SOCref × F_LU × F_MG × F_I for a grassland state.
    static func stock(
        _ state: GrasslandState, label: String, socRef: Double, row: GrasslandRow, context: AssessmentContext,
        recorder: inout RowRecorder
    ) throws(MissingFactor) -> Double {
        try context.memoized("grassland", state.condition, state.input ?? "", rowID: row.id, recorder: &recorder) {
            (recorder: inout RowRecorder) throws(MissingFactor) -> Double in
            let practice: String
            if state.condition == "improved", let input = state.input {
                practice = context.vocabulary("grassland-improved-input", input)
            } else {
                practice = context.vocabulary("grassland-condition", state.condition)
            }
            var soc = socRef
            for factorName in ["f-lu", "f-mg", "f-i"] {
                let factor = try context.stockChangeFactor(
                    factorName, landUse: "grassland", practice: practice, usedIn: "management", rowID: row.id, recorder: &recorder)
                soc *= recorder.use("\(factorName.uppercased().replacingOccurrences("-", "_"))(\(practice))", factor)
            }
            return soc
        }
    }

    /// Non-CO2 gases of burning: L = ha × M_B × C_f × G_ef × 10⁻³ per fire, 1/interval fires a year.
    private static func addFire(
        row: GrasslandRow, outcome: Outcome, series: AreaSeries, unchanged: Bool, context: AssessmentContext,
        emissions: inout OutcomePair<GasSeries>, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        var burning: [(GrasslandState, [Double])] = []
        let state = row.states[outcome]
        if state.fire { burning.append((state, series.yearly)) }
        let start = row.states.start
        if start.fire, !unchanged {
            // Hectares not yet moved to the scenario's state keep the start state's fires.
            let leaving = context.series(from: row.area.start, to: 0, dynamics: row.dynamics[outcome], ownArea: false, recorder: &recorder)
            burning.append((start, leaving.yearly))
        }
        for (burningState, hectares) in burning {
            guard let fuel = burningState.fireFuelTonnesPerHa, fuel > 0 else {
                recorder.note("fire is on but no fuel biomass is given (fireFuelTonnesPerHa); EX-ACT's default of 0 t dm/ha gives no fire emissions")
                continue
            }
            let interval = burningState.fireIntervalYears ?? 1
            let cf = recorder.use(
                "C_f (grassland fire)",
                try context.factor("grassland-cf", rowID: row.id) { () throws(MissingFactor) in
                    try context.lookup(
                        "combustion-factors",
                        [
                            "context": "savanna-grassland-burning", "land_use": "grassland", "forest_type": "none", "parameter": "cf",
                        ])
                })
            func emissionFactor(_ gas: String) throws(MissingFactor) -> Factor {
                try context.factor("grassland-gef-\(gas)", rowID: row.id) { () throws(MissingFactor) in
                    try context.lookup("burning-emission-factors", ["category": "savanna-and-grassland", "gas": gas])
                }
            }
            let gefCH4 = recorder.use("G_ef CH4 (savanna and grassland)", try emissionFactor("ch4"))
            let gefN2O = recorder.use("G_ef N2O (savanna and grassland)", try emissionFactor("n2o"))
            let burntPerHectare = fuel * cf / interval
            recorder.record("fuel burnt per ha per yr", burntPerHectare, "t dm/ha/yr", outcome: outcome)
            emissions[outcome].add(.ch4, perHectare: burntPerHectare * gefCH4 / Units.kilogramsPerTonne, hectares: hectares)
            emissions[outcome].add(.n2o, perHectare: burntPerHectare * gefN2O / Units.kilogramsPerTonne, hectares: hectares)
        }
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
