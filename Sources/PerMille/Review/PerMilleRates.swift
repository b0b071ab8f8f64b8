/// The "per mille" arithmetic (indicators.md §2) from an assessment's soil CO2.
///
/// ΔSOC over the period is −(soil CO2) × 12/44 t C; its yearly mean over the row's area, divided by
/// the initial stock SOC0, gives the rate. Rows, modules and the project weigh SOC0 by area: a row
/// and a module by their largest area (as their intensities do, method.md §9), the project by the
/// land it holds at the start (a conversion row by the hectares it converts).
enum PerMilleRates {
    static func report(_ assessment: Assessment) -> PerMilleReport {
        let years = Double(assessment.totalYears)
        var rows: [(id: String, module: ModuleKind, figures: PerMilleFigures)] = []
        var modules: [ModuleKind: Accumulator] = [:]
        var project = Accumulator()
        for index in assessment.rows.indices {
            let row = assessment.rows[index]
            guard let soc = row.socStart, soc > 0 else { continue }
            let carbon = OutcomePair(
                without: -row.mass(.without, .co2Soil) / Units.carbonToCO2, with: -row.mass(.with, .co2Soil) / Units.carbonToCO2)
            let area = row.maxArea
            var single = Accumulator()
            single.add(soc: soc, area: area, carbon: carbon)
            if let figures = single.figures(years: years) { rows.append((row.id, row.module, figures)) }
            modules[row.module, default: Accumulator()].add(soc: soc, area: area, carbon: carbon)
            // At project level a conversion row's land is the land it converts; other rows hold their start area.
            let startArea = row.module == .landUseChange ? max(row.area.without, row.area.with) : row.area.start
            project.add(soc: soc, area: startArea, carbon: carbon)
        }
        let moduleFigures = ModuleKind.allCases.compactMap { module in
            modules[module]?.figures(years: years).map { (module: module, figures: $0) }
        }
        return PerMilleReport(rows: rows, modules: moduleFigures, project: project.figures(years: years), years: assessment.totalYears)
    }

    struct Accumulator {
        var stock = 0.0
        var area = 0.0
        var carbon = OutcomePair(without: 0.0, with: 0.0)

        mutating func add(soc: Double, area: Double, carbon: OutcomePair<Double>) {
            stock += soc * area
            self.area += area
            self.carbon.without += carbon.without
            self.carbon.with += carbon.with
        }

        /// nil when there is no stock to relate a change to.
        func figures(years: Double) -> PerMilleFigures? {
            guard stock > 0, area > 0, years > 0 else { return nil }
            let soc0 = stock / area
            let change = OutcomePair(without: carbon.without / area / years, with: carbon.with / area / years)
            let rate = OutcomePair(without: carbon.without / years / stock * 1000, with: carbon.with / years / stock * 1000)
            func compound(_ delta: Double) -> Double {
                let end = (stock + delta) / stock
                return end > 0 ? (Math.pow(end, 1 / years) - 1) * 1000 : -1000
            }
            let additional = rate.with - rate.without
            return PerMilleFigures(
                socInitial: soc0, area: area, change: change, rate: rate,
                compoundRate: OutcomePair(without: compound(carbon.without), with: compound(carbon.with)),
                additionalRate: additional, attainment: additional / 4, needed: 0.004 * soc0)
        }
    }
}
