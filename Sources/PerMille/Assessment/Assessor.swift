import Dispatch
import Synchronization

/// Runs every module over a validated project and a factor set; pure, no I/O.
public enum Assessor {
    /// Why an assessment could not be made: factors missing for some rows, or an unusable site.
    public struct Failure: Error, Sendable {
        public var missingFactors: [MissingFactor]
        public var siteErrors: [SiteError]
    }

    /// Assesses `project` with `method` (the project's own when nil) and `gwp` (likewise).
    public static func assess(
        _ project: Project, factors: FactorSet, method: Method? = nil, gwp: GWPSet? = nil
    ) throws(Failure) -> Assessment {
        let method = method ?? project.description.method
        let gwpSet = gwp ?? project.description.gwp
        let site: Site
        do { site = try SiteResolver.resolve(project.description, factors: factors) } catch {
            throw Failure(missingFactors: [], siteErrors: [error])
        }
        let gwpFactors: GWPFactors
        do {
            // Built once here so a project-level lookup failure is reported before any row.
            _ = try AssessmentContext(project: project, site: site, factors: factors, method: method)
            gwpFactors = try gwpValues(gwpSet, factors: factors)
        } catch {
            throw Failure(missingFactors: [error], siteErrors: [])
        }

        // Rows are independent: slices of each module run on all cores, each slice with its own
        // context and memo, and are put back in file order so the result never depends on timing.
        // Two slices per module: each slice pays for its own context and memo, and measured on the
        // benchmark, halving the slices (from four per module) saves more than the balance it costs.
        let slices = RowSlice.plan(project, slicesPerModule: project.rowCount >= parallelThreshold ? 2 : 1)
        let outcomes = Mutex<[Int: SliceOutcome]>([:])
        DispatchQueue.concurrentPerform(iterations: slices.count) { index in
            let outcome = assessSlice(slices[index], project: project, site: site, factors: factors, method: method, gwp: gwpFactors)
            outcomes.withLock { $0[index] = outcome }
        }
        let collected = outcomes.withLock { $0 }
        // Put back in file order; a row result is one reference (copy-on-write), so this is cheap.
        var rows: [RowResult] = []
        rows.reserveCapacity(project.rowCount)
        for index in slices.indices { rows += collected[index]?.rows ?? [] }
        var divergences: [Divergence] = []
        var missing: [MissingFactor] = []
        var listed: Set<MissingFactor> = []
        var gasTotals = ModuleGasTotals()
        for index in slices.indices {
            guard let outcome = collected[index] else { continue }
            gasTotals.add(outcome.gasTotals, module: slices[index].module)
            divergences += outcome.divergences
            for error in outcome.missing where listed.insert(error).inserted { missing.append(error) }
        }
        guard missing.isEmpty else { throw Failure(missingFactors: missing, siteErrors: []) }

        var notes = ["climate zone \(site.climateZone.rawValue): \(site.climateRule)", "soil class \(site.soilClass.rawValue): \(site.soilRule)"]
        if let region = site.region { notes.append("region \(region): \(site.regionRule)") }
        var assessment = Assessment(
            method: method, gwp: gwpSet, factorSet: project.description.factorSet, site: site,
            startYear: project.description.startYear, implementationYears: project.description.implementationYears,
            totalYears: project.description.totalYears, gwpFactors: gwpFactors, rows: rows,
            divergences: divergences, notes: notes,
            projectArea: AreaCheck.projectArea(project, perennialSystems: Set(factors.tables["perennial-max-agb"]?.distinctValues(ofKey: "system") ?? [])))
        do { assessment.uncertainty = try UncertaintyReport.compute(gasTotals, gwp: gwpFactors, factors: factors) } catch {
            throw Failure(missingFactors: [error], siteErrors: [])
        }
        return assessment
    }

    /// Projects smaller than this run on one thread: starting workers would cost more than it saves.
    public static let parallelThreshold = 2_000

    /// What one slice of rows produced.
    struct SliceOutcome: Sendable {
        /// The slice's row results in file order, all of them unless a row failed.
        var rows: [RowResult] = []
        var divergences: [Divergence] = []
        var missing: [MissingFactor] = []
        private var listed: Set<MissingFactor> = []
        /// t of each gas category over the slice's rows, per outcome (summed here, while the rows are hot).
        var gasTotals = Array(repeating: Balance(without: 0, with: 0), count: GasCategory.allCases.count)

        /// Adds missing factors not listed yet, in the order given.
        mutating func list(_ errors: [MissingFactor]) {
            for error in errors where listed.insert(error).inserted { missing.append(error) }
        }
    }

    /// Computes one slice of one module's rows, and for rows that touch a divergence, the other method's numbers.
    private static func assessSlice(
        _ slice: RowSlice, project: Project, site: Site, factors: FactorSet, method: Method, gwp: GWPFactors
    ) -> SliceOutcome {
        var outcome = SliceOutcome()
        outcome.rows.reserveCapacity(slice.range.count)
        let context: AssessmentContext
        do { context = try AssessmentContext(project: project, site: site, factors: factors, method: method) } catch {
            outcome.list([error])
            return outcome
        }
        let other = context.switching(to: method.other)
        func run<Module: ModuleDescriptor>(_: Module.Type) {
            for row in project.rows(Module.Row.self)[slice.range] {
                context.missing?.found.removeAll()
                do {
                    let result = try Module.assess(row, context: context)
                    if let found = context.missing?.found, !found.isEmpty {
                        outcome.list(found)
                        continue
                    }
                    for gas in GasCategory.allCases {
                        outcome.gasTotals[gas.index].without += result.emissions.without.total(gas)
                        outcome.gasTotals[gas.index].with += result.emissions.with.total(gas)
                    }
                    let rowResult = RowResult(
                        module: slice.module, id: row.id, name: row.name, area: row.area, quantity: result.quantity, socStart: result.socStart,
                        emissions: result.emissions, factors: result.recorder.factors, intermediates: result.recorder.intermediates,
                        notes: result.recorder.notes, divergenceIDs: result.recorder.divergences.sorted)
                    if !result.recorder.divergences.isEmpty, let alternative = try? Module.assess(row, context: other) {
                        outcome.divergences += compare(rowResult, alternative.emissions, gwp: gwp)
                    }
                    outcome.rows.append(rowResult)
                } catch {
                    // Those the row listed before the one it could not go on without, then that one.
                    outcome.list((context.missing?.found ?? []) + [error])
                }
            }
        }
        run(slice.module.descriptor)
        return outcome
    }

    /// Per-gas differences between the chosen method's row and the other method's, where they exist.
    private static func compare(_ row: RowResult, _ other: OutcomePair<GasSeries>, gwp: GWPFactors) -> [Divergence] {
        var found: [Divergence] = []
        for outcome in Outcome.allCases {
            for gas in GasCategory.allCases {
                // Stored properties, not `emissions[outcome]`: the subscript would copy a whole series.
                let chosen = outcome == .without ? row.emissions.without.total(gas) : row.emissions.with.total(gas)
                let alternative = outcome == .without ? other.without.total(gas) : other.with.total(gas)
                guard abs(chosen - alternative) > 1e-9 * max(1, abs(chosen), abs(alternative)) else { continue }
                found.append(
                    Divergence(
                        ids: row.divergenceIDs, module: row.module, rowID: row.id, outcome: outcome, gas: gas,
                        chosen: chosen, other: alternative, differenceCO2e: (chosen - alternative) * gwp.weight(gas)))
            }
        }
        return found
    }

    static func gwpValues(_ set: GWPSet, factors: FactorSet) throws(MissingFactor) -> GWPFactors {
        let key = factors.text("vocabulary", ["gwp", set.rawValue], column: "maps_to") ?? set.rawValue.lowercased()
        let ch4 = try factors.factor("gwp", ["gwp_set": key, "gas": "ch4"])
        // Only AR6 tells fossil from biogenic CH4; the other sets have one CH4 value (method.md §13).
        let fossil = try? factors.factor("gwp", ["gwp_set": key, "gas": "ch4-fossil"])
        return GWPFactors(ch4: ch4, n2o: try factors.factor("gwp", ["gwp_set": key, "gas": "n2o"]), ch4Fossil: fossil)
    }
}

/// A contiguous run of one module's rows, the unit of parallel work.
struct RowSlice: Sendable {
    var module: ModuleKind
    var range: Range<Int>
    /// Where its rows start among all the project's rows (modules in order).
    var offset: Int

    /// Slices in file order: modules in EX-ACT's order, each cut into up to `slicesPerModule` pieces.
    static func plan(_ project: Project, slicesPerModule: Int) -> [RowSlice] {
        var slices: [RowSlice] = []
        var offset = 0
        for module in ModuleKind.allCases {
            let count = project.rowCount(of: module)
            guard count > 0 else { continue }
            let pieces = max(1, min(slicesPerModule, count))
            for piece in 0..<pieces {
                let lower = count * piece / pieces
                let upper = count * (piece + 1) / pieces
                slices.append(RowSlice(module: module, range: lower..<upper, offset: offset + lower))
            }
            offset += count
        }
        return slices
    }
}

/// Tonnes of each gas category per module and outcome, summed slice by slice in file order.
struct ModuleGasTotals {
    private(set) var values: [ModuleKind: [Balance]] = [:]

    mutating func add(_ totals: [Balance], module: ModuleKind) {
        var current = values[module] ?? Array(repeating: Balance(without: 0, with: 0), count: totals.count)
        for index in totals.indices {
            current[index].without += totals[index].without
            current[index].with += totals[index].with
        }
        values[module] = current
    }
}
