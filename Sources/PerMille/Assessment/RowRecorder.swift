/// A named intermediate of a row's calculation, for `--explain` and reports.
public struct Intermediate: Sendable, Hashable {
    public var name: String
    public var value: Double
    public var unit: String
    /// The outcome it belongs to; nil for values shared by both.
    public var outcome: Outcome?

    public init(_ name: String, _ value: Double, _ unit: String, outcome: Outcome? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.outcome = outcome
    }
}

/// Collects what a module used and derived while it computes one row.
public struct RowRecorder: Sendable {
    public private(set) var factors: [FactorUse] = []
    public private(set) var intermediates: [Intermediate] = []
    public private(set) var notes: [String] = []
    public private(set) var divergences = DivergenceSet()

    /// When false (the comparison run under the other method), only divergences are kept.
    public let detailed: Bool

    public init(detailed: Bool = true) { self.detailed = detailed }

    /// Records a factor under its method name and returns its value.
    @discardableResult
    public mutating func use(_ name: @autoclosure () -> String, _ factor: Factor) -> Double {
        guard detailed else { return factor.value }
        let name = name()
        if !factors.contains(where: { $0.factor == factor && $0.name == name }) {
            if factors.isEmpty { factors.reserveCapacity(12) }
            factors.append(FactorUse(name, factor))
        }
        return factor.value
    }

    public mutating func record(_ name: @autoclosure () -> String, _ value: Double, _ unit: String, outcome: Outcome? = nil) {
        guard detailed else { return }
        if intermediates.isEmpty { intermediates.reserveCapacity(24) }
        intermediates.append(Intermediate(name(), value, unit, outcome: outcome))
    }

    public mutating func note(_ text: @autoclosure () -> String) {
        guard detailed else { return }
        let text = text()
        if !notes.contains(text) { notes.append(text) }
    }

    /// Appends what another recorder collected (a memoized computation replayed for this row).
    mutating func replay(_ other: RowRecorder) {
        divergences.formUnion(other.divergences)
        guard detailed else { return }
        // A row's first replay takes the memo's arrays as they are (shared until written), with no
        // per-element copy or duplicate check.
        if factors.isEmpty {
            factors = other.factors
        } else {
            for use in other.factors where !factors.contains(use) { factors.append(use) }
        }
        if intermediates.isEmpty { intermediates = other.intermediates } else { intermediates += other.intermediates }
        if notes.isEmpty { notes = other.notes } else { for text in other.notes where !notes.contains(text) { notes.append(text) } }
    }

    public mutating func divergence(_ id: DivergenceID) { divergences.insert(id) }
}

/// Yearly gas masses of one row in one outcome: t CO2, t N2O, t CH4 per category, and t CO2e of manufacture.
///
/// A category a row never emits keeps an empty array (most rows touch one or two), so read
/// single years through `value(_:year:)`. The categories are stored properties, not an array of
/// arrays, so an empty series costs no allocation.
public struct GasSeries: Sendable, Hashable {
    public private(set) var co2Biomass: [Double] = []
    public private(set) var co2Soil: [Double] = []
    public private(set) var co2Other: [Double] = []
    public private(set) var n2o: [Double] = []
    public private(set) var n2oIndirect: [Double] = []
    public private(set) var ch4: [Double] = []
    public private(set) var ch4Fossil: [Double] = []
    public private(set) var co2eManufacture: [Double] = []
    public let years: Int

    public init(years: Int) { self.years = years }

    /// The mass of one category in one year (index 0 = year 1).
    public func value(_ gas: GasCategory, year: Int) -> Double {
        let series = self[gas]
        return series.isEmpty ? 0 : series[year]
    }

    /// The yearly masses of one category; empty when the row never emits it.
    public subscript(gas: GasCategory) -> [Double] {
        switch gas {
        case .co2Biomass: co2Biomass
        case .co2Soil: co2Soil
        case .co2Other: co2Other
        case .n2o: n2o
        case .n2oIndirect: n2oIndirect
        case .ch4: ch4
        case .ch4Fossil: ch4Fossil
        case .co2eManufacture: co2eManufacture
        }
    }

    private mutating func modify(_ gas: GasCategory, _ body: (inout [Double]) -> Void) {
        switch gas {
        case .co2Biomass: body(&co2Biomass)
        case .co2Soil: body(&co2Soil)
        case .co2Other: body(&co2Other)
        case .n2o: body(&n2o)
        case .n2oIndirect: body(&n2oIndirect)
        case .ch4: body(&ch4)
        case .ch4Fossil: body(&ch4Fossil)
        case .co2eManufacture: body(&co2eManufacture)
        }
    }

    /// Adds a yearly series into one category, element by element, in place.
    public mutating func add(_ gas: GasCategory, _ values: [Double]) {
        let years = self.years
        modify(gas) { Self.accumulate(&$0, values, scale: 1, years: years) }
    }

    /// Adds `perUnit × units(y)` into one category (per hectare × hectares, per head × heads, per t × tonnes).
    public mutating func add(_ gas: GasCategory, perHectare: Double, hectares: [Double]) {
        guard perHectare != 0 else { return }
        let years = self.years
        modify(gas) { Self.accumulate(&$0, hectares, scale: perHectare, years: years) }
    }

    private static func accumulate(_ target: inout [Double], _ values: [Double], scale: Double, years: Int) {
        if target.isEmpty {
            guard values.contains(where: { $0 != 0 }) else { return }
            if scale == 1, values.count == years {
                // The first series of a gas is taken as it is: no copy, no loop.
                target = values
                return
            }
            target = YearlyValues.zeros(years)
        }
        for index in 0..<min(target.count, values.count) { target[index] += values[index] * scale }
    }

    public func total(_ gas: GasCategory) -> Double {
        // Switching on the stored arrays sums them in place (the subscript would hand out a copy).
        switch gas {
        case .co2Biomass: Self.sum(co2Biomass)
        case .co2Soil: Self.sum(co2Soil)
        case .co2Other: Self.sum(co2Other)
        case .n2o: Self.sum(n2o)
        case .n2oIndirect: Self.sum(n2oIndirect)
        case .ch4: Self.sum(ch4)
        case .ch4Fossil: Self.sum(ch4Fossil)
        case .co2eManufacture: Self.sum(co2eManufacture)
        }
    }

    private static func sum(_ values: [Double]) -> Double {
        var total = 0.0
        for value in values { total += value }
        return total
    }

    /// Total tonnes of one gas over its categories.
    /// t CO2e of one category, or of all of them (summed in category order) when `gas` is nil.
    public func co2e(_ gas: GasCategory?, gwp: GWPFactors) -> Double {
        if let gas { return 0 + total(gas) * gwp.weight(gas) }
        var sum = 0.0
        for category in GasCategory.allCases { sum += total(category) * gwp.weight(category) }
        return sum
    }

    public func total(gas: Gas) -> Double {
        GasCategory.allCases.reduce(0) { $0 + ($1.gas == gas ? total($1) : 0) }
    }
}
