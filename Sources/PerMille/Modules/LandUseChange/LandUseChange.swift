/// Land-use change: biomass and dead organic matter lost or gained at conversion, growth of new
/// forest, and the soil's move from one land use's stock to the other's (method.md §6.2–6.3).
///
/// Hectares convert along the row's series from 0 to the scenario's area; stock differences are
/// booked in the year each hectare converts, soil change over its 20-year transition.
enum LandUseChangeModule: ModuleDescriptor {
    static let title = "Land-use change"
    static let tables: Set<String> = TableNeeds.soil.union(TableNeeds.burning).union(TableNeeds.forest).union(TableNeeds.crops).union([
        "land-use-biomass", "perennial-biomass-growth",
    ])

    static func practiceValues(of row: Row, field: String) -> [String] {
        switch field {
        case "to": return [row.to.key]
        case "from": return [row.from.key]
        default: return []
        }
    }

    static func assess(_ row: LandUseChangeRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        let (before, after, deltaSOC, mineralisation, socFrom) = try context.memoized(
            "luc", row.from.description, row.to.description, rowID: row.id, recorder: &recorder
        ) { (recorder: inout RowRecorder) throws(MissingFactor) -> (Double, Double, Double, (cn: Double, ef1: Double)?, Double) in
            let before = try biomassBefore(row.from, rowID: row.id, context: context, recorder: &recorder)
            let after = try biomassAfter(row.to, rowID: row.id, context: context, recorder: &recorder)
            recorder.record("biomass + DOM before", before, "t C/ha")
            recorder.record("biomass after conversion", after, "t C/ha")
            let socRef = recorder.use("SOCref", try context.socReference(rowID: row.id))
            let fromFactor = try landUseFactor(row.from, side: "from", rowID: row.id, context: context, recorder: &recorder)
            let toFactor = try landUseFactor(row.to, side: "to", rowID: row.id, context: context, recorder: &recorder)
            let deltaSOC = socRef * (toFactor - fromFactor)
            recorder.record("SOC(from)", socRef * fromFactor, "t C/ha")
            recorder.record("SOC(to)", socRef * toFactor, "t C/ha")
            var mineralisation: (cn: Double, ef1: Double)?
            if deltaSOC < 0 {
                let cn = recorder.use("C:N (conversion)", try context.constant("cn-ratio-conversion-to-cropland", rowID: row.id))
                let ef1 = recorder.use("EF1_SOM", try context.somEmissionFactor(rowID: row.id, recorder: &recorder))
                mineralisation = (cn, ef1)
            }
            return (before, after, deltaSOC, mineralisation, socRef * fromFactor)
        }

        for outcome in Outcome.allCases {
            let series = context.series(from: 0, to: row.area[outcome], dynamics: row.dynamics[outcome], recorder: &recorder)
            let perHectare = (before - after) * Units.carbonToCO2
            emissions[outcome].add(.co2Biomass, perHectare: perHectare, hectares: series.changed)
            recorder.record("hectares converted", series.changed.reduce(0, +), "ha", outcome: outcome)

            if row.to.isForest, let forest = row.to.forest {
                try addForestGrowth(forest, series: series, rowID: row.id, outcome: outcome, context: context, emissions: &emissions, recorder: &recorder)
            }
            let soil = SoilCarbon.change(
                deltaSOC: deltaSOC, series: series, maxArea: row.area[outcome], mineralisation: mineralisation,
                context: context, outcome: outcome, recorder: &recorder)
            emissions[outcome].add(.co2Soil, soil.co2)
            emissions[outcome].add(.n2o, soil.n2o)
            if let mineralisation, deltaSOC < 0 {
                try Nitrogen.bookIndirect(
                    nitrogenPerUnit: -deltaSOC / context.transitionYears.value / mineralisation.cn, series: context.soilHectares(series),
                    volatilisation: .none, irrigated: false, flow: .mineralisedSOM, rowID: row.id, context: context,
                    outcome: outcome, into: &emissions[outcome], recorder: &recorder)
            }
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, socStart: socFrom)
    }

    /// Living biomass (and, for forest, dead organic matter) on a hectare before conversion, t C/ha.
    static func biomassBefore(_ landUse: LandUse, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
        if let forest = landUse.forest {
            let stock = try ForestStock.lookUp(forest, label: "from", rowID: rowID, context: context, recorder: &recorder)
            recorder.note("dead organic matter (litter and dead wood) of the cleared forest is lost at conversion (IPCC Tier 1)")
            return stock.living + stock.deadOrganicMatter
        }
        return recorder.use("biomass stock(\(landUse.key))", try landUseBiomass(landUse.key, parameter: "biomass-stock", rowID: rowID, context: context))
    }

    /// Biomass on a hectare in the year after conversion, t C/ha. New forest and perennial systems start at 0:
    /// forest growth is counted here, a perennial system's in its perennialCrops row.
    static func biomassAfter(_ landUse: LandUse, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
        if landUse.isForest { return 0 }
        if isPerennial(landUse.key, context: context) {
            recorder.note("growth of the new \(landUse.key) is counted by its perennialCrops row (a row starting at 0 ha)")
            return 0
        }
        return recorder.use("first-year biomass(\(landUse.key))", try landUseBiomass(landUse.key, parameter: "first-year-biomass-gain", rowID: rowID, context: context))
    }

    /// Land uses that share the annual-cropland biomass values in `land-use-biomass.csv`.
    private static let annualBiomassProxies: Set<String> = ["set-aside", "flooded-rice"]

    private static func landUseBiomass(_ key: String, parameter: String, rowID: String, context: AssessmentContext) throws(MissingFactor) -> Factor {
        let landUse = annualBiomassProxies.contains(key) ? "annual-cropland" : key
        if landUse == "annual-cropland", context.factorSet == .ipcc2006 {
            // IPCC 2006 gives 5 t C/ha for cropland after conversion where 2019 Table 5.9 gives 4.7.
            return try context.factor("\(parameter)-\(key)", rowID: rowID) { () throws(MissingFactor) in
                try context.constant("cropland-biomass-after-conversion-2006")
            }
        }
        let region = context.site.region ?? "all"
        return try context.factor("\(parameter)-\(key)", rowID: rowID) { () throws(MissingFactor) in
            try context.lookup(
                "land-use-biomass",
                [
                    "land_use": landUse, "climate_zone": context.site.climateZone.rawValue, "region": region, "parameter": parameter,
                ])
        }
    }

    static func isPerennial(_ key: String, context: AssessmentContext) -> Bool {
        key == "perennial-cropland" || context.perennialSystems.contains(key)
    }

    /// F_LU of a land use in the land-use-change context; forest soil is SOCref (F_LU 1, Tier 1).
    /// Each side has its own override name (`f-lu-from`, `f-lu-to`), since one row holds two land uses.
    static func landUseFactor(_ landUse: LandUse, side: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
        if landUse.isForest {
            return recorder.use(
                "F_LU(forest)",
                try context.factor("f-lu-\(side)", rowID: rowID) { () throws(MissingFactor) in
                    try context.constant("forest-f-lu")
                })
        }
        let factor = try context.stockChangeFactor(
            "f-lu", landUse: landUse.key, practice: "any", usedIn: "land-use-change", overrideName: "f-lu-\(side)", rowID: rowID, recorder: &recorder)
        return recorder.use("F_LU(\(landUse.key))", factor)
    }

    /// New forest: G_AGB × (1 + R) × CF per hectare-year (≤ 20 / > 20-year rates by cohort age),
    /// and dead organic matter building up to the forest's value over 20 years.
    private static func addForestGrowth(
        _ forest: ForestDescription, series: AreaSeries, rowID: String, outcome: Outcome, context: AssessmentContext,
        emissions: inout OutcomePair<GasSeries>, recorder: inout RowRecorder
    ) throws(MissingFactor) {
        let (young, old, rootToShoot) = try context.memoized("forest-growth", forest.description, rowID: rowID, recorder: &recorder) {
            (recorder: inout RowRecorder) throws(MissingFactor) -> (Double, Double, Double) in
            let region = try context.region(rowID: rowID, table: "forest-agb-growth")
            func growth(_ parameter: String) throws(MissingFactor) -> Factor {
                try context.factor("forest-\(parameter)", rowID: rowID) { () throws(MissingFactor) in
                    try context.lookup(
                        "forest-agb-growth",
                        [
                            "ecozone": forest.ecozone, "region": region, "forest_type": forest.type, "parameter": parameter,
                        ])
                }
            }
            let young = recorder.use("G_AGB ≤ 20 yr", try growth("agb-growth-le-20-years"))
            let old = recorder.use("G_AGB > 20 yr", try growth("agb-growth-gt-20-years"))
            let rootToShoot = recorder.use("R(young forest)", try ForestStock.rootToShoot(forest, agbCarbon: 0, region: region, rowID: rowID, context: context))
            return (young, old, rootToShoot)
        }
        let cf = recorder.use("CF", try context.constant("carbon-fraction", rowID: rowID))
        let youthYears = context.transitionYears.value
        let halfYear = CohortGrowth.yearlyGrowth(series: series, existingArea: 0, existingAge: 0) { years in
            let clamped = max(years, 0)
            return (young * min(clamped, youthYears) + old * max(0, clamped - youthYears)) * (1 + rootToShoot) * cf
        }
        // FAO's engine: no growth in the planting year, then the ≤ 20-year rate for 19 years (the
        // planting year is the stand's first year of age), the > 20-year rate after (D9).
        let yearAfter = CohortGrowth.growthFromYearAfterPlanting(series: series) { yearOfGrowth in
            (Double(yearOfGrowth) < youthYears ? young : old) * (1 + rootToShoot) * cf
        }
        let halfYearTotal = halfYear.reduce(0, +)
        if abs(yearAfter.reduce(0, +) - halfYearTotal) > 1e-9 * max(1, abs(halfYearTotal)) { recorder.divergence(.d9) }
        let carbon = context.method == .exactV94 ? yearAfter : halfYear
        emissions[outcome].add(.co2Biomass, carbon.map { -$0 * Units.carbonToCO2 })
        recorder.record("new forest biomass carbon", carbon.reduce(0, +), "t C", outcome: outcome)

        let stock = try ForestStock.lookUp(forest, label: "to", rowID: rowID, context: context, recorder: &recorder)
        let buildUp = recorder.use("DOM build-up years", try context.constant("afforestation-dom-buildup-years", rowID: rowID))
        let domPerHectareYear = stock.deadOrganicMatter / buildUp
        recorder.note(
            "dead organic matter of new forest builds up linearly to the forest's value over \(Int(exactly: buildUp.rounded()).map(String.init) ?? String(buildUp)) years [M, O15]")
        emissions[outcome].add(.co2Biomass, perHectare: -domPerHectareYear * Units.carbonToCO2, hectares: context.soilHectares(series))
    }
}
