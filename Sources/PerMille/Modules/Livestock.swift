/// Livestock: enteric CH4, manure CH4 and manure N2O (direct and indirect) per head (method.md §12).
///
/// Heads move from the start count to each scenario's with the row's dynamics (§4.7); heads whose
/// manure management changes move to the new shares gradually, as land rows do (§3.2 a).
enum LivestockModule {
    static func assess(_ row: LivestockRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        var recorder = context.makeRecorder()
        var emissions = OutcomePair(without: GasSeries(years: context.totalYears), with: GasSeries(years: context.totalYears))
        guard let region = context.site.livestockRegion else {
            throw MissingFactor(
                table: "livestock-parameters", key: "ipcc_region=(none)", rowID: row.id,
                hint: "give project.country: its IPCC livestock region comes from country-regions.csv")
        }
        let herd = Herd(row: row, region: region)
        let animal = try herd.animal(context: context, recorder: &recorder)
        var ratesByShares: [[ManureShare]: PerHead] = [:]
        for outcome in Outcome.allCases {
            let shares = try herd.shares(row.manure[outcome], context: context, recorder: &recorder)
            let startShares = try herd.shares(row.manure.start, context: context, recorder: &recorder)
            let units = context.stateSeries(
                start: row.heads.start, end: row.heads[outcome], sameState: shares == startShares,
                dynamics: row.dynamics[outcome], recorder: &recorder)
            recorder.record("Σ heads·yr", units.reached.reduce(0, +) + (units.stillInStart?.reduce(0, +) ?? 0), "head·yr", outcome: outcome)
            for (list, heads) in [(shares, units.reached)] + (units.stillInStart.map { [(startShares, $0)] } ?? []) {
                let rates: PerHead
                if let known = ratesByShares[list] {
                    rates = known
                } else {
                    rates = try herd.perHead(animal: animal, shares: list, context: context, recorder: &recorder)
                    ratesByShares[list] = rates
                }
                for (gas, rate) in rates.gases { emissions[outcome].add(gas, perHectare: rate, hectares: heads) }
                try Nitrogen.bookIndirect(
                    nitrogenPerUnit: rates.grazingNitrogen, series: heads, volatilisation: .organic, irrigated: false,
                    flow: .grazing, rowID: row.id, context: context, outcome: outcome,
                    into: &emissions[outcome], recorder: &recorder)
            }
        }
        return ModuleRowResult(emissions: emissions, recorder: recorder, quantity: Quantity(values: row.heads, unit: "heads"))
    }

    /// Gas per head and year for one set of manure shares.
    struct PerHead {
        var gases: [(GasCategory, Double)]
        /// t N per head and year left on pasture, range and paddock (F_PRP, for the soils' indirect N2O).
        var grazingNitrogen: Double
    }

    /// Per-animal quantities that do not depend on manure management.
    struct Animal {
        var entericCH4: Double
        /// kg VS and kg N excreted per head and year.
        var volatileSolids: Double
        var nitrogen: Double
    }

    struct Herd {
        var row: LivestockRow
        var region: String

        private func parameter(_ name: String, _ label: String, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
            let factor = try context.factor(name, rowID: row.id) { () throws(MissingFactor) in
                try context.lookup("livestock-parameters", [
                    "ipcc_region": region, "productivity": row.productivity, "animal": row.species, "parameter": name,
                ])
            }
            // The table writes 0 where IPCC gives no value (buffalo in North America and Oceania).
            guard factor.value > 0 || factor.table == "override" else {
                throw MissingFactor(
                    table: "livestock-parameters", key: "ipcc_region=\(region), animal=\(row.species), parameter=\(name)", rowID: row.id,
                    hint: "IPCC gives no value here (0 in the table); give a Tier 2 override '\(name)'")
            }
            return recorder.use("\(label) (\(row.species), \(region), \(row.productivity))", factor)
        }

        func animal(context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Animal {
            let enteric = try parameter("enteric-ch4-ef", "EF enteric", context: context, recorder: &recorder)
            let mass = try parameter("typical-animal-mass", "TAM", context: context, recorder: &recorder)
            let vsRate = try parameter("vs-excretion-rate", "VS rate", context: context, recorder: &recorder)
            let nRate = try parameter("n-excretion-rate", "N rate", context: context, recorder: &recorder)
            let volatileSolids = vsRate * mass / 1000 * 365
            let nitrogen = nRate * mass / 1000 * 365
            recorder.record("VS excreted", volatileSolids, "kg VS/head/yr")
            recorder.record("N excreted Nex", nitrogen, "kg N/head/yr")
            return Animal(entericCH4: enteric / Units.kilogramsPerTonne, volatileSolids: volatileSolids, nitrogen: nitrogen)
        }

        /// The row's shares, or the region's default shares of the animal.
        func shares(_ given: [ManureShare]?, context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> [ManureShare] {
            if let given { return given.sorted { $0.system < $1.system } }
            let table = try context.factors.table("livestock-manure-system-shares")
            let prefix = [region, row.productivity, row.species]
            let records = table.records.filter { Array($0.key.prefix(3)) == prefix }
            guard !records.isEmpty else {
                throw MissingFactor(
                    table: "livestock-manure-system-shares", key: "ipcc_region=\(region), productivity=\(row.productivity), animal=\(row.species)",
                    rowID: row.id, hint: "give the row's manure shares")
            }
            var shares: [ManureShare] = []
            for record in records {
                guard let factor = table.factor(record) else { continue }
                let system = record.key[3]
                shares.append(ManureShare(system: system, percent: recorder.use("default share \(system)", factor)))
            }
            let sum = shares.reduce(0) { $0 + $1.percent }
            if abs(sum - 100) > 0.5 {
                recorder.note("the default manure shares of \(row.species) in \(region) sum to \(sum) %, not 100 (factor-data README item 13); used as given")
            }
            return shares.sorted { $0.system < $1.system }
        }

        func perHead(animal: Animal, shares: [ManureShare], context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> PerHead {
            var ch4 = animal.entericCH4
            var direct = 0.0
            var indirect = 0.0
            var grazing = 0.0
            for share in shares where share.percent > 0 {
                let fraction = share.percent / 100
                let system = share.system
                let ef = try manureFactor("manure-ch4-ef-\(system)", table: "manure-management-factors", key: ["parameter": "ch4-ef", "animal": row.species, "manure_system": system], label: "manure CH4 EF (\(system))", unit: "g CH4/kg VS", context: context, recorder: &recorder)
                ch4 += animal.volatileSolids * fraction * ef / 1_000_000
                let nitrogen = animal.nitrogen * fraction / Units.kilogramsPerTonne
                if system == "pasture-range-paddock" {
                    direct += nitrogen * (try grazingEmissionFactor(context: context, recorder: &recorder))
                    grazing += nitrogen
                    continue
                }
                let ef3 = try manureFactor("manure-ef3-\(system)", label: "EF3 (\(system))", unit: "kg N2O-N/kg N", context: context, recorder: &recorder)
                let gas = try manureFactor("manure-frac-gas-\(system)", label: "Frac_GAS_MS (\(system))", unit: "kg N/kg N", context: context, recorder: &recorder)
                let leach = try manureFactor("manure-frac-leach-\(system)", label: "Frac_LEACH_MS (\(system))", unit: "kg N/kg N", context: context, recorder: &recorder)
                let ef4 = recorder.use("EF4 (\(context.moistureForFactors))", try context.factor("ef4-manure", rowID: row.id) { () throws(MissingFactor) in
                    try context.nitrousOxideFactor(
                        "n2o-emission-factors", ["parameter": "ef4", "n_source": "volatilised-n", "moisture_regime": context.moistureForFactors],
                        recorder: &recorder)
                })
                let ef5 = recorder.use("EF5", try context.indirectFactor("ef5", rowID: row.id))
                direct += nitrogen * ef3
                indirect += nitrogen * (gas * ef4 + leach * ef5)
            }
            recorder.record("CH4 per head (enteric + manure)", ch4, "t CH4/head/yr")
            var gases: [(GasCategory, Double)] = [(.ch4, ch4), (.n2o, direct * Units.nitrogenToN2O)]
            if indirect > 0 { gases.append((.n2oIndirect, indirect * Units.nitrogenToN2O)) }
            recorder.record("manure N2O per head (direct)", direct * Units.nitrogenToN2O, "t N2O/head/yr")
            return PerHead(gases: gases, grazingNitrogen: grazing)
        }

        /// EF3PRP by animal group and moisture (IPCC 2019), or the 2006 values.
        private func grazingEmissionFactor(context: AssessmentContext, recorder: inout RowRecorder) throws(MissingFactor) -> Double {
            let group = context.vocabulary("ef3prp-group", row.species)
            let set = context.factorSet.rawValue
            let moisture = context.moistureForFactors
            return recorder.use("EF3PRP (\(group))", try context.factor("ef3prp", rowID: row.id) { () throws(MissingFactor) in
                let byMoisture = ["parameter": "ef3prp", "n_source": group, "factor_set": set, "moisture_regime": moisture]
                if (try? context.lookup("n2o-factors-extra", byMoisture)) != nil {
                    return try context.nitrousOxideFactor("n2o-factors-extra", byMoisture, recorder: &recorder)
                }
                return try context.lookup("n2o-factors-extra", ["parameter": "ef3prp", "n_source": group, "factor_set": set, "moisture_regime": "all"])
            })
        }

        /// A manure-management factor: the table's where it has one, else a Tier 2 override, else a refusal.
        private func manureFactor(
            _ name: String, table: String? = nil, key: [String: String] = [:], label: String, unit: String, context: AssessmentContext,
            recorder: inout RowRecorder
        ) throws(MissingFactor) -> Double {
            recorder.use(label, try context.factor(name, rowID: row.id) { () throws(MissingFactor) in
                if let table, let found = try? context.lookup(table, key) { return found }
                throw MissingFactor(
                    table: "override", key: "factor=\(name)", rowID: row.id,
                    hint: "IPCC 2019 manure-management factors (Tables 10.14, 10.21, 10.22) are MISSING for this system: give a Tier 2 override '\(name)' in \(unit), or manure shares without it")
            })
        }
    }
}
