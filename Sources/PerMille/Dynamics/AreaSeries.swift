/// Parameters of the dynamics of change, read from the constants table so no number lives in code.
public struct DynamicsParameters: Sendable, Hashable {
    /// Rate constant of the exponential dynamics, per year (EX-ACT: −0.519349).
    public var exponentialRate: Double
    /// Years a hectare keeps changing its soil stock (IPCC default D = 20).
    public var maturityYears: Int

    public init(exponentialRate: Double, maturityYears: Int) {
        self.exponentialRate = exponentialRate
        self.maturityYears = maturityYears
    }
}

/// The hectare (or amount) series of one row and scenario over the project's years (method.md §4).
///
/// Arrays are indexed from 0: `yearly[0]` is year 1, `boundaries[0]` is B(0).
public struct AreaSeries: Sendable, Hashable {
    /// B(i) for i = 0…T.
    public var boundaries: [Double]
    /// H(y) = (B(y−1) + B(y)) / 2, y = 1…T: hectares counted in each year, for flows.
    public var yearly: [Double]
    /// H_soil(y) = max(0, H(y) − S̄(y)): hectares still within their 20-year soil transition.
    public var soil: [Double]
    /// H_soil as FAO's EX-ACT engine computes it: each boundary B(i) − S(i) clipped at zero before the
    /// two boundaries of a year are averaged (D7). Nil where it equals `soil`, which is every series
    /// that never falls below its shifted self (any series that does not shrink).
    public var soilClippedAtBoundaries: [Double]?
    /// The start value B(0) is measured from (the jump at i = 0 under "immediate" counts in year 1).
    private var start: Double

    /// Hectares that changed in each year (B(y) − B(y−1); year 1 also carries any jump at i = 0).
    public var changed: [Double] {
        (1..<boundaries.count).map { year in boundaries[year] - (year == 1 ? start : boundaries[year - 1]) }
    }

    public var total: Double { yearly.reduce(0, +) }
    public var soilTotal: Double { soil.reduce(0, +) }

    /// Builds the series for a value moving from `start` to `end` during the implementation years.
    public init(
        from start: Double, to end: Double, dynamics: DynamicsKind,
        implementationYears: Int, totalYears: Int, parameters: DynamicsParameters
    ) {
        let boundaries = Self.boundaries(
            from: start, to: end, dynamics: dynamics, implementationYears: implementationYears,
            totalYears: totalYears, rate: parameters.exponentialRate)
        self.init(boundaries: boundaries, start: start, maturityYears: parameters.maturityYears)
    }

    /// Builds the yearly, soil and change series from given boundary values.
    public init(boundaries: [Double], start: Double, maturityYears: Int) {
        let years = max(boundaries.count - 1, 0)
        var yearly = YearlyValues.zeros(years)
        var soil = YearlyValues.zeros(years)
        // Whether some boundary lies below its shifted value: only then do the two H_soil rules differ.
        var boundaryBelowShifted = false
        let b = boundaries
        for year in 1...max(years, 1) where year <= years {
            let h = (b[year - 1] + b[year]) / 2
            yearly[year - 1] = h
            // S(i) = B(i − D) for i ≥ D, else 0; averaged like H.
            let shiftedBefore = year - 1 >= maturityYears ? b[year - 1 - maturityYears] : 0
            let shiftedAfter = year >= maturityYears ? b[year - maturityYears] : 0
            soil[year - 1] = max(0, h - (shiftedBefore + shiftedAfter) / 2)
            if b[year - 1] < shiftedBefore || b[year] < shiftedAfter { boundaryBelowShifted = true }
        }
        self.boundaries = boundaries
        self.yearly = yearly
        self.soil = soil
        self.start = start
        if boundaryBelowShifted {
            // B(i) − S(i), clipped at zero, at each boundary i.
            let clippedBoundary = { (i: Int) in max(0, boundaries[i] - (i >= maturityYears ? boundaries[i - maturityYears] : 0)) }
            let clipped = (0..<years).map { index in (clippedBoundary(index) + clippedBoundary(index + 1)) / 2 }
            self.soilClippedAtBoundaries = clipped == soil ? nil : clipped
        }
    }

    /// B(i), i = 0…T (method.md §4.1).
    public static func boundaries(
        from start: Double, to end: Double, dynamics: DynamicsKind,
        implementationYears: Int, totalYears: Int, rate: Double
    ) -> [Double] {
        let implementation = Double(implementationYears)
        // The exponential curve's scale is the same for every year: computed once, same arithmetic.
        let scale = dynamics == .exponential ? (end - start) / (Math.exp(rate * implementation) - 1) : 0
        var values: [Double] = []
        values.reserveCapacity(totalYears + 1)
        for i in 0...max(totalYears, 0) {
            guard i < implementationYears else {
                values.append(end)
                continue
            }
            let step = Double(i)
            switch dynamics {
            case .linear: values.append(start + (end - start) * step / implementation)
            case .immediate: values.append(end)
            case .exponential: values.append((start - scale) + scale * Math.exp(rate * step))
            }
        }
        return values
    }
}
