/// Annual cropland: soil carbon by land use (cropland or set-aside), tillage and carbon input.
///
/// Rows with land at the start are "remaining" cropland: the `ipcc` method counts the change from
/// the start state, `exact-v9.4` compares each scenario with SOCref × F_LU on the row's own area (D1).
/// Rows that start at 0 ha receive land through a land-use change and always use the land-use
/// reference, since the F_LU step is booked by the conversion row (method.md §3.2).
enum AnnualCroplandModule: ModuleDescriptor {
    static let title = "Annual cropland"
    static let tables: Set<String> = TableNeeds.soil.union(TableNeeds.burning).union(TableNeeds.crops)
    static let landCategory: LandCategory? = LandCategory(name: "annual cropland", unassessed: .practices("residues, tillage, inputs"))

    static func practiceValues(of row: Row, field: String) -> [String] {
        let state = row.states.with
        switch field {
        case "tillage": return [state.tillage]
        case "input": return [state.input]
        case "residues": return state.residues.map { [$0.rawValue] } ?? []
        case "landUse": return [state.landUse]
        case "crop": return state.crop.map { [$0] } ?? []
        default: return []
        }
    }

    static func assess(_ row: AnnualCropRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        let socRef = recorder.use("SOCref", try context.socReference(rowID: row.id))
        let remaining = row.area.start > 0
        if remaining { recorder.divergence(.d1) }
        let startSOC = try stock(row.states.start, socRef: socRef, rowID: row.id, context: context, recorder: &recorder)
        recorder.record("SOC(start)", startSOC, "t C/ha")
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))

        for outcome in Outcome.allCases {
            let state = row.states[outcome]
            let soc = try stock(state, socRef: socRef, rowID: row.id, context: context, recorder: &recorder)
            recorder.record("SOC", soc, "t C/ha", outcome: outcome)
            let deltaSOC: Double
            let series: AreaSeries
            if remaining && context.method == .ipcc {
                let unchanged = state.hasSameSoil(as: row.states.start)
                deltaSOC = soc - startSOC
                series = context.series(
                    from: unchanged ? row.area.start : 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            } else {
                let fLU = try landUseFactor(state.landUse, rowID: row.id, context: context, recorder: &recorder)
                let reference = socRef * fLU
                recorder.record("SOC reference (SOCref × F_LU)", reference, "t C/ha", outcome: outcome)
                deltaSOC = soc - reference
                series = context.series(from: row.area.start, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            }
            try SoilCarbon.book(
                deltaSOC: deltaSOC, series: series, maxArea: max(row.area.start, row.area[outcome]), mineralisation: .croplandRemaining,
                rowID: row.id, context: context, outcome: outcome, into: &emissions[outcome], recorder: &recorder)
            try bookResidues(row, outcome: outcome, context: context, emissions: &emissions[outcome], recorder: &recorder)
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, socStart: startSOC)
    }

    /// SOC = SOCref × F_LU × F_MG × F_I; set-aside land carries no tillage or input factor.
    static func stock(
        _ state: AnnualCropState, socRef: Double, rowID: String, context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> Double {
        try context.memoized("annual", state.landUse, state.tillage, state.input, rowID: rowID, recorder: &recorder) {
            (recorder: inout RowRecorder) throws(MissingFactor) -> Double in
            var soc = socRef * (try landUseFactor(state.landUse, rowID: rowID, context: context, recorder: &recorder))
            guard state.landUse == "annual-cropland" else { return soc }
            let tillage = context.vocabulary("tillage", state.tillage)
            let input = context.vocabulary("input", state.input)
            let fMG = try context.stockChangeFactor("f-mg", landUse: "cropland", practice: tillage, usedIn: "management", rowID: rowID, recorder: &recorder)
            let fI = try context.stockChangeFactor("f-i", landUse: "cropland", practice: input, usedIn: "management", rowID: rowID, recorder: &recorder)
            soc *= recorder.use("F_MG(\(tillage))", fMG)
            soc *= recorder.use("F_I(\(input))", fI)
            return soc
        }
    }

    static func landUseFactor(_ landUse: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
        try context.memoized("annual-flu", landUse, rowID: rowID, recorder: &recorder) { (recorder: inout RowRecorder) throws(MissingFactor) -> Double in
            let factor = try context.stockChangeFactor("f-lu", landUse: landUse, practice: "any", usedIn: "management", rowID: rowID, recorder: &recorder)
            return recorder.use("F_LU(\(landUse))", factor)
        }
    }

    /// Residue burning and residue N on the hectares in each state (method.md §8).
    private static func bookResidues(
        _ row: AnnualCropRow, outcome: Outcome, context: AssessmentContext, emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        let start = row.states.start
        let state = row.states[outcome]
        guard state.residues != nil || start.residues != nil else { return }
        let same = state.crop == start.crop && state.residues == start.residues && state.yieldTonnesPerHa == start.yieldTonnesPerHa
        let units = context.stateSeries(
            start: row.area.start, end: row.area[outcome], sameState: same, dynamics: row.dynamics[outcome], recorder: &recorder)
        try bookResidues(of: state, hectares: units.reached, rowID: row.id, context: context, outcome: outcome, emissions: &emissions, recorder: &recorder)
        if let leaving = units.stillInStart {
            try bookResidues(of: start, hectares: leaving, rowID: row.id, context: context, outcome: outcome, emissions: &emissions, recorder: &recorder)
        }
    }

    private static func bookResidues(
        of state: AnnualCropState, hectares: [Double], rowID: String, context: AssessmentContext, outcome: Outcome,
        emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        guard let handling = state.residues else { return }
        guard let crop = state.crop else {
            throw MissingFactor(table: "crop-residue-parameters", key: "crop=(none)", rowID: rowID, hint: "residues '\(handling.rawValue)' need the state's crop")
        }
        let biomass = try CropResidues.biomass(
            crop: crop, freshYield: state.yieldTonnesPerHa,
            defaultYield: { () throws(MissingFactor) in
                let region = try context.region(rowID: rowID, table: "crop-yields")
                return try context.lookup("crop-yields", ["crop": crop, "region": region], column: "yield_average")
            },
            rowID: rowID, context: context, recorder: &recorder)
        if handling == .burned {
            try CropResidues.bookBurning(
                crop: crop, aboveGround: biomass.aboveGround, timesPerYear: 1, series: hectares, rowID: rowID, context: context,
                outcome: outcome, into: &emissions, recorder: &recorder)
        }
        var nitrogen = try CropResidues.residueNitrogen(
            crop: crop, biomass: biomass, aboveGroundStays: handling == .retained, rowID: rowID, context: context, recorder: &recorder)
        if handling == .burned, nitrogen > 0 {
            // IPCC counts the roots of a burned crop (Eq. 11.6); EX-ACT counts no residue N at all (D11).
            recorder.divergence(.d11)
            if context.method == .exactV94 {
                nitrogen = 0
                recorder.note("residues burned: no residue N counted, as in EX-ACT v9.4 (D11)")
            }
        }
        if handling != .retained, nitrogen > 0 {
            recorder.note("residues \(handling.rawValue): only the below-ground residue N is counted (method.md §8, our reading)")
        }
        try CropResidues.bookResidueN2O(
            nitrogenPerHectare: nitrogen, series: hectares, irrigated: false, rowID: rowID, context: context, outcome: outcome,
            into: &emissions, recorder: &recorder)
    }
}
