/// The result of assessing a project: per row, module, gas and year, with every intermediate.
public struct Assessment: Sendable {
    public var method: Method
    public var gwp: GWPSet
    public var factorSet: FactorSetChoice
    public var site: Site
    public var startYear: Int
    public var implementationYears: Int
    public var totalYears: Int
    /// GWP factors applied (CO2e per t of gas), with provenance.
    public var gwpFactors: GWPFactors
    public var rows: [RowResult]
    /// Where the other method would give another number, row by row and gas by gas.
    public var divergences: [Divergence]
    /// Project-level notes (site derivation, warnings).
    public var notes: [String]
    /// EX-ACT's class-based uncertainty of every module × component cell.
    public var uncertainty: UncertaintyReport?
    /// Monte Carlo propagation of the factors' uncertainty, when asked for (`MonteCarlo.run`).
    public var monteCarlo: MonteCarlo.Report?

    public init(
        method: Method, gwp: GWPSet, factorSet: FactorSetChoice, site: Site, startYear: Int, implementationYears: Int,
        totalYears: Int, gwpFactors: GWPFactors, rows: [RowResult], divergences: [Divergence], notes: [String], projectArea: Double
    ) {
        self.method = method
        self.gwp = gwp
        self.factorSet = factorSet
        self.site = site
        self.startYear = startYear
        self.implementationYears = implementationYears
        self.totalYears = totalYears
        self.gwpFactors = gwpFactors
        self.rows = rows
        self.divergences = divergences
        self.notes = notes
        self.projectArea = projectArea
    }

    /// Project area (method.md §14.3): the land of every row counted once (`AreaCheck.projectArea`).
    public var projectArea: Double

    /// Calendar years, `startYear` … `startYear + T − 1`.
    public var calendarYears: [Int] { (0..<totalYears).map { startYear + $0 } }

    public func rows(in module: ModuleKind) -> [RowResult] { rows.filter { $0.module == module } }

    /// Modules that have rows, in EX-ACT's order.
    public var modules: [ModuleKind] {
        // Index reads: iterating `rows` would copy every row result (dozens of references each).
        var present = Set<ModuleKind>()
        for index in rows.indices { present.insert(rows[index].module) }
        return ModuleKind.allCases.filter(present.contains)
    }

    /// t CO2e totals of a set of rows, optionally one gas only.
    public func total(of rows: [RowResult], gas: GasCategory? = nil) -> Balance {
        var without = 0.0
        var with = 0.0
        for index in rows.indices {
            without += rows[index].co2e(.without, gas: gas, gwp: gwpFactors)
            with += rows[index].co2e(.with, gas: gas, gwp: gwpFactors)
        }
        return Balance(without: without, with: with)
    }

    /// Project totals.
    public var total: Balance { total(of: rows) }

    /// The differences (chosen − other method) in t CO2e, by gas category, summed over the divergence list.
    public var otherMethodDifference: [GasCategory: Balance] {
        var difference: [GasCategory: Balance] = [:]
        for item in divergences {
            var entry = difference[item.gas] ?? Balance(without: 0, with: 0)
            if item.outcome == .without { entry.without += item.differenceCO2e } else { entry.with += item.differenceCO2e }
            difference[item.gas] = entry
        }
        return difference
    }

    /// The project's totals under the other method (EX-ACT's own when the chosen method is ipcc).
    public var otherMethodTotal: Balance {
        // Summed in gas order, not dictionary order, so the total has the same last digit on every run.
        let differences = otherMethodDifference
        var difference = Balance(without: 0, with: 0)
        for gas in GasCategory.allCases {
            guard let part = differences[gas] else { continue }
            difference.without += part.without
            difference.with += part.with
        }
        return Balance(without: total.without - difference.without, with: total.with - difference.with)
    }

    /// Tonnes of one gas (not CO2e) over a set of rows.
    public func tonnes(of rows: [RowResult], gas: Gas) -> Balance {
        var without = 0.0
        var with = 0.0
        for index in rows.indices {
            without += rows[index].tonnes(.without, gas)
            with += rows[index].tonnes(.with, gas)
        }
        return Balance(without: without, with: with)
    }

    /// Yearly t CO2e for without and with, summed over rows.
    public func yearly(of rows: [RowResult]) -> [Balance] {
        // Row by row, each row's series made once: the sums per year are added in row order as before.
        var yearly = [Balance](repeating: Balance(without: 0, with: 0), count: totalYears)
        for index in rows.indices {
            let without = rows[index].co2eSeries(.without, years: totalYears, gwp: gwpFactors)
            let with = rows[index].co2eSeries(.with, years: totalYears, gwp: gwpFactors)
            for year in 0..<totalYears {
                yearly[year].without += without[year]
                yearly[year].with += with[year]
            }
        }
        return yearly
    }
}

/// A without / with pair in t CO2e with its balance.
public struct Balance: Sendable, Hashable {
    public var without: Double
    public var with: Double
    public var balance: Double { with - without }

    public init(without: Double, with: Double) {
        self.without = without
        self.with = with
    }

    public subscript(outcome: Outcome) -> Double { outcome == .without ? without : with }

    /// Each figure divided by the same number (per hectare, per year).
    public func divided(by divisor: Double) -> Balance {
        guard divisor > 0 else { return Balance(without: 0, with: 0) }
        return Balance(without: without / divisor, with: with / divisor)
    }
}

/// The GWP set's values, with provenance.
public struct GWPFactors: Sendable, Hashable {
    public var ch4: Factor
    public var n2o: Factor
    /// CH4 from fossil fuel: its own value under AR6, the CH4 value under the other sets.
    public var ch4Fossil: Factor

    public init(ch4: Factor, n2o: Factor, ch4Fossil: Factor? = nil) {
        self.ch4 = ch4
        self.n2o = n2o
        self.ch4Fossil = ch4Fossil ?? ch4
    }

    /// t CO2e per t of the gas category.
    public func weight(_ gas: GasCategory) -> Double {
        switch gas {
        case .co2Biomass, .co2Soil, .co2Other, .co2eManufacture: 1
        case .n2o, .n2oIndirect: n2o.value
        case .ch4: ch4.value
        case .ch4Fossil: ch4Fossil.value
        }
    }
}

/// One row's result: gas masses per outcome and year, and how they were obtained.
///
/// Copy-on-write: a row holds 16 yearly series and a dozen other buffers, so a plain struct cost two
/// dozen reference-count operations per copy, and filters, loops and sums over 10 000 rows spent most
/// of a JSON result's time copying. A copy is now one reference; a change copies the contents once.
public struct RowResult: Sendable {
    private var storage: Storage

    public var module: ModuleKind {
        get { storage.contents.module }
        set { mutate { $0.module = newValue } }
    }
    public var id: String {
        get { storage.contents.id }
        set { mutate { $0.id = newValue } }
    }
    public var name: String {
        get { storage.contents.name }
        set { mutate { $0.name = newValue } }
    }
    public var area: Triple<Double> {
        get { storage.contents.area }
        set { mutate { $0.area = newValue } }
    }
    /// Heads or amounts per year of rows that are not land, with their unit.
    public var quantity: Quantity? {
        get { storage.contents.quantity }
        set { mutate { $0.quantity = newValue } }
    }
    /// Mineral-soil stock of the start state, t C/ha, for rows whose module has one (per-mille rates).
    public var socStart: Double? {
        get { storage.contents.socStart }
        set { mutate { $0.socStart = newValue } }
    }
    public var emissions: OutcomePair<GasSeries> {
        get { storage.contents.emissions }
        set {
            mutate {
                $0.emissions = newValue
                $0.totals = Contents.totals(of: newValue)
            }
        }
    }
    public var factors: [FactorUse] {
        get { storage.contents.factors }
        set { mutate { $0.factors = newValue } }
    }
    public var intermediates: [Intermediate] {
        get { storage.contents.intermediates }
        set { mutate { $0.intermediates = newValue } }
    }
    public var notes: [String] {
        get { storage.contents.notes }
        set { mutate { $0.notes = newValue } }
    }
    /// Divergences this row's arithmetic touches, whether or not they change its numbers.
    public var divergenceIDs: [DivergenceID] {
        get { storage.contents.divergenceIDs }
        set { mutate { $0.divergenceIDs = newValue } }
    }

    public init(
        module: ModuleKind, id: String, name: String, area: Triple<Double>, quantity: Quantity? = nil, socStart: Double? = nil,
        emissions: OutcomePair<GasSeries>, factors: [FactorUse], intermediates: [Intermediate], notes: [String], divergenceIDs: [DivergenceID]
    ) {
        storage = Storage(
            Contents(
                module: module, id: id, name: name, area: area, quantity: quantity, socStart: socStart, emissions: emissions,
                totals: Contents.totals(of: emissions), factors: factors, intermediates: intermediates, notes: notes,
                divergenceIDs: divergenceIDs))
    }

    private struct Contents: Sendable {
        var module: ModuleKind
        var id: String
        var name: String
        var area: Triple<Double>
        var quantity: Quantity?
        var socStart: Double?
        var emissions: OutcomePair<GasSeries>
        /// Each category's mass over the years, in `GasCategory.allCases` order: the sums every
        /// total, summary and report reads, made once (they were summed anew by each reader).
        var totals: OutcomePair<SIMD8<Double>>
        var factors: [FactorUse]
        var intermediates: [Intermediate]
        var notes: [String]
        var divergenceIDs: [DivergenceID]

        static func totals(of emissions: OutcomePair<GasSeries>) -> OutcomePair<SIMD8<Double>> {
            var without = SIMD8<Double>()
            var with = SIMD8<Double>()
            for (position, gas) in GasCategory.allCases.enumerated() {
                without[position] = emissions.without.total(gas)
                with[position] = emissions.with.total(gas)
            }
            return OutcomePair(without: without, with: with)
        }
    }

    /// Immutable, so reads borrow in place: no exclusivity check, no copy of the contents to reach
    /// one field, and the totals (read by every sum) are plain numbers beside them.
    private final class Storage: Sendable {
        let contents: Contents
        let totals: OutcomePair<SIMD8<Double>>
        init(_ contents: Contents) {
            self.contents = contents
            self.totals = contents.totals
        }
    }

    /// A change makes a new box: rows are built once and changed rarely (ids in tests, notes).
    private mutating func mutate(_ change: (inout Contents) -> Void) {
        var contents = storage.contents
        change(&contents)
        storage = Storage(contents)
    }

    /// max(A_start, A_without, A_with): the divisor of row intensities.
    public var maxArea: Double { max(area.start, area.without, area.with) }

    /// Total mass of one gas over the years (t of the gas).
    public func mass(_ outcome: Outcome, _ gas: GasCategory) -> Double {
        totals(outcome)[gas.index]
    }

    /// t CO2e of one category, or of all of them (summed in category order) when `gas` is nil.
    public func co2e(_ outcome: Outcome, gas: GasCategory? = nil, gwp: GWPFactors) -> Double {
        let masses = totals(outcome)
        if let gas { return 0 + masses[gas.index] * gwp.weight(gas) }
        var sum = 0.0
        for (position, category) in GasCategory.allCases.enumerated() { sum += masses[position] * gwp.weight(category) }
        return sum
    }

    private func totals(_ outcome: Outcome) -> SIMD8<Double> {
        outcome == .without ? storage.totals.without : storage.totals.with
    }

    public func co2e(_ outcome: Outcome, year: Int, gwp: GWPFactors) -> Double {
        let series = outcome == .without ? storage.contents.emissions.without : storage.contents.emissions.with
        return GasCategory.allCases.reduce(0) { $0 + series.value($1, year: year) * gwp.weight($1) }
    }

    /// t CO2e of every year, `years` long: the same sums as `co2e(_:year:gwp:)`, in one pass over the categories.
    public func co2eSeries(_ outcome: Outcome, years: Int, gwp: GWPFactors) -> [Double] {
        var total = [Double](repeating: 0, count: years)
        let series = outcome == .without ? storage.contents.emissions.without : storage.contents.emissions.with
        for gas in GasCategory.allCases {
            let values = series[gas]
            guard !values.isEmpty else { continue }
            let weight = gwp.weight(gas)
            for year in 0..<min(years, values.count) { total[year] += values[year] * weight }
        }
        return total
    }

    /// Tonnes of one gas over its categories (t CO2, t CH4, t N2O; t CO2e for manufacture).
    public func tonnes(_ outcome: Outcome, _ gas: Gas) -> Double {
        let masses = totals(outcome)
        var sum = 0.0
        for (position, category) in GasCategory.allCases.enumerated() { sum += category.gas == gas ? masses[position] : 0 }
        return sum
    }

    public func balance(gas: GasCategory? = nil, gwp: GWPFactors) -> Balance {
        Balance(without: co2e(.without, gas: gas, gwp: gwp), with: co2e(.with, gas: gas, gwp: gwp))
    }
}

/// Heads of a herd or amounts of an input per scenario, with the unit.
public struct Quantity: Sendable, Hashable {
    public var values: Triple<Double>
    public var unit: String

    public init(values: Triple<Double>, unit: String) {
        self.values = values
        self.unit = unit
    }
}
