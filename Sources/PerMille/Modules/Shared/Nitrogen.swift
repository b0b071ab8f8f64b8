/// N2O from nitrogen added to or released in managed soils (method.md §10), shared by the inputs,
/// annual-cropland, rice, livestock and soil-carbon terms.
///
/// Direct N2O = N × EF1 × 44/28. Indirect N2O (IPCC Eq. 11.9–11.10) is booked only by the `ipcc`
/// method (divergence D2): volatilised N × EF4 and, where water moves through the soil, leached N × EF5.
enum Nitrogen {
    /// How an N flow volatilises (Frac_GASF for synthetic N, Frac_GASM for organic and grazing N, none otherwise).
    enum Volatilisation: String {
        case synthetic = "frac-gasf"
        case organic = "frac-gasm"
        case none
    }

    /// The N flow a term belongs to, as intermediates name it (fixed names: no string is built per row).
    enum Flow {
        case mineralisedSOM, cropResidues, grazing, applied

        var rateName: String {
            switch self {
            case .mineralisedSOM: "indirect N2O rate (mineralised SOM)"
            case .cropResidues: "indirect N2O rate (crop residues)"
            case .grazing: "indirect N2O rate (pasture, range and paddock N)"
            case .applied: "indirect N2O rate (N applied)"
            }
        }
    }

    /// Books the indirect N2O of `nitrogen` (t N per unit) on the units of `series` (ipcc method only).
    ///
    /// `fertiliser` is the N source of synthetic N (`n2o-emission-factors` key, e.g. `urea`): IPCC 2019
    /// gives Frac_GASF by fertiliser type where the table has a row for it, the aggregate otherwise.
    static func bookIndirect(
        nitrogenPerUnit: Double, series: [Double], volatilisation: Volatilisation, fertiliser: String? = nil, irrigated: Bool,
        flow: Flow, rowID: String, context: AssessmentContext, outcome: Outcome, into emissions: inout GasSeries,
        recorder: inout RowRecorder
    ) throws(MissingFactor) {
        guard nitrogenPerUnit > 0 else { return }
        let leaches = context.leachingApplies(irrigated: irrigated)
        guard volatilisation != .none || leaches else {
            recorder.note("no leaching N2O: the site is \(context.site.climateZone.moisture ?? "montane") and the N is not irrigated (method.md §10.3)")
            return
        }
        recorder.divergence(.d2)
        guard context.method == .ipcc else { return }
        var perUnit = 0.0
        if volatilisation != .none {
            let fraction = recorder.use(
                "\(volatilisation == .synthetic ? "Frac_GASF" : "Frac_GASM")",
                try context.indirectFactor(volatilisation.rawValue, source: volatilisation == .synthetic ? fertiliser : nil, rowID: rowID))
            let ef4 = recorder.use("EF4", try context.indirectFactor("ef4", rowID: rowID))
            perUnit += nitrogenPerUnit * fraction * ef4
        }
        if leaches {
            let fraction = recorder.use("Frac_LEACH", try context.indirectFactor("frac-leach", rowID: rowID))
            let ef5 = recorder.use("EF5", try context.indirectFactor("ef5", rowID: rowID))
            perUnit += nitrogenPerUnit * fraction * ef5
        } else {
            recorder.note("no leaching N2O: the site is \(context.site.climateZone.moisture ?? "montane") and the N is not irrigated (method.md §10.3)")
        }
        let n2o = perUnit * Units.nitrogenToN2O
        recorder.record(flow.rateName, n2o, "t N2O per unit", outcome: outcome)
        emissions.add(.n2oIndirect, perHectare: n2o, hectares: series)
    }
}

extension AssessmentContext {
    /// Whether leached N counts: moist and wet regimes, or irrigated land (method.md §10.3, our choice).
    func leachingApplies(irrigated: Bool) -> Bool { irrigated || wetSite }

    /// Frac_GASF (by fertiliser `source` where the table splits it), Frac_GASM, Frac_LEACH, EF4 or EF5 of
    /// the project's factor set, overridable by the same name.
    func indirectFactor(_ parameter: String, source: String? = nil, rowID: String) throws(MissingFactor) -> Factor {
        try factor(parameter, rowID: rowID) { () throws(MissingFactor) in
            let memoKey = source.map { parameter + "\u{1F}" + $0 } ?? parameter
            if let known = memo.indirect[memoKey] { return try known.get() }
            let found = Result { () throws(MissingFactor) in try tableIndirectFactor(parameter, source: source) }
            memo.indirect[memoKey] = found
            return try found.get()
        }
    }

    /// Indirect N2O is booked by the `ipcc` method only (D2), so these are IPCC's values: with the 2019
    /// set, EF4 by the site's moisture regime (wet for moist sites, from the overlay table; D12's
    /// values) rather than the aggregated 0.010, and Frac_GASF by fertiliser type.
    private func tableIndirectFactor(_ parameter: String, source: String?) throws(MissingFactor) -> Factor {
        if parameter == "ef5", factorSet == .ipcc2019 {
            return try lookup("n2o-emission-factors", ["parameter": "ef5", "n_source": "leached-n"])
        }
        if parameter == "ef4", factorSet == .ipcc2019 {
            let key = ["parameter": "ef4", "n_source": "volatilised-n", "moisture_regime": moistureForFactors]
            if let wet = try? lookup("n2o-emission-factors-ipcc-method", key) { return wet }
            return try lookup("n2o-emission-factors", key)
        }
        let key = parameter == "ef4" ? "volatilised-n" : parameter == "ef5" ? "leached-n" : source ?? "all"
        return try lookup("n2o-factors-extra", ["parameter": parameter, "n_source": key, "factor_set": factorSet.rawValue])
    }

    /// EF1 (or EF1FR for flooded rice) of an N source at the site; IPCC 2006 has only the aggregated values.
    /// On moist sites the `ipcc` method takes IPCC 2019's wet EF1 (D12).
    func directEmissionFactor(_ parameter: String, nSource: String, rowID: String, recorder: inout RowRecorder) throws(MissingFactor) -> Factor {
        try factor(parameter, rowID: rowID) { () throws(MissingFactor) in
            if factorSet == .ipcc2006 {
                return try lookup("n2o-factors-extra", ["parameter": parameter, "n_source": "all", "factor_set": "ipcc-2006"])
            }
            let key = ["parameter": parameter, "n_source": nSource, "climate_zone": site.climateZone.rawValue]
            return try nitrousOxideFactor("n2o-emission-factors", key, recorder: &recorder)
        }
    }

    /// The moisture class of tables split dry / moist / wet; tropical montane takes the dry value, as EX-ACT does.
    var moistureForFactors: String { site.climateZone.moisture ?? "dry" }
}
