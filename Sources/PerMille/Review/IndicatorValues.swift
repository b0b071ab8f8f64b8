/// The computed indicator values of indicators.md §3, keyed as the catalogue's `values`.
struct IndicatorValues {
    var values: [String: IndicatorValue] = [:]
    var units: [String: String] = [:]
    var notes: [String] = []

    mutating func set(_ key: String, _ value: Double, _ unit: String) {
        guard value.isFinite else { return }
        // Rounded below a nano-unit so reruns print the same digits.
        let rounded = (value * 1e9).rounded() / 1e9
        values[key] = .number(rounded == 0 ? 0 : rounded)
        units[key] = unit
    }

    static func compute(assessment: Assessment, project: Project, perMille: PerMilleReport, factors: FactorSet) -> IndicatorValues {
        var result = IndicatorValues()
        let years = Double(assessment.totalYears)
        let area = assessment.projectArea
        if let figures = perMille.project {
            result.set("soc-initial", figures.socInitial, "t C/ha (0–30 cm)")
            result.set("soc-change-without", figures.change.without, "t C/ha/yr")
            result.set("soc-change-with", figures.change.with, "t C/ha/yr")
            result.set("soc-change-additional", figures.additionalChange, "t C/ha/yr")
            result.set("permille-without", figures.rate.without, "‰/yr")
            result.set("permille-with", figures.rate.with, "‰/yr")
            result.set("permille-additional", figures.additionalRate, "‰/yr")
            result.set("permille-attainment", figures.attainment, "ratio to 4 ‰")
            result.set("permille-needed", figures.needed, "t C/ha/yr")
        } else {
            result.notes.append("no row has mineral soil: the SOC and per-mille indicators are not computed")
        }
        let soil = assessment.total(of: assessment.rows, gas: .co2Soil)
        if years > 0 { result.set("soc-change-additional-co2e", soil.balance / years, "t CO2e/yr") }
        var losing = 0
        for index in assessment.rows.indices where assessment.rows[index].socStart != nil && assessment.rows[index].mass(.with, .co2Soil) > 0 {
            losing += 1
        }
        result.set("soc-loss-rows", Double(losing), "rows")

        let total = assessment.total
        result.set("ghg-balance", total.balance, "t CO2e")
        if area > 0, years > 0 { result.set("ghg-balance-per-ha-yr", total.balance / area / years, "t CO2e/ha/yr") }
        var nonCO2 = 0.0
        for gas in [GasCategory.n2o, .n2oIndirect, .ch4, .ch4Fossil] { nonCO2 += assessment.total(of: assessment.rows, gas: gas).balance }
        if soil.balance < 0 {
            result.set("non-co2-offset", nonCO2 / abs(soil.balance) * 100, "% of the soil CO2 removal")
        } else {
            result.notes.append("non-co2-offset: the project removes no soil CO2, so there is no gain to offset")
        }
        if let uncertainty = assessment.uncertainty {
            result.set("uncertainty", uncertainty.total.balance, "t CO2e")
            result.set("uncertainty-percent", uncertainty.percent.balance, "% of Σ |cell flux|")
        }
        result.addLandIndicators(project: project, area: area)
        result.addNitrogen(project: project, area: area, factors: factors)
        result.addYields(project: project)
        if let budget = project.description.budget {
            if total.balance < 0 {
                result.set("cost-effectiveness", budget.amount / -total.balance, "\(budget.currency)/t CO2e")
            } else {
                result.notes.append("cost-effectiveness: the balance is not a net removal or reduction")
            }
        } else {
            result.notes.append("cost-effectiveness: the project gives no budget")
        }
        if case .number(let price)? = project.indicators["carbonPricePerTonne"] {
            result.set("carbon-value", -total.balance * price, "\(project.description.budget?.currency ?? "currency") (undiscounted)")
        }
        return result
    }

    /// Areas under improved practices, restored, with more carbon input, where burning stops.
    private mutating func addLandIndicators(project: Project, area: Double) {
        var improved = 0.0
        var restored = 0.0
        var carbonInput = 0.0
        var burningAvoided = 0.0
        let inputRank = ["low": 0, "medium": 1, "high-without-manure": 2, "high-with-manure": 3]
        let degraded: Set = ["moderately-degraded", "severely-degraded"]
        for row in project.annualCrops {
            let (without, with) = (row.states.without, row.states.with)
            if without != with { improved += row.area.with }
            if (inputRank[with.input] ?? 0) > (inputRank[without.input] ?? 0) || (with.residues == .retained && without.residues != .retained) {
                carbonInput += row.area.with
            }
            if without.residues == .burned, with.residues != .burned { burningAvoided += row.area.with }
        }
        for row in project.perennialCrops where row.states.without != row.states.with || row.area.with > row.area.without {
            improved += max(0, row.area.with - (row.states.without == row.states.with ? row.area.without : 0))
        }
        for row in project.grassland {
            if row.states.without != row.states.with { improved += row.area.with }
            if degraded.contains(row.states.start.condition) || degraded.contains(row.states.without.condition),
                !degraded.contains(row.states.with.condition)
            {
                restored += row.area.with
            }
        }
        for row in project.rice {
            if row.states.without != row.states.with { improved += row.area.with }
            if row.states.without.straw == "burned", row.states.with.straw != "burned" { burningAvoided += row.area.with }
        }
        for row in project.organicSoils where row.states.without != row.states.with {
            improved += row.area.with
            if row.states.with.water == .rewetted, row.states.without.water == .drained { restored += row.area.with }
        }
        for row in project.forestManagement where row.states.with.biomassLossPercent < row.states.without.biomassLossPercent {
            improved += row.area.with
        }
        for row in project.landUseChange where row.area.with > row.area.without {
            if ["degraded-land", "other-land-non-vegetated"].contains(row.from.key) { restored += row.area.with - row.area.without }
        }
        set("area-improved", improved, "ha")
        if area > 0 { set("area-improved-share", improved / area * 100, "% of the project area") }
        set("area-restored", restored, "ha")
        set("carbon-input-area", carbonInput, "ha")
        set("residue-burning-avoided", burningAvoided, "ha")
    }

    /// Mineral and organic N applied at the end of implementation, per hectare of the project.
    private mutating func addNitrogen(project: Project, area: Double, factors: FactorSet) {
        var nitrogen = OutcomePair(without: 0.0, with: 0.0)
        for row in project.inputs {
            guard let nClass = factors.text("input-kinds", [row.kind], column: "n_class"), nClass != "none" else { continue }
            var perUnit = 1.0
            if row.kind == "urea" {
                guard let content = try? factors.factor("input-emission-factors", ["input": "urea", "parameter": "n-content"]) else { continue }
                perUnit = content.value
            }
            nitrogen.without += row.amount.without * perUnit
            nitrogen.with += row.amount.with * perUnit
        }
        guard area > 0 else { return }
        set("nitrogen-applied-without", nitrogen.without * 1000 / area, "kg N/ha/yr")
        set("nitrogen-applied-with", nitrogen.with * 1000 / area, "kg N/ha/yr")
        set("nitrogen-applied-change", (nitrogen.with - nitrogen.without) * 1000 / area, "kg N/ha/yr")
    }

    /// Yield and production change where rows give yields in both scenarios.
    private mutating func addYields(project: Project) {
        var production = OutcomePair(without: 0.0, with: 0.0)
        var hectares = OutcomePair(without: 0.0, with: 0.0)
        var found = false
        for row in project.annualCrops {
            guard let without = row.states.without.yieldTonnesPerHa, let with = row.states.with.yieldTonnesPerHa else { continue }
            found = true
            production.without += without * row.area.without
            production.with += with * row.area.with
            hectares.without += row.area.without
            hectares.with += row.area.with
        }
        for row in project.rice {
            guard let without = row.states.without.yieldTonnesPerHa, let with = row.states.with.yieldTonnesPerHa else { continue }
            found = true
            production.without += without * row.area.without * row.states.without.seasons
            production.with += with * row.area.with * row.states.with.seasons
            hectares.without += row.area.without * row.states.without.seasons
            hectares.with += row.area.with * row.states.with.seasons
        }
        guard found else {
            notes.append("yield-change and production-change: no row gives a yield in both scenarios")
            return
        }
        set("production-change", production.with - production.without, "t/yr")
        if hectares.without > 0, hectares.with > 0, production.without > 0 {
            let ratio = (production.with / hectares.with) / (production.without / hectares.without)
            set("yield-change", (ratio - 1) * 100, "%")
        }
    }
}
