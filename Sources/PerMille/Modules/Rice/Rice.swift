/// Flooded rice: CH4 by IPCC 2019 Eq. 5.1–5.3 and the burning of straw (method.md §9).
///
/// EF_i = EF_c × SF_w × SF_p × SF_o (kg CH4/ha/day); per year × cultivation days × seasons on the
/// hectares in each state. Hectares that change practice move gradually, as land rows do (§3.2 a).
enum RiceModule: ModuleDescriptor {
    static let title = "Flooded rice"
    static let tables: Set<String> = TableNeeds.burning.union(TableNeeds.crops).union(["rice-regional-defaults", "rice-scaling-factors"])
    static let landCategory: LandCategory? = LandCategory(name: "flooded rice", unassessed: .practices("water regime, straw, amendments"))

    static func practiceValues(of row: Row, field: String) -> [String] {
        switch field {
        case "water": return [row.states.with.water]
        case "preseason": return [row.states.with.preseason]
        case "straw": return row.states.with.straw.map { [$0] } ?? []
        case "amendments": return row.states.with.amendments.map(\.kind)
        default: return []
        }
    }

    static func assess(_ row: RiceRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let region = try context.region(rowID: row.id, table: "rice-regional-defaults")
        for outcome in Outcome.allCases {
            let state = row.states[outcome]
            let units = context.stateSeries(
                start: row.area.start, end: row.area[outcome], sameState: state == row.states.start,
                dynamics: row.dynamics[outcome], recorder: &recorder)
            try book(state, hectares: units.reached, region: region, row: row, outcome: outcome, context: context, emissions: &emissions[outcome], recorder: &recorder)
            if let leaving = units.stillInStart {
                try book(row.states.start, hectares: leaving, region: region, row: row, outcome: outcome, context: context, emissions: &emissions[outcome], recorder: &recorder)
            }
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder)
    }

    private static func book(
        _ state: RiceState, hectares: [Double], region: String, row: RiceRow, outcome: Outcome, context: AssessmentContext,
        emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        func regional(_ parameter: String, _ label: String, override: String) throws(MissingFactor) -> Double {
            recorder.use(
                "\(label) (\(region))",
                try context.factor(override, rowID: row.id) { () throws(MissingFactor) in
                    try context.lookup("rice-regional-defaults", ["region": region, "parameter": parameter])
                })
        }
        func scaling(_ factor: String, _ field: String, _ key: String, _ label: String) throws(MissingFactor) -> Double {
            let practice = context.vocabulary(field, key)
            return recorder.use(
                "\(label)(\(key))",
                try context.factor(factor, rowID: row.id) { () throws(MissingFactor) in
                    try context.lookup("rice-scaling-factors", ["factor": factor, "practice": practice])
                })
        }
        let baseline = try regional("baseline-ch4-ef", "EF_c", override: "rice-baseline-ef")
        let sfW = try scaling("sf-w", "rice-water", state.water, "SF_w")
        let sfP = try scaling("sf-p", "rice-preseason", state.preseason, "SF_p")

        var organic = 0.0
        for amendment in state.amendments {
            let cfoa = try scaling("cfoa", "rice-amendment", amendment.kind, "CFOA")
            organic += amendment.tonnesPerHa * cfoa
        }
        let straw = state.straw ?? "exported"
        var strawBiomass: CropResidues.Biomass?
        if straw == "burned" || straw.hasPrefix("incorporated"), state.strawTonnesPerHa == nil || straw == "burned" {
            strawBiomass = try CropResidues.biomass(
                crop: "rice", freshYield: state.yieldTonnesPerHa,
                defaultYield: { () throws(MissingFactor) in
                    try context.factor("rice-paddy-yield", rowID: row.id) { () throws(MissingFactor) in
                        try context.lookup("rice-regional-defaults", ["region": region, "parameter": "paddy-yield-default"])
                    }
                },
                rowID: row.id, context: context, recorder: &recorder)
        }
        if straw.hasPrefix("incorporated") {
            let amount: Double
            if let given = state.strawTonnesPerHa {
                amount = given
            } else {
                amount = strawBiomass?.aboveGround ?? 0
                recorder.note(
                    "incorporated straw taken as the above-ground residue of the paddy yield (IPCC 2019 Table 11.1A); the rule behind EX-ACT's straw amount is MISSING (O13), give strawTonnesPerHa to replace it"
                )
            }
            organic += amount * (try scaling("cfoa", "rice-straw", straw, "CFOA"))
        }
        var sfO = 1.0
        if organic > 0 {
            let exponent = recorder.use("SF_o exponent", try context.constant("rice-amendment-exponent", rowID: row.id))
            sfO = Math.pow(1 + organic, exponent)
        }
        recorder.record("Σ ROA × CFOA", organic, "t/ha", outcome: outcome)
        recorder.record("SF_o", sfO, "dimensionless", outcome: outcome)
        let days: Double
        if let given = state.cultivationDays {
            days = given
        } else {
            days = try regional("cultivation-period", "cultivation days", override: "rice-cultivation-days")
        }
        if state.seasons * days > 365 {
            recorder.note("\(state.seasons) seasons of \(days) days exceed a year; check seasons and cultivationDays")
        }
        let daily = baseline * sfW * sfP * sfO
        let perHectareYear = daily * days * state.seasons / Units.kilogramsPerTonne
        recorder.record("EF_i", daily, "kg CH4/ha/day", outcome: outcome)
        recorder.record("rice CH4 rate", perHectareYear, "t CH4/ha/yr", outcome: outcome)
        emissions.add(.ch4, perHectare: perHectareYear, hectares: hectares)

        if straw == "burned", let strawBiomass {
            try CropResidues.bookBurning(
                crop: "rice", aboveGround: strawBiomass.aboveGround, timesPerYear: state.seasons, series: hectares, rowID: row.id,
                context: context, outcome: outcome, into: &emissions, recorder: &recorder)
        }
    }
}
