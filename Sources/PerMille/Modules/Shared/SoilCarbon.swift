/// Soil CO2 and N2O from a change of the mineral soil stock, shared by every land module (method.md §5.2–5.3).
enum SoilCarbon {
    /// One outcome's soil terms.
    struct Change {
        var co2: [Double]
        var n2o: [Double]
    }

    /// Spreads a per-hectare stock change over a row's hectare series.
    ///
    /// - Parameters:
    ///   - deltaSOC: SOC(state) − SOC(reference), t C/ha.
    ///   - maxArea: max(A_start, A_s), for the cap.
    ///   - mineralisation: C:N and EF1 when N2O from mineralised SOM is counted, nil otherwise.
    static func change(
        deltaSOC: Double, series: AreaSeries, maxArea: Double, mineralisation: (cn: Double, ef1: Double)?,
        context: AssessmentContext, outcome: Outcome, recorder: inout RowRecorder
    ) -> Change {
        let d = context.transitionYears.value
        let rate = -deltaSOC / d * Units.carbonToCO2
        let untruncated = rate * series.total
        let truncated = rate * series.soilTotal
        let cap = abs(deltaSOC) * Units.carbonToCO2 * maxArea
        var total = context.method == .exactV94 ? untruncated : truncated
        if abs(total) > cap {
            total = total < 0 ? -cap : cap
            recorder.note("soil CO2 capped at |ΔSOC| × 44/12 × max area = \(Units.rounded(cap)) t CO2 (\(outcome.rawValue))")
        }
        if abs(untruncated - truncated) > 1e-9 * max(1, abs(truncated)) { recorder.divergence(.d6) }
        // A shrinking series has two H_soil rules (D7); they change a number only where the stock changes.
        if deltaSOC != 0, let clipped = series.soilClippedAtBoundaries,
            abs(clipped.reduce(0, +) - series.soilTotal) > 1e-9 * max(1, series.soilTotal)
        {
            recorder.divergence(.d7)
        }
        let soil = context.soilHectares(series)
        let soilTotal = soil.reduce(0, +)
        let co2 = soilTotal > 0 && total != 0 ? soil.map { total * $0 / soilTotal } : []
        recorder.record("ΔSOC", deltaSOC, "t C/ha", outcome: outcome)
        recorder.record("soil CO2 rate", rate, "t CO2/ha/yr", outcome: outcome)
        recorder.record("Σ H", series.total, "ha·yr", outcome: outcome)
        recorder.record("Σ H_soil", soilTotal, "ha·yr", outcome: outcome)
        recorder.record("soil CO2", total, "t CO2", outcome: outcome)

        var n2o: [Double] = []
        if deltaSOC < 0, let mineralisation {
            let perHectare = abs(deltaSOC) / d / mineralisation.cn * mineralisation.ef1 * Units.nitrogenToN2O
            n2o = soil.map { $0 * perHectare }
            recorder.record("SOM N2O rate", perHectare, "t N2O/ha/yr", outcome: outcome)
            recorder.record("SOM N2O", n2o.reduce(0, +), "t N2O", outcome: outcome)
        }
        return Change(co2: co2, n2o: n2o)
    }
}

extension SoilCarbon {
    /// Which C:N ratio a row's lost soil carbon mineralises with (constants table parameter and label).
    struct Mineralisation {
        var parameter: String
        var label: String

        static let croplandRemaining = Mineralisation(parameter: "cn-ratio-cropland-remaining", label: "C:N (cropland remaining cropland)")
        static let grasslandRemaining = Mineralisation(parameter: "cn-ratio-grassland-remaining", label: "C:N (grassland)")
    }

    /// Books a row's soil CO2 and, where carbon is lost and `mineralisation` is given, the SOM N2O.
    static func book(
        deltaSOC: Double, series: AreaSeries, maxArea: Double, mineralisation: Mineralisation?, rowID: String,
        context: AssessmentContext, outcome: Outcome, into emissions: inout GasSeries, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        var ratios: (cn: Double, ef1: Double)?
        if deltaSOC < 0, let mineralisation {
            let cn = recorder.use(mineralisation.label, try context.constant(mineralisation.parameter, rowID: rowID))
            let ef1 = recorder.use("EF1_SOM", try context.somEmissionFactor(rowID: rowID, recorder: &recorder))
            ratios = (cn, ef1)
        }
        let soil = change(
            deltaSOC: deltaSOC, series: series, maxArea: maxArea, mineralisation: ratios, context: context, outcome: outcome,
            recorder: &recorder)
        emissions.add(.co2Soil, soil.co2)
        emissions.add(.n2o, soil.n2o)
        if let ratios {
            // Mineralised N also leaches (IPCC Eq. 11.10, F_SOM); it is not volatilised.
            let nitrogen = deltaSOC < 0 ? -deltaSOC / context.transitionYears.value / ratios.cn : 0
            try Nitrogen.bookIndirect(
                nitrogenPerUnit: nitrogen, series: context.soilHectares(series), volatilisation: .none, irrigated: false, flow: .mineralisedSOM,
                rowID: rowID, context: context, outcome: outcome, into: &emissions, recorder: &recorder)
        }
    }
}

/// Stoichiometric conversions (method.md §1); these are chemistry, not factors.
public enum Units {
    /// C → CO2.
    public static let carbonToCO2 = 44.0 / 12.0
    /// N2O-N → N2O.
    public static let nitrogenToN2O = 44.0 / 28.0
    /// CH4-C → CH4.
    public static let carbonToCH4 = 16.0 / 12.0
    /// kg → t.
    public static let kilogramsPerTonne = 1000.0

    static func rounded(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
