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
        let context: AssessmentContext
        let gwpFactors: GWPFactors
        do {
            context = try AssessmentContext(project: project, site: site, factors: factors, method: method)
            gwpFactors = try gwpValues(gwpSet, factors: factors)
        } catch {
            throw Failure(missingFactors: [error], siteErrors: [])
        }
        let other = context.switching(to: method.other)

        var rows: [RowResult] = []
        rows.reserveCapacity(project.rowCount)
        var divergences: [Divergence] = []
        var missing: [MissingFactor] = []

        func run<Row: LandRow>(_ list: [Row], _ module: ModuleKind, _ compute: (Row, AssessmentContext) throws(MissingFactor) -> ModuleRowResult) {
            for row in list {
                do {
                    let result = try compute(row, context)
                    let rowResult = RowResult(
                        module: module, id: row.id, name: row.name, area: row.area, emissions: result.emissions,
                        factors: result.recorder.factors, intermediates: result.recorder.intermediates,
                        notes: result.recorder.notes, divergenceIDs: result.recorder.divergences.sorted())
                    if !result.recorder.divergences.isEmpty, let alternative = try? compute(row, other) {
                        divergences += compare(rowResult, alternative.emissions, gwp: gwpFactors)
                    }
                    rows.append(rowResult)
                } catch {
                    if !missing.contains(error) { missing.append(error) }
                }
            }
        }
        run(project.landUseChange, .landUseChange, LandUseChangeModule.assess)
        run(project.annualCrops, .annualCrops, AnnualCroplandModule.assess)
        run(project.perennialCrops, .perennialCrops, PerennialModule.assess)
        run(project.grassland, .grassland, GrasslandModule.assess)
        run(project.forestManagement, .forestManagement, ForestManagementModule.assess)
        run(project.organicSoils, .organicSoils, OrganicSoilsModule.assess)
        guard missing.isEmpty else { throw Failure(missingFactors: missing, siteErrors: []) }

        var notes = ["climate zone \(site.climateZone.rawValue): \(site.climateRule)", "soil class \(site.soilClass.rawValue): \(site.soilRule)"]
        if let region = site.region { notes.append("region \(region): \(site.regionRule)") }
        return Assessment(
            method: method, gwp: gwpSet, factorSet: project.description.factorSet, site: site,
            startYear: project.description.startYear, implementationYears: project.description.implementationYears,
            totalYears: project.description.totalYears, gwpFactors: gwpFactors, rows: rows,
            divergences: divergences, notes: notes)
    }

    /// Per-gas differences between the chosen method's row and the other method's, where they exist.
    private static func compare(_ row: RowResult, _ other: OutcomePair<GasSeries>, gwp: GWPFactors) -> [Divergence] {
        var found: [Divergence] = []
        for outcome in Outcome.allCases {
            for gas in GasCategory.allCases {
                let chosen = row.mass(outcome, gas)
                let alternative = other[outcome].total(gas)
                guard abs(chosen - alternative) > 1e-9 * max(1, abs(chosen), abs(alternative)) else { continue }
                found.append(Divergence(
                    ids: row.divergenceIDs, module: row.module, rowID: row.id, outcome: outcome, gas: gas,
                    chosen: chosen, other: alternative, differenceCO2e: (chosen - alternative) * gwp.weight(gas)))
            }
        }
        return found
    }

    static func gwpValues(_ set: GWPSet, factors: FactorSet) throws(MissingFactor) -> GWPFactors {
        let key = factors.text("vocabulary", ["gwp", set.rawValue], column: "maps_to") ?? set.rawValue.lowercased()
        return GWPFactors(
            ch4: try factors.factor("gwp", ["gwp_set": key, "gas": "ch4"]),
            n2o: try factors.factor("gwp", ["gwp_set": key, "gas": "n2o"]))
    }
}
