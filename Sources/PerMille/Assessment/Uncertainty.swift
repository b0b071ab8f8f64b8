/// EX-ACT's uncertainty classes (method.md §11, spec §14.5): every module × component cell carries a fixed
/// percentage; a cell's uncertainty is |its flux| × that percentage, and totals are plain sums.
public struct UncertaintyReport: Sendable {
    /// The component of a cell, from the gas categories it sums.
    public enum Component: String, Sendable, CaseIterable, Hashable {
        case biomass, soil, n2o, ch4, other

        public init(_ gas: GasCategory) {
            switch gas {
            case .co2Biomass: self = .biomass
            case .co2Soil: self = .soil
            case .n2o, .n2oIndirect: self = .n2o
            case .ch4, .ch4Fossil: self = .ch4
            case .co2Other, .co2eManufacture: self = .other
            }
        }
    }

    public struct Cell: Sendable {
        public var module: ModuleKind
        public var component: Component
        /// The class factor (percent, EX-ACT's stars and its provenance).
        public var factor: Factor
        public var stars: String
        /// t CO2e of the cell for without and with (the balance follows).
        public var flux: Balance
        /// |flux| × class for without, with and balance.
        public var uncertainty: UncertaintyTriple
        /// The class is permille's provisional choice where EX-ACT's is MISSING.
        public var provisional: Bool { factor.reliability == .unverified }
    }

    public struct UncertaintyTriple: Sendable, Hashable {
        public var without: Double
        public var with: Double
        public var balance: Double

        public init(without: Double, with: Double, balance: Double) {
            self.without = without
            self.with = with
            self.balance = balance
        }
    }

    public var cells: [Cell]
    /// Σ of the cells' uncertainties, t CO2e.
    public var total: UncertaintyTriple
    /// Σ of the cells' absolute fluxes, the denominator of `percent` (our definition, O4).
    public var absoluteFlux: UncertaintyTriple
    /// total ÷ absoluteFlux × 100 (0 where nothing flows).
    public var percent: UncertaintyTriple

    static func compute(_ totals: ModuleGasTotals, gwp: GWPFactors, factors: FactorSet) throws(MissingFactor) -> UncertaintyReport {
        let modules = ModuleKind.allCases
        let components = Component.allCases
        var fluxes = Array(repeating: Balance(without: 0, with: 0), count: modules.count * components.count)
        for (moduleIndex, module) in modules.enumerated() {
            guard let tonnes = totals.values[module] else { continue }
            for gas in GasCategory.allCases {
                let cell = moduleIndex * components.count + (components.firstIndex(of: Component(gas)) ?? 0)
                fluxes[cell].without += tonnes[gas.index].without * gwp.weight(gas)
                fluxes[cell].with += tonnes[gas.index].with * gwp.weight(gas)
            }
        }
        var cells: [Cell] = []
        for (moduleIndex, module) in modules.enumerated() {
            for (componentIndex, component) in components.enumerated() {
                let flux = fluxes[moduleIndex * components.count + componentIndex]
                guard flux.without != 0 || flux.with != 0 else { continue }
                // Modules added after results were first recorded keep their classes in a table of their
                // own, so the digest of the shared table (read by every project) does not change.
                let own = "uncertainty-classes-\(module.rawValue)"
                let table = factors.tables[own] != nil ? own : "uncertainty-classes"
                let factor = try factors.factor(table, ["module": module.rawValue, "component": component.rawValue], column: "percent")
                let stars = factors.text(table, [module.rawValue, component.rawValue], column: "class") ?? ""
                let share = factor.value / 100
                cells.append(
                    Cell(
                        module: module, component: component, factor: factor, stars: stars, flux: flux,
                        uncertainty: UncertaintyTriple(without: abs(flux.without) * share, with: abs(flux.with) * share, balance: abs(flux.balance) * share)))
            }
        }
        func sum(_ value: (Cell) -> Double) -> Double { cells.reduce(0) { $0 + value($1) } }
        let total = UncertaintyTriple(without: sum(\.uncertainty.without), with: sum(\.uncertainty.with), balance: sum(\.uncertainty.balance))
        let absolute = UncertaintyTriple(without: sum { abs($0.flux.without) }, with: sum { abs($0.flux.with) }, balance: sum { abs($0.flux.balance) })
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b * 100 : 0 }
        return UncertaintyReport(
            cells: cells, total: total, absoluteFlux: absolute,
            percent: UncertaintyTriple(without: ratio(total.without, absolute.without), with: ratio(total.with, absolute.with), balance: ratio(total.balance, absolute.balance)))
    }
}
