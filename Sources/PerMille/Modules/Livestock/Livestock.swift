/// Livestock: enteric CH4, manure CH4 and manure N2O (direct and indirect) per head (method.md §12).
///
/// Heads move from the start count to each scenario's with the row's dynamics (§4.7); heads whose
/// manure management changes move to the new shares gradually, as land rows do (§3.2 a).
enum LivestockModule: ModuleDescriptor {
    static let title = "Livestock"
    static let tables: Set<String> = [
        "livestock-parameters", "livestock-manure-system-shares", "manure-management-factors", "livestock-manure-defaults", "livestock-manure-ipcc-values",
    ]

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
                try context.lookup(
                    "livestock-parameters",
                    [
                        "ipcc_region": region, "productivity": row.productivity, "animal": row.species, "parameter": name,
                    ])
            }
            guard factor.value > 0 || factor.table == "override" else {
                // EX-ACT has no manure block for deer, ostrich and llamas (livestock-manure-defaults.md §6
                // item 2) and writes their excretion rates as 0: a value it applies, so the herd is assessed
                // with no manure emission from it and the row says so. Any other 0 (buffalo mass and enteric
                // EF in North America and Oceania) is a gap IPCC leaves, and the row is refused.
                if Self.excretionRates.contains(name) {
                    recorder.note(
                        "EX-ACT's \(label) of \(row.species) in \(region) is 0: no manure \(name == "n-excretion-rate" ? "N2O" : "CH4") is counted for this herd, as EX-ACT does; give a Tier 2 override '\(name)' (and the manure factors) for a country value"
                    )
                    return recorder.use("\(label) (\(row.species), \(region), \(row.productivity))", factor)
                }
                throw MissingFactor(
                    table: "livestock-parameters", key: "ipcc_region=\(region), animal=\(row.species), parameter=\(name)", rowID: row.id,
                    hint: "IPCC gives no value here (0 in the table); give a Tier 2 override '\(name)'")
            }
            return recorder.use("\(label) (\(row.species), \(region), \(row.productivity))", factor)
        }

        /// Parameters whose 0 in `livestock-parameters` is EX-ACT's value rather than a gap.
        private static let excretionRates: Set<String> = ["vs-excretion-rate", "n-excretion-rate"]

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
                // IPCC gives some regions' shares for one productivity class only (swine in Western Europe: high).
                let classes = Set(table.records.filter { $0.key.count >= 3 && $0.key[0] == region && $0.key[2] == row.species }.map { $0.key[1] }).sorted()
                let other =
                    classes.isEmpty ? "" : " or set \"productivity\" to \(classes.map { "'\($0)'" }.joined(separator: " or ")), which the table has for \(row.species) in \(region)"
                throw MissingFactor(
                    table: "livestock-manure-system-shares", key: "ipcc_region=\(region), productivity=\(row.productivity), animal=\(row.species)",
                    rowID: row.id, hint: "give the row's manure shares" + other)
            }
            var shares: [ManureShare] = []
            for record in records {
                guard let factor = table.factor(record).map(context.perturbed) else { continue }
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
                let ef = try manureFactor(.ch4, system: system, context: context, recorder: &recorder)
                ch4 += animal.volatileSolids * fraction * ef / 1_000_000
                let nitrogen = animal.nitrogen * fraction / Units.kilogramsPerTonne
                if system == ManureFactorKind.pastureRangePaddock {
                    // N left on pasture is a managed-soil input: EF3PRP of the soils' table, and its
                    // indirect N2O is booked with the soils' (D2), as for the other N inputs.
                    direct += nitrogen * (try grazingEmissionFactor(context: context, recorder: &recorder))
                    grazing += nitrogen
                    continue
                }
                let ef3 = try manureFactor(.ef3, system: system, context: context, recorder: &recorder)
                let gas = try manureFactor(.fracGas, system: system, context: context, recorder: &recorder)
                let leach = try manureFactor(.fracLeach, system: system, context: context, recorder: &recorder)
                let ef4 = recorder.use(
                    "EF4 (\(context.moistureForFactors))",
                    try context.factor("ef4-manure", rowID: row.id) { () throws(MissingFactor) in
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
            return recorder.use(
                "EF3PRP (\(group))",
                try context.factor("ef3prp", rowID: row.id) { () throws(MissingFactor) in
                    let byMoisture = ["parameter": "ef3prp", "n_source": group, "factor_set": set, "moisture_regime": moisture]
                    if (try? context.lookup("n2o-factors-extra", byMoisture)) != nil {
                        return try context.nitrousOxideFactor("n2o-factors-extra", byMoisture, recorder: &recorder)
                    }
                    return try context.lookup("n2o-factors-extra", ["parameter": "ef3prp", "n_source": group, "factor_set": set, "moisture_regime": "all"])
                })
        }

        /// A manure-management factor for one system: the row's Tier 2 override, else the default of
        /// `livestock-manure-defaults` for the species, productivity and climate zone, else a refusal.
        ///
        /// A 0 in the table is EX-ACT's value and is used (the row says so). Where
        /// `livestock-manure-ipcc-values` holds a value for the cell (a cell livestock-manure-defaults.md
        /// flags), the `ipcc` method takes it and both methods mark the row with the divergence it names.
        private func manureFactor(
            _ kind: ManureFactorKind, system: String, context: AssessmentContext, recorder: inout RowRecorder
        ) throws(MissingFactor) -> Double {
            let overrideName = "\(kind.rawValue)-\(system)"
            let label = "\(kind.label) (\(system))"
            if context.overrides.contains(where: { $0.factor == overrideName && $0.applies(to: row.id) }) {
                return recorder.use(
                    label,
                    try context.factor(overrideName, rowID: row.id) { () throws(MissingFactor) in
                        throw MissingFactor(table: "override", key: "factor=\(overrideName)", rowID: row.id)
                    })
            }
            let key = [
                "parameter": kind.rawValue, "species": row.species, "productivity": row.productivity, "manure_system": system,
                "climate_zone": context.site.climateZone.rawValue, "region": region,
            ]
            // Pasture CH4 (0.6 g/kg VS) keeps its IPCC-sourced row of `manure-management-factors`, which
            // results recorded before the EX-ACT table existed cite; the value is the same.
            if kind == .ch4, let pasture = try? context.lookup("manure-management-factors", ["parameter": "ch4-ef", "animal": row.species, "manure_system": system]) {
                return recorder.use(label, pasture)
            }
            let exact: Factor
            do { exact = try context.lookup("livestock-manure-defaults", key) } catch {
                throw MissingFactor(
                    table: "livestock-manure-defaults",
                    key:
                        "parameter=\(kind.rawValue), species=\(row.species), productivity=\(row.productivity), manure_system=\(system), climate_zone=\(context.site.climateZone.rawValue)",
                    rowID: row.id,
                    hint:
                        "EX-ACT v9.4 has no default for this manure system and animal: give a Tier 2 override '\(overrideName)' in \(kind.unit), or manure shares without '\(system)'"
                )
            }
            if let (found, id) = LivestockModule.ipccValue(key, factors: context.factors) {
                let corrected = context.perturbed(found)
                recorder.divergence(id)
                if context.method == .ipcc {
                    recorder.note("\(label): EX-ACT's table gives \(exact.value), the ipcc method uses \(corrected.value) (\(id.rawValue))")
                    return recorder.use(label, corrected)
                }
                recorder.note("\(label): EX-ACT's value \(exact.value) is kept by exact-v9.4; the ipcc method uses \(corrected.value) (\(id.rawValue))")
            }
            if exact.value == 0 {
                recorder.note("\(label) is 0 in EX-ACT v9.4's table for \(row.species) (\(row.productivity), \(context.site.climateZone.rawValue)): counted as 0, as EX-ACT does")
            }
            if kind == .ch4, system == ManureFactorKind.poultryDigesterSuspect.system, row.productivity == "high-productivity",
                ManureFactorKind.poultryDigesterSuspect.species.contains(row.species)
            {
                // livestock-manure-defaults.md §6 item 5: no IPCC-consistent value is known, so both methods keep EX-ACT's.
                recorder.note(
                    "\(label): EX-ACT's high-productivity poultry digester factor equals its solid-storage column, a probable copy error; no verified IPCC value replaces it, so both methods use it"
                )
            }
            return recorder.use(label, exact)
        }
    }

    /// The `ipcc` method's value for a flagged cell, with the divergence its row names.
    static func ipccValue(_ key: [String: String], factors: FactorSet) -> (Factor, DivergenceID)? {
        guard let table = factors.tables["livestock-manure-ipcc-values"],
            let record = table.record(matching: table.keyColumns.map { key[$0] ?? "all" }),
            let factor = table.factor(record),
            let id = record.text["divergence"].flatMap(DivergenceID.init(rawValue:))
        else { return nil }
        return (factor, id)
    }

    /// The four per-system manure factors, named as their Tier 2 overrides (`manure-ch4-ef-<system>`)
    /// and as the `parameter` column of `livestock-manure-defaults`.
    enum ManureFactorKind: String {
        case ch4 = "manure-ch4-ef"
        case ef3 = "manure-ef3"
        case fracGas = "manure-frac-gas"
        case fracLeach = "manure-frac-leach"

        var label: String {
            switch self {
            case .ch4: "manure CH4 EF"
            case .ef3: "EF3"
            case .fracGas: "Frac_GAS_MS"
            case .fracLeach: "Frac_LEACH_MS"
            }
        }

        var unit: String {
            switch self {
            case .ch4: "g CH4/kg VS"
            case .ef3: "kg N2O-N/kg N"
            case .fracGas, .fracLeach: "kg N/kg N"
            }
        }

        /// The manure-system key whose N goes to the soils' accounting rather than to storage.
        static let pastureRangePaddock = "pasture-range-paddock"
        /// The cell livestock-manure-defaults.md §6 item 5 flags without a replacement.
        static let poultryDigesterSuspect = (system: "digester", species: Set(["chicken-layer", "chicken-broiler"]))
    }
}
