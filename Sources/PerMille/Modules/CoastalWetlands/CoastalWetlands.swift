/// Coastal wetlands: drainage, excavation, rewetting and revegetation of mangroves, tidal marshes and
/// seagrass meadows (method.md §7.12; spec coastal-wetlands.md §3).
///
/// `exact-v9.4` reproduces FAO's engine term by term, quirks included; `ipcc` departs from it where a
/// quirk is unsound (D22–D26), each departure recorded on the row in both methods.
enum CoastalWetlandsModule: ModuleDescriptor {
    static let title = "Coastal wetlands"
    static let tables: Set<String> = ["coastal-wetlands", "uncertainty-classes-coastalWetlands"]

    static func practiceValues(of row: Row, field: String) -> [String] {
        field == "vegetation" ? [row.vegetation.rawValue] : []
    }

    /// Per-hectare stocks and rates of a row, defaults or Tier 2 overrides.
    struct Factors {
        /// Vegetation carbon lost on drainage or excavation, and regained by revegetation (t C/ha).
        var lostStock: Double
        var regainedStock: Double
        /// Top-metre soil carbon (t C/ha) and the share of it lost on excavation.
        var soilCarbon: Double
        var excavationLoss: Double
        /// t C/ha/yr; rewetting is nil where the table has no value (mangrove, boreal and cool zones).
        var drainageRate: Double
        var rewettingRate: Double?
        /// kg CH4/ha/yr of rewetted land.
        var rewettingCH4: Double
        /// Years a revegetated hectare takes to regain its stock.
        var revegetationYears: Int
    }

    static func assess(_ row: CoastalWetlandRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let factors = try lookUp(row, context: context, recorder: &recorder)
        let start = row.states.start
        if start.revegetatedHa > 0 {
            if context.method == .exactV94 {
                recorder.note("start revegetation ignored, as FAO's engine does: hectares revegetated before the project regain their stock again in each scenario (D26)")
            }
        }
        recorder.note("coastal soil carbon is a 0–100 cm stock: the row is left out of the per-mille rates, which compare 0–30 cm SOC")
        for outcome in Outcome.allCases {
            let scenario = row.states[outcome]
            let dynamics = row.dynamics[outcome]
            var gases = Terms(years: context.totalYears)
            if context.method == .exactV94 {
                try engineTerms(row, scenario: scenario, dynamics: dynamics, factors: factors, context: context, recorder: &recorder, into: &gases)
            } else {
                try ipccTerms(row, scenario: scenario, dynamics: dynamics, factors: factors, context: context, recorder: &recorder, into: &gases)
            }
            markDivergences(row, scenario: scenario, dynamics: dynamics, factors: factors, recorder: &recorder)
            emissions[outcome].add(.co2Biomass, gases.biomass)
            emissions[outcome].add(.co2Soil, gases.soil)
            emissions[outcome].add(.ch4, gases.ch4)
            recorder.record("Σ co2-biomass", gases.biomass.reduce(0, +), "t CO2", outcome: outcome)
            recorder.record("Σ co2-soil", gases.soil.reduce(0, +), "t CO2", outcome: outcome)
            recorder.record("Σ ch4", gases.ch4.reduce(0, +), "t CH4", outcome: outcome)
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder)
    }

    /// Yearly t CO2 (biomass, soil) and t CH4 of one scenario.
    struct Terms {
        var biomass: [Double]
        var soil: [Double]
        var ch4: [Double]
        init(years: Int) {
            biomass = Array(repeating: 0, count: years)
            soil = biomass
            ch4 = biomass
        }
    }

    // MARK: - exact-v9.4: FAO's engine

    private static func engineTerms(
        _ row: CoastalWetlandRow, scenario: CoastalWetlandState, dynamics: DynamicsKind, factors: Factors,
        context: AssessmentContext, recorder: inout RowRecorder, into terms: inout Terms
    ) throws(MissingFactor) {
        let series = Series(context: context, dynamics: dynamics, engine: true)
        let start = row.states.start
        // Drainage: the scenario's drained hectares, always from 0 (Q3).
        let drained = series.half(from: 0, to: scenario.drainedHa)
        add(&terms.biomass, series.split(factors.lostStock * Units.carbonToCO2 * scenario.drainedHa, weights: drained))
        let years = factors.drainageRate > 0 ? Int((factors.soilCarbon / factors.drainageRate).rounded(.down)) : 1000
        let cut = series.cut(from: 0, to: scenario.drainedHa, years: years)
        let uncapped = factors.drainageRate * Units.carbonToCO2 * cut.reduce(0, +)
        let cap = max(0, scenario.drainedHa) * factors.soilCarbon * Units.carbonToCO2
        add(&terms.soil, series.split(abs(uncapped) < abs(cap) ? uncapped : cap, weights: cut))
        // Excavation: one-off totals spread over the engine's series from the excavated hectares down to 0 (Q1, Q2, Q4).
        let excavated = scenario.excavatedHa - start.excavatedHa
        if excavated != 0 {
            let weights = series.half(from: excavated, to: 0)
            add(&terms.biomass, series.split(factors.lostStock * Units.carbonToCO2 * excavated, weights: weights))
            add(&terms.soil, series.split(factors.soilCarbon * factors.excavationLoss * Units.carbonToCO2 * excavated, weights: weights))
            if dynamics == .immediate { recorder.note("excavation counted 0 under immediate dynamics, as FAO's engine does (D22)") }
        }
        // Rewetting: a fall of the drained hectares.
        let rewetted = max(0, start.drainedHa - scenario.drainedHa)
        if rewetted > 0 {
            let rate = try rewettingRate(row, factors, context: context)
            add(&terms.soil, series.half(from: 0, to: rate * Units.carbonToCO2 * rewetted))
            add(&terms.ch4, series.half(from: 0, to: rewetted).map { $0 * factors.rewettingCH4 / Units.kilogramsPerTonne })
        }
        // Revegetation: the scenario's hectares from 0 (start ignored, Q7), each regaining its stock over P years.
        let revegetated = series.cut(from: 0, to: scenario.revegetatedHa, years: factors.revegetationYears)
        let perYear = -factors.regainedStock / Double(factors.revegetationYears) * Units.carbonToCO2
        add(&terms.biomass, revegetated.map { $0 * perYear })
    }

    // MARK: - ipcc: the engine's structure without its unsound quirks

    private static func ipccTerms(
        _ row: CoastalWetlandRow, scenario: CoastalWetlandState, dynamics: DynamicsKind, factors: Factors,
        context: AssessmentContext, recorder: inout RowRecorder, into terms: inout Terms
    ) throws(MissingFactor) {
        let series = Series(context: context, dynamics: dynamics, engine: false)
        let start = row.states.start
        // Drainage biomass is lost once, in the years the hectares are drained, on newly drained land only (D22, D23).
        let drainedChange = series.changes(from: start.drainedHa, to: scenario.drainedHa).map { max(0, $0) }
        add(&terms.biomass, drainedChange.map { $0 * factors.lostStock * Units.carbonToCO2 })
        // Drainage soil CO2 from the start's drained area, each hectare for at most N years (D23).
        let years = factors.drainageRate > 0 ? Int((factors.soilCarbon / factors.drainageRate).rounded(.down)) : 1000
        add(&terms.soil, series.cut(from: start.drainedHa, to: scenario.drainedHa, years: years).map { $0 * factors.drainageRate * Units.carbonToCO2 })
        // Excavation booked as it happens (D22); a fall of the excavated area earns nothing (D24).
        let excavatedChange = series.changes(from: start.excavatedHa, to: scenario.excavatedHa).map { max(0, $0) }
        let perExcavatedHa = (factors.lostStock + factors.soilCarbon * factors.excavationLoss) * Units.carbonToCO2
        add(&terms.biomass, excavatedChange.map { $0 * factors.lostStock * Units.carbonToCO2 })
        add(&terms.soil, excavatedChange.map { $0 * (perExcavatedHa - factors.lostStock * Units.carbonToCO2) })
        // Rewetted, revegetated or created wetland: the rewetting factors on the larger of the two areas (D25, D26).
        let rewetted = max(0, start.drainedHa - scenario.drainedHa)
        let revegetated = max(0, scenario.revegetatedHa - start.revegetatedHa)
        let restored = max(rewetted, revegetated)
        if restored > 0 {
            let rate = try rewettingRate(row, factors, context: context)
            let hectares = series.half(from: 0, to: restored)
            add(&terms.soil, hectares.map { $0 * rate * Units.carbonToCO2 })
            add(&terms.ch4, hectares.map { $0 * factors.rewettingCH4 / Units.kilogramsPerTonne })
        }
        let regrowing = series.cut(from: 0, to: revegetated, years: factors.revegetationYears)
        let perYear = -factors.regainedStock / Double(factors.revegetationYears) * Units.carbonToCO2
        add(&terms.biomass, regrowing.map { $0 * perYear })
    }

    /// Records, in both methods, the divergences the row's inputs touch, so the other method's numbers are reported.
    private static func markDivergences(
        _ row: CoastalWetlandRow, scenario: CoastalWetlandState, dynamics: DynamicsKind, factors: Factors, recorder: inout RowRecorder
    ) {
        let start = row.states.start
        if scenario.excavatedHa != start.excavatedHa || (scenario.drainedHa > 0 && factors.lostStock != 0) { recorder.divergence(.d22) }
        if start.drainedHa > 0 { recorder.divergence(.d23) }
        if scenario.excavatedHa < start.excavatedHa { recorder.divergence(.d24) }
        if dynamics == .exponential, start.drainedHa > scenario.drainedHa { recorder.divergence(.d25) }
        if start.revegetatedHa > 0 || scenario.revegetatedHa > max(0, start.drainedHa - scenario.drainedHa) { recorder.divergence(.d26) }
    }

    private static func rewettingRate(_ row: CoastalWetlandRow, _ factors: Factors, context: AssessmentContext) throws(MissingFactor) -> Double {
        guard let rate = factors.rewettingRate else {
            throw MissingFactor(
                table: "coastal-wetlands",
                key: "vegetation=\(row.vegetation.rawValue), climate_zone=\(context.site.climateZone.rawValue), parameter=rewetting-co2-ef, soil_type=\(row.soil.rawValue)",
                rowID: row.id,
                hint:
                    "WS 2013 Table 4.12 has no rewetting factor for \(row.vegetation.rawValue) in this zone: give a Tier 2 override 'coastal-rewetting-co2' (t C/ha/yr, negative = removal)"
            )
        }
        return rate
    }

    private static func add(_ target: inout [Double], _ values: [Double]) {
        for index in target.indices where index < values.count { target[index] += values[index] }
    }

    // MARK: - Factors

    private static func lookUp(_ row: CoastalWetlandRow, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Factors {
        let zone = context.site.climateZone.rawValue
        let vegetation = row.vegetation.rawValue
        func table(_ parameter: String, soil: String = "all") throws(MissingFactor) -> Factor {
            try context.lookup("coastal-wetlands", ["vegetation": vegetation, "climate_zone": zone, "parameter": parameter, "soil_type": soil])
        }
        func value(_ overrideName: String, _ label: String, _ lookup: () throws(MissingFactor) -> Factor) throws(MissingFactor) -> Double {
            recorder.use(label, try context.factor(overrideName, rowID: row.id, lookup))
        }
        func constant(_ parameter: String) throws(MissingFactor) -> Factor {
            try context.lookup("coastal-wetlands", ["vegetation": "all", "climate_zone": "all", "parameter": parameter, "soil_type": "all"])
        }
        let lostFraction = try value("coastal-carbon-fraction", "CF (drainage, excavation)") { () throws(MissingFactor) in
            try constant("carbon-fraction-drainage-excavation")
        }
        // Revegetation: mangrove keeps 0.451, tidal marsh and seagrass take the general 0.47 (as the engine does).
        let regainedFraction =
            row.vegetation == .mangrove
            ? lostFraction
            : try value("carbon-fraction", "CF (revegetation)") { () throws(MissingFactor) in
                try context.lookup("constants", ["parameter": "carbon-fraction"])
            }
        let hasAGB = context.overrides.contains { $0.factor == "coastal-agb-carbon" && $0.applies(to: row.id) }
        let agbDry = hasAGB ? nil : try value("coastal-agb-stock", "AGB (\(vegetation), \(zone))") { () throws(MissingFactor) in try table("agb-stock") }
        let agbGiven = hasAGB ? try value("coastal-agb-carbon", "AGB carbon (Tier 2)") { () throws(MissingFactor) in try table("agb-carbon-stock") } : nil
        let ratio = try value("coastal-root-to-shoot", "R (\(vegetation))") { () throws(MissingFactor) in try table("root-to-shoot") }
        let hasBGB = context.overrides.contains { $0.factor == "coastal-bgb-carbon" && $0.applies(to: row.id) }
        let bgbGiven = hasBGB ? try value("coastal-bgb-carbon", "BGB carbon (Tier 2)") { () throws(MissingFactor) in try table("bgb-carbon-stock") } : nil
        let litter = try value("coastal-litter", "litter (\(vegetation), \(zone))") { () throws(MissingFactor) in try table("litter") }
        let deadwood = try value("coastal-deadwood", "dead wood (\(vegetation), \(zone))") { () throws(MissingFactor) in try table("deadwood") }
        func stock(_ fraction: Double) -> Double {
            let agb = agbGiven ?? (agbDry ?? 0) * fraction
            return agb + (bgbGiven ?? ratio * agb) + litter + deadwood
        }
        let soilCarbon = try value("coastal-soil-carbon-1m", "C 0–100 cm (\(row.soil.rawValue))") { () throws(MissingFactor) in
            try table("soil-carbon-stock", soil: row.soil.rawValue)
        }
        let loss = try value("coastal-excavation-carbon-loss", "f_ex") { () throws(MissingFactor) in try constant("fraction-soil-carbon-lost-on-excavation") }
        let drainage = try value("coastal-drainage-co2", "EF drainage (\(vegetation))") { () throws(MissingFactor) in try table("drainage-co2-ef") }
        // Absent for mangrove in boreal and cool-temperate zones: only a row that rewets needs it.
        let rewetting = context.factorIfGiven("coastal-rewetting-co2", rowID: row.id) { () throws(MissingFactor) in
            try table("rewetting-co2-ef", soil: row.soil.rawValue)
        }.map { recorder.use("EF rewetting CO2 (\(vegetation), \(row.soil.rawValue))", $0) }
        let ch4 = try value("coastal-rewetting-ch4", "EF rewetting CH4 (salinity \(row.salinity.rawValue))") { () throws(MissingFactor) in
            try table("rewetting-ch4-ef-salinity-\(row.salinity.rawValue)")
        }
        let years = try value("coastal-revegetation-years", "P (revegetation)") { () throws(MissingFactor) in try constant("revegetation-years") }
        let factors = Factors(
            lostStock: stock(lostFraction), regainedStock: stock(regainedFraction), soilCarbon: soilCarbon, excavationLoss: loss,
            drainageRate: drainage, rewettingRate: rewetting, rewettingCH4: ch4, revegetationYears: max(1, Int(years.rounded())))
        recorder.record("C_veg", factors.lostStock, "t C/ha")
        recorder.record("C_reg", factors.regainedStock, "t C/ha")
        return factors
    }

    // MARK: - Series of the engine (coastal-wetlands.md §3.2)

    struct Series {
        var implementationYears: Int
        var totalYears: Int
        var rate: Double
        var dynamics: DynamicsKind
        /// FAO's exponential curve (lo + hi · g) rather than the consistent a0 + (a1 − a0) · g.
        var engine: Bool

        init(context: AssessmentContext, dynamics: DynamicsKind, engine: Bool) {
            implementationYears = context.implementationYears
            totalYears = context.totalYears
            rate = context.dynamics.exponentialRate
            self.dynamics = dynamics
            self.engine = engine
        }

        /// B(i), i = 0…T.
        func boundaries(from a0: Double, to a1: Double) -> [Double] {
            let ti = Double(implementationYears)
            return (0...totalYears).map { i in
                let j = Double(min(i, implementationYears))
                switch dynamics {
                case .linear: return a0 + (a1 - a0) * j / ti
                case .immediate: return a1
                case .exponential:
                    let g = (Math.exp(rate * j) - 1) / (Math.exp(rate * ti) - 1)
                    guard engine else { return a0 + (a1 - a0) * g }
                    let (lo, hi) = a0 < a1 ? (a0, a1) : (a1, a0)
                    return lo + hi * g
                }
            }
        }

        /// H(y) = (B(y − 1) + B(y)) / 2, y = 1…T.
        func half(from a0: Double, to a1: Double) -> [Double] {
            let b = boundaries(from: a0, to: a1)
            return (1...max(totalYears, 1)).map { (b[$0 - 1] + b[$0]) / 2 }
        }

        /// Hectares counted at most `years` years each: D(i) = max(0, B(i) − B(i − N)), averaged like H.
        func cut(from a0: Double, to a1: Double, years: Int) -> [Double] {
            let b = boundaries(from: a0, to: a1)
            let d = b.indices.map { i in max(0, b[i] - (i >= years ? b[i - years] : 0)) }
            return (1...max(totalYears, 1)).map { (d[$0 - 1] + d[$0]) / 2 }
        }

        /// B(y) − B(y − 1), with the jump at i = 0 of immediate dynamics in year 1: hectares changed each year.
        func changes(from a0: Double, to a1: Double) -> [Double] {
            let b = boundaries(from: a0, to: a1)
            return (1...max(totalYears, 1)).map { $0 == 1 ? b[1] - a0 : b[$0] - b[$0 - 1] }
        }

        /// A one-off total spread over the years in proportion to `weights` (0 everywhere when they sum to 0).
        func split(_ total: Double, weights: [Double]) -> [Double] {
            let sum = weights.reduce(0, +)
            guard sum != 0 else { return weights.map { _ in 0 } }
            return weights.map { total * $0 / sum }
        }
    }
}
