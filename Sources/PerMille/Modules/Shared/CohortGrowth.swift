/// Biomass growth of hectares that join a stand at different times, each with its own age.
///
/// A stand's hectares are followed as cohorts: those present at the start, and those that join
/// in each year of the series (half a year of growth in the year they join, as the half-year
/// convention counts them). Per-hectare growth depends on how long a hectare has been growing,
/// so caps (maximum biomass) and age classes (forest ≤ 20 / > 20 years) apply per cohort.
enum CohortGrowth {
    /// A cohort's cumulative growth per hectare after `years` of growth.
    typealias CumulativeGrowth = (_ years: Double) -> Double

    /// Growth per year (in the unit of `cumulative`, times hectares) for a series.
    ///
    /// - Parameters:
    ///   - existingArea: hectares already growing at the start (their head start is `existingAge` years).
    static func yearlyGrowth(
        series: AreaSeries, existingArea: Double, existingAge: Double, cumulative: CumulativeGrowth
    ) -> [Double] {
        let years = series.yearly.count
        guard years > 0 else { return [] }
        let initial = series.boundaries[0]
        let existingShare = initial > 0 ? min(existingArea, initial) / initial : 0
        var growth = YearlyValues.zeros(years)
        for year in 1...years {
            // Hectares of the initial cohort still present (a shrinking row loses them).
            let initialPresent = min(initial, series.yearly[year - 1])
            let y = Double(year)
            let existing = cumulative(existingAge + y) - cumulative(existingAge + y - 1)
            let planted = cumulative(y) - cumulative(y - 1)
            growth[year - 1] = initialPresent * (existingShare * existing + (1 - existingShare) * planted)
        }
        for cohortYear in 1...years {
            let joined = series.boundaries[cohortYear] - series.boundaries[cohortYear - 1]
            guard joined > 0 else { continue }
            for year in cohortYear...years {
                let age = Double(year - cohortYear) + 0.5
                let before = year == cohortYear ? 0 : age - 1
                growth[year - 1] += joined * (cumulative(age) - cumulative(before))
            }
        }
        return growth
    }

    /// Growth of a whole row at one rate per hectare-year, stopped when the row's cumulative growth
    /// reaches `cap` (FAO's EX-ACT engine caps the total, not each cohort; D8). The cap's year counts
    /// pro rata, the years after it nothing.
    static func cappedRowGrowth(series: AreaSeries, ratePerHectare: Double, cap: Double) -> [Double] {
        var remaining = cap
        return series.yearly.map { hectares in
            let growth = min(max(hectares * ratePerHectare, 0), max(remaining, 0))
            remaining -= growth
            return growth
        }
    }

    /// Growth timed as FAO's EX-ACT engine times new forest (D9): hectares converted in year p (the
    /// year their conversion is booked, `series.changed`) grow from year p + 1, `rate(k)` per hectare
    /// in their k-th year of growth.
    static func growthFromYearAfterPlanting(series: AreaSeries, rate: (_ yearOfGrowth: Int) -> Double) -> [Double] {
        let years = series.yearly.count
        var growth = YearlyValues.zeros(years)
        for (index, planted) in series.changed.enumerated() where planted > 0 {
            let plantingYear = index + 1
            guard plantingYear < years else { continue }
            for year in (plantingYear + 1)...years { growth[year - 1] += planted * rate(year - plantingYear) }
        }
        return growth
    }
}
