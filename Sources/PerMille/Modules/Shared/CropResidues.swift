/// Crop residues: burning (CH4, N2O; IPCC 2006 Eq. 2.27) and the N2O of residue N left on the field
/// (method.md §8), shared by annual cropland and flooded rice.
enum CropResidues {
    /// Dry matter of one hectare's harvest and its above-ground residue (IPCC 2019 Table 11.1A).
    struct Biomass {
        var yieldDryMatter: Double
        var aboveGround: Double
    }

    /// Yield (given, or the region's default) → dry matter → residue = slope × yield_dm + intercept.
    static func biomass(
        crop: String, freshYield: Double?, defaultYield: () throws(MissingFactor) -> Factor, rowID: String,
        context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> Biomass {
        let yield: Double
        if let freshYield {
            yield = freshYield
        } else {
            yield = recorder.use("default yield (\(crop))", try defaultYield())
        }
        func parameter(_ name: String, _ label: String, override: String, hint: String? = nil) throws(MissingFactor) -> Double {
            recorder.use(
                "\(label) (\(crop))",
                try context.factor(override, rowID: rowID, hint: hint) { () throws(MissingFactor) in
                    try context.lookup("crop-residue-parameters", ["crop": crop, "parameter": name])
                })
        }
        let dryMatter = try parameter(
            "dry-matter-fraction-of-harvest", "DRY", override: "dry-matter-fraction",
            hint: "the tables give no dry-matter fraction for this crop; give a Tier 2 override 'dry-matter-fraction' with its source")
        let slope = try parameter("residue-slope", "residue slope", override: "residue-slope")
        let intercept = try parameter("residue-intercept", "residue intercept", override: "residue-intercept")
        let yieldDM = yield * dryMatter
        let aboveGround = yieldDM * slope + intercept
        recorder.record("yield (\(crop))", yield, "t/ha")
        recorder.record("yield dry matter (\(crop))", yieldDM, "t dm/ha")
        recorder.record("above-ground residue AG_dm (\(crop))", aboveGround, "t dm/ha")
        return Biomass(yieldDryMatter: yieldDM, aboveGround: aboveGround)
    }

    /// CH4 and N2O of burning `aboveGround` t dm/ha (× `timesPerYear`) on the hectares of `series`.
    static func bookBurning(
        crop: String, aboveGround: Double, timesPerYear: Double, series: [Double], rowID: String, context: AssessmentContext,
        outcome: Outcome, into emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        let cf = recorder.use(
            "C_f (\(crop) residues)",
            try context.factor("residue-cf", rowID: rowID) { () throws(MissingFactor) in
                try context.lookup(
                    "combustion-factors",
                    [
                        "context": "residue-or-vegetation-burning", "land_use": crop, "forest_type": "none", "parameter": "cf",
                    ])
            })
        func emissionFactor(_ gas: String) throws(MissingFactor) -> Double {
            recorder.use(
                "G_ef \(gas.uppercased()) (agricultural residues)",
                try context.factor("residue-gef-\(gas)", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup("burning-emission-factors", ["category": "agricultural-residues", "gas": gas])
                })
        }
        let gefCH4 = try emissionFactor("ch4")
        let gefN2O = try emissionFactor("n2o")
        let burnt = aboveGround * cf * timesPerYear
        recorder.record("residue burnt M_B × C_f (\(crop))", burnt, "t dm/ha/yr", outcome: outcome)
        emissions.add(.ch4, perHectare: burnt * gefCH4 / Units.kilogramsPerTonne, hectares: series)
        emissions.add(.n2o, perHectare: burnt * gefN2O / Units.kilogramsPerTonne, hectares: series)
    }

    /// Residue N (t N/ha/yr): F_CR = AG_dm × N_AG (retained only) + (yield_dm + AG_dm) × R_BG × N_BG.
    static func residueNitrogen(
        crop: String, biomass: Biomass, aboveGroundStays: Bool, rowID: String, context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> Double {
        func parameter(_ name: String, _ label: String) throws(MissingFactor) -> Double {
            recorder.use(
                "\(label) (\(crop))",
                try context.factor(name, rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup("crop-residue-parameters", ["crop": crop, "parameter": name])
                })
        }
        let rootRatio = try parameter("root-to-shoot-ratio", "R_BG")
        let belowN = try parameter("n-content-below-ground-residue", "N_BG")
        var nitrogen = (biomass.yieldDryMatter + biomass.aboveGround) * rootRatio * belowN
        if aboveGroundStays {
            nitrogen += biomass.aboveGround * (try parameter("n-content-above-ground-residue", "N_AG"))
        }
        recorder.record("residue N F_CR (\(crop))", nitrogen, "t N/ha/yr")
        return nitrogen
    }

    /// Direct (EF1 other N inputs) and, for `ipcc`, leaching N2O of residue N on `series` hectares.
    static func bookResidueN2O(
        nitrogenPerHectare: Double, series: [Double], irrigated: Bool, rowID: String, context: AssessmentContext, outcome: Outcome,
        into emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        guard nitrogenPerHectare > 0 else { return }
        let source = context.vocabulary("n-source", "crop-residues")
        let ef1 = recorder.use("EF1 (crop residues)", try context.directEmissionFactor("ef1", nSource: source, rowID: rowID, recorder: &recorder))
        emissions.add(.n2o, perHectare: nitrogenPerHectare * ef1 * Units.nitrogenToN2O, hectares: series)
        // Residue N is not volatilised (IPCC Eq. 11.9 has no F_CR term); it leaches (Eq. 11.10).
        try Nitrogen.bookIndirect(
            nitrogenPerUnit: nitrogenPerHectare, series: series, volatilisation: .none, irrigated: irrigated, flow: .cropResidues,
            rowID: rowID, context: context, outcome: outcome, into: &emissions, recorder: &recorder)
    }
}

extension AssessmentContext {
    /// Units (hectares, heads) in a state during one outcome: those that reached the scenario's state,
    /// and, when the state changed, those still in the start state (method.md §3.2 a).
    func stateSeries(
        start: Double, end: Double, sameState: Bool, dynamics: DynamicsKind, recorder: inout RowRecorder
    ) -> (reached: [Double], stillInStart: [Double]?) {
        if sameState { return (series(from: start, to: end, dynamics: dynamics, recorder: &recorder).yearly, nil) }
        let reached = series(from: 0, to: end, dynamics: dynamics, recorder: &recorder).yearly
        guard start > 0 else { return (reached, nil) }
        return (reached, series(from: start, to: 0, dynamics: dynamics, ownArea: false, recorder: &recorder).yearly)
    }
}
