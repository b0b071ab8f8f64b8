/// Inputs and investments: fertiliser N (direct and indirect N2O), lime and urea CO2, manufacture and
/// transport of inputs, fuel and electricity (method.md §10–11).
///
/// Amounts per year move from the start amount to each scenario's with the row's dynamics (§4.7);
/// every term is a per-unit rate times that series. What a kind takes is data (`input-kinds.csv`).
enum InputsModule: ModuleDescriptor {
    static let title = "Inputs and investments"
    static let tables: Set<String> = ["input-emission-factors", "energy-emission-factors", "electricity-grid-factors"]

    static func assess(_ row: InputRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let kind = try InputKind(row.kind, context: context, rowID: row.id)
        let rates = try perUnitRates(row, kind: kind, context: context, recorder: &recorder)
        for outcome in Outcome.allCases {
            let amounts = context.series(from: row.amount.start, to: row.amount[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            recorder.record("Σ amount", amounts.total, kind.amountUnit.hasSuffix("/yr") ? String(kind.amountUnit.dropLast(3)) : kind.amountUnit, outcome: outcome)
            for (gas, rate) in rates { emissions[outcome].add(gas, perHectare: rate, hectares: amounts.yearly) }
            if let nitrogen = kind.nitrogenPerUnit {
                try Nitrogen.bookIndirect(
                    nitrogenPerUnit: nitrogen, series: amounts.yearly, volatilisation: kind.volatilisation, fertiliser: kind.ef1Source,
                    irrigated: row.irrigated || kind.irrigated, flow: .applied, rowID: row.id, context: context, outcome: outcome,
                    into: &emissions[outcome], recorder: &recorder)
            }
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, quantity: Quantity(values: row.amount, unit: kind.amountUnit))
    }

    /// Gas per unit of the input (t per t, m³ or MWh), for every term the kind has.
    private static func perUnitRates(
        _ row: InputRow, kind: InputKind, context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> [(GasCategory, Double)] {
        var rates: [(GasCategory, Double)] = []
        func inputFactor(_ input: String, _ parameter: String, _ label: String) throws(MissingFactor) -> Double {
            recorder.use(
                label,
                try context.factor(parameter == "co2-ef-application" ? "application-ef" : "manufacture-ef", rowID: row.id) { () throws(MissingFactor) in
                    try context.lookup("input-emission-factors", ["input": input, "parameter": parameter])
                })
        }
        if let nitrogen = kind.nitrogenPerUnit {
            let ef1 = recorder.use(
                "\(kind.ef1Parameter.uppercased()) (\(kind.ef1Source))",
                try context.directEmissionFactor(kind.ef1Parameter, nSource: kind.ef1Source, rowID: row.id, recorder: &recorder))
            rates.append((.n2o, nitrogen * ef1 * Units.nitrogenToN2O))
            recorder.record("N per unit", nitrogen, "t N per \(kind.amountUnit)")
            recorder.record("direct N2O rate", nitrogen * ef1 * Units.nitrogenToN2O, "t N2O per \(kind.amountUnit)")
        }
        if let input = kind.application {
            let carbon = try inputFactor(input, "co2-ef-application", "application EF (\(input))")
            rates.append((.co2Other, carbon * Units.carbonToCO2))
            recorder.record("application CO2 rate", carbon * Units.carbonToCO2, "t CO2 per \(kind.amountUnit)")
        }
        if let input = kind.manufacture {
            if row.manufacturedInCountry {
                recorder.note("manufactured in the country: manufacture and transport left to the national industry inventory (method.md §11, O12)")
            } else {
                let perUnit = try inputFactor(input, "manufacture-transport-co2e", "manufacture and transport (\(input))") * (kind.nitrogenPerUnit ?? 1)
                rates.append((.co2eManufacture, perUnit))
                recorder.record("manufacture rate", perUnit, "t CO2e per \(kind.amountUnit)")
            }
        }
        if let fuel = try kind.fuel(for: row.fuelUse, rowID: row.id) {
            func fuelFactor(_ parameter: String) throws(MissingFactor) -> Double {
                recorder.use(
                    "\(parameter.uppercased()) (\(fuel), \(row.fuelUse))",
                    try context.factor("fuel-\(parameter)", rowID: row.id) { () throws(MissingFactor) in
                        try context.lookup("energy-emission-factors", ["fuel_use": row.fuelUse, "fuel": fuel, "parameter": parameter])
                    })
            }
            let co2 = try fuelFactor("co2-ef")
            if kind.biogenic {
                recorder.record("biogenic CO2 (memo, not counted)", co2, "t CO2 per \(kind.amountUnit)")
            } else {
                rates.append((.co2Other, co2))
            }
            rates.append((kind.biogenic ? .ch4 : .ch4Fossil, try fuelFactor("ch4-ef")))
            rates.append((.n2o, try fuelFactor("n2o-ef")))
        }
        if let name = kind.tierTwoFactor {
            let factor = try context.factor(name, rowID: row.id) { () throws(MissingFactor) in
                throw MissingFactor(table: "override", key: "factor=\(name)", rowID: row.id, hint: gridHint(context))
            }
            rates.append((.co2Other, recorder.use("grid emission factor", factor)))
        }
        return rates
    }

    /// Electricity needs a Tier 2 factor; the hint quotes the country's UNFCCC margins to choose from.
    private static func gridHint(_ context: AssessmentContext) -> String {
        var hint = "which grid margin EX-ACT applies is MISSING (O13): give an override 'electricity-grid-factor' (t CO2/MWh) with its source"
        if let country = context.country,
            let operating = try? context.factors.factor("electricity-grid-factors", ["country": country], column: "operating_margin"),
            let combined = try? context.factors.factor("electricity-grid-factors", ["country": country], column: "combined_margin")
        {
            hint += "; electricity-grid-factors.csv gives \(country) \(operating.value) (operating margin) and \(combined.value) (combined margin) t CO2/MWh"
        }
        return hint
    }
}

/// What one input kind takes from the factor tables (`input-kinds.csv`).
struct InputKind {
    var key: String
    var amountUnit: String
    var nitrogenPerUnit: Double?
    var volatilisation: Nitrogen.Volatilisation
    var ef1Parameter: String
    var ef1Source: String
    var irrigated: Bool
    var application: String?
    var manufacture: String?
    var fuels: [String: String]
    var tierTwoFactor: String?
    var biogenic: Bool

    init(_ key: String, context: AssessmentContext, rowID: String) throws(MissingFactor) {
        func text(_ column: String) throws(MissingFactor) -> String? {
            guard let value = context.factors.text("input-kinds", [key], column: column) else {
                throw MissingFactor(table: "input-kinds", key: "kind=\(key)", column: column, rowID: rowID)
            }
            return value == "none" ? nil : value
        }
        self.key = key
        amountUnit = try text("amount_unit") ?? "unit"
        let nClass = try text("n_class")
        volatilisation = nClass == "synthetic" ? .synthetic : nClass == "organic" ? .organic : .none
        ef1Parameter = try text("ef1_parameter") ?? "ef1"
        ef1Source = try text("ef1_n_source") ?? ""
        irrigated = try text("irrigated") == "yes"
        application = try text("application")
        manufacture = try text("manufacture")
        fuels = [:]
        for use in ["stationary", "mobile", "off-road"] {
            if let fuel = try text("fuel_" + use.replacingOccurrences("-", "_")) { fuels[use] = fuel }
        }
        tierTwoFactor = try text("tier2_factor")
        biogenic = try text("biogenic") == "yes"
        if nClass != nil {
            if key == "urea" {
                nitrogenPerUnit = try context.factor("urea-n-content", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup("input-emission-factors", ["input": "urea", "parameter": "n-content"])
                }.value
            } else {
                nitrogenPerUnit = 1
            }
        }
    }

    /// The fuel key for a combustion use; nil for kinds that burn nothing.
    func fuel(for use: String, rowID: String) throws(MissingFactor) -> String? {
        guard !fuels.isEmpty else { return nil }
        guard let fuel = fuels[use] else {
            throw MissingFactor(table: "input-kinds", key: "kind=\(key), fuel use=\(use)", rowID: rowID, hint: "uses with factors: " + fuels.keys.sorted().joined(separator: ", "))
        }
        return fuel
    }
}
