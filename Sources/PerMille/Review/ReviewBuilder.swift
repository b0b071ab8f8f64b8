extension ProjectReview {
    /// Builds the review of an assessed project: per-mille rates, indicator values (computed and
    /// reported), the criteria scorecard and the practice sheets it uses. Pure: no I/O.
    public static func make(assessment: Assessment, project: Project, review: ReviewData, factors: FactorSet) -> ProjectReview {
        let perMille = PerMilleRates.report(assessment)
        let computed = IndicatorValues.compute(assessment: assessment, project: project, perMille: perMille, factors: factors)
        var values = computed.values
        var units = computed.units
        let inputs = review.catalogue.inputKeys
        for (key, value) in project.indicators {
            values[key] = value
            if let unit = inputs[key]?.input.unit { units[key] = unit }
        }
        // SDGs with a quantified contribution: those of indicators that have a value here.
        var goals = Set<String>()
        for indicator in review.catalogue.indicators {
            let keys = indicator.values + indicator.inputs.map(\.key)
            guard keys.contains(where: { values[$0] != nil }) else { continue }
            for target in indicator.sdgs {
                if let goal = target.split(separator: ".").first.map(String.init), Int(goal) != nil { goals.insert(goal) }
            }
        }
        values["sdg-count"] = .number(Double(goals.count))
        units["sdg-count"] = "SDGs"

        let indicators = review.catalogue.indicators.map { definition in
            let keys = definition.values + definition.inputs.map(\.key)
            var found: [(key: String, value: IndicatorValue, unit: String)] = []
            var missing: [String] = []
            for key in keys {
                if let value = values[key] { found.append((key, value, units[key] ?? "")) } else { missing.append(key) }
            }
            return IndicatorResult(definition: definition, values: found, missing: missing)
        }
        return ProjectReview(
            perMille: perMille, values: values, indicators: indicators,
            scorecard: Scorecard.evaluate(review.criteria, values: values),
            practices: PracticeUses.find(review.practices, project: project, site: assessment.site, factors: factors),
            units: units, notes: computed.notes,
            place: PlaceNames(country: project.description.country, site: assessment.site, factors: factors))
    }
}

/// Which practice sheets a project uses, where, and the linked factor values at its site.
enum PracticeUses {
    static func find(_ sheets: [PracticeSheet], project: Project, site: Site, factors: FactorSet) -> [PracticeUse] {
        sheets.compactMap { sheet in
            var rows: [String] = []
            var hectares = 0.0
            for match in sheet.appliesTo {
                for (id, area) in rowsMatching(match, in: project) where !rows.contains(id) {
                    rows.append(id)
                    hectares += area
                }
            }
            guard !rows.isEmpty else { return nil }
            return PracticeUse(sheet: sheet, rowIDs: rows, hectares: hectares, factors: linkedFactors(sheet, site: site, factors: factors))
        }
    }

    /// Rows whose with-project state has the practice, with their with-project hectares.
    static func rowsMatching(_ match: PracticeMatch, in project: Project) -> [(String, Double)] {
        match.module.rows(in: project, havingPractice: match.value, in: match.field).map { ($0.id, $0.hectares) }
    }

    /// The rows of each linked table that the link fixes, narrowed to the site where the table has
    /// site columns the link leaves open (climate zone or class, region).
    static func linkedFactors(_ sheet: PracticeSheet, site: Site, factors: FactorSet) -> [(label: String, factor: Factor)] {
        var found: [(label: String, factor: Factor)] = []
        for link in sheet.factors {
            guard let table = factors.tables[link.table] else { continue }
            let siteKeys: [String: String] = [
                "climate_zone": site.climateZone.rawValue, "climate": site.climateZone.thermalClass, "region": site.region ?? "",
            ]
            for record in table.records {
                let matches = table.keyColumns.enumerated().allSatisfy { offset, column in
                    let cell = record.key[offset]
                    if let fixed = link.key[column] { return cell == fixed }
                    if let wanted = siteKeys[column] { return cell == wanted || cell == "all" || cell == "any" }
                    return true
                }
                if matches, let factor = table.factor(record) { found.append((link.label, factor)) }
            }
        }
        return found
    }
}
