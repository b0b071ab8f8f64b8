import PerMille
import PerMilleJSON

/// The assessment as a `permille-result/1` document (Docs/format.md, "Format 1"), kept so `verify`
/// can rerun results written in format 1; deterministic key order. Format 2 is `ResultDocument`.
public enum ResultJSON {
    /// Everything beyond the assessment that the result carries: the project's name and digests.
    public struct Provenance: Sendable {
        public var projectName: String
        /// `sha256:` + hex of the project in canonical JSON (the same for its JSON and XML forms).
        public var inputDigest: String
        /// Digests of every factor table the assessment could read, by file name.
        public var factorDigests: [(file: String, digest: String)]

        public init(projectName: String, inputDigest: String, factorDigests: [(file: String, digest: String)]) {
            self.projectName = projectName
            self.inputDigest = inputDigest
            self.factorDigests = factorDigests
        }
    }

    /// The tables a `permille-result/1` lists: those its rows' factors come from and the ones every
    /// run reads (a v1 result is rerun with the same list so `verify` can compare them).
    public static func tablesReadV1(by assessment: Assessment, factors: FactorSet) -> [(file: String, digest: String)] {
        var names: Set<String> = [
            "constants", "gwp", "vocabulary", "country-regions", "iso-countries", "wrb-soil-groups", "uncertainty-classes", "input-kinds",
        ]
        for row in assessment.rows { for use in row.factors where use.factor.table != "override" { names.insert(use.factor.table) } }
        return factors.digests(of: names)
    }

    public static func encode(_ assessment: Assessment, provenance: Provenance, explain: Bool = true) -> String {
        JSONWriter.write(document(assessment, provenance: provenance, explain: explain))
    }

    public static func document(_ assessment: Assessment, provenance: Provenance, explain: Bool) -> JSONOutput {
        let years = Double(assessment.totalYears)
        var top: [(String, JSONOutput)] = [("format", .string("permille-result/1"))] + header(assessment, provenance: provenance)
        top.append(("total", total(assessment)))
        var modules: [(String, JSONOutput)] = []
        for module in assessment.modules {
            let rows = assessment.rows(in: module)
            let entry =
                summary(of: rows, assessment: assessment)
                + [("rows", .object(rows.map { ($0.id, row($0, assessment: assessment, explain: explain)) }))]
            modules.append((module.rawValue, .object(entry)))
        }
        top.append(("modules", .object(modules)))
        top += trailer(assessment, years: years)
        top.append(("digests", digests(provenance)))
        return .object(top)
    }

    /// The keys between `format` and `total`: project, method, GWP, factor set, site, period, GWP values, unit.
    static func header(_ assessment: Assessment, provenance: Provenance) -> [(String, JSONOutput)] {
        [
            ("project", .string(provenance.projectName)),
            ("method", .string(assessment.method.rawValue)),
            ("gwp", .string(assessment.gwp.rawValue)),
            ("factorSet", .string(assessment.factorSet.rawValue)),
            ("site", site(assessment.site)),
            (
                "period",
                .object([
                    ("startYear", .integer(assessment.startYear)),
                    ("implementationYears", .integer(assessment.implementationYears)),
                    ("capitalizationYears", .integer(assessment.totalYears - assessment.implementationYears)),
                    ("totalYears", .integer(assessment.totalYears)),
                ])
            ),
            (
                "gwpValues",
                .object([
                    ("co2", .number(1)), ("ch4", .number(assessment.gwpFactors.ch4.value)),
                    ("ch4Fossil", .number(assessment.gwpFactors.ch4Fossil.value)), ("n2o", .number(assessment.gwpFactors.n2o.value)),
                ])
            ),
            ("unit", .string("t CO2e; emissions positive, removals negative; balance = with - without")),
        ]
    }

    /// The project's totals: balance, area, per hectare (and year), intensity, by gas category, by gas.
    static func total(_ assessment: Assessment) -> JSONOutput {
        let area = assessment.projectArea
        let years = Double(assessment.totalYears)
        let totalBalance = assessment.total.balance
        return .object(
            triple(assessment.total) + [
                ("area", .number(area)),
                ("perHectare", .number(clean(area > 0 ? totalBalance / area : 0))),
                ("perHectarePerYear", .number(clean(area > 0 && years > 0 ? totalBalance / area / years : 0))),
                ("intensity", intensity(assessment.total, area: area, years: years)),
                ("byGas", byGas(assessment, rows: assessment.rows)),
                ("gases", gases(assessment, rows: assessment.rows)),
            ])
    }

    /// A module's keys before its rows: balance, title, area, intensity, by gas, gases, years.
    static func summary(of rows: [RowResult], assessment: Assessment) -> [(String, JSONOutput)] {
        let moduleArea = rows.reduce(0) { $0 + $1.maxArea }
        let years = Double(assessment.totalYears)
        return triple(assessment.total(of: rows)) + [
            ("title", .string(rows.first?.module.title ?? "")),
            ("area", .number(moduleArea)),
            ("intensity", intensity(assessment.total(of: rows), area: moduleArea, years: years)),
            ("byGas", byGas(assessment, rows: rows)),
            ("gases", gases(assessment, rows: rows)),
            ("years", yearly(assessment, rows: rows)),
        ]
    }

    /// The keys after `modules`: years, divergences, the other method's totals, uncertainty, notes.
    static func trailer(_ assessment: Assessment, years: Double) -> [(String, JSONOutput)] {
        var keys: [(String, JSONOutput)] = [
            ("years", yearly(assessment, rows: assessment.rows)),
            ("divergences", .array(assessment.divergences.map(divergence))),
            ("otherMethod", otherMethod(assessment)),
        ]
        if let uncertainty = assessment.uncertainty {
            var entry = self.uncertainty(uncertainty, years: years)
            if let report = assessment.monteCarlo, case .object(let members) = entry {
                entry = .object(members + [("monteCarlo", monteCarlo(report, deterministic: assessment))])
            }
            keys.append(("uncertainty", entry))
        }
        keys.append(("notes", .array(assessment.notes.map(JSONOutput.string))))
        return keys
    }

    static func digests(_ provenance: Provenance) -> JSONOutput {
        .object([
            ("input", .string(provenance.inputDigest)),
            ("factors", .object(provenance.factorDigests.map { ($0.file, .string($0.digest)) })),
        ])
    }

    /// Calendar years with the year's and the cumulative without / with / balance.
    static func yearly(_ assessment: Assessment, rows: [RowResult]) -> JSONOutput {
        var cumulative = Balance(without: 0, with: 0)
        return .array(
            zip(assessment.calendarYears, assessment.yearly(of: rows)).map { year, balance in
                cumulative.without += balance.without
                cumulative.with += balance.with
                return .object([("year", .integer(year))] + triple(balance) + [("cumulative", .object(triple(cumulative)))])
            })
    }

    static func triple(_ balance: Balance) -> [(String, JSONOutput)] {
        [("without", .number(clean(balance.without))), ("with", .number(clean(balance.with))), ("balance", .number(clean(balance.balance)))]
    }

    /// Rounds away float noise below a micro-tonne so reruns and platforms print the same digits.
    static func clean(_ value: Double) -> Double {
        // Past 1e15 a double has no digits at 1e-9 left to round, and × 1e9 could overflow to infinity.
        guard value.magnitude < 1e15 else { return value }
        let rounded = (value * 1e9).rounded() / 1e9
        return rounded == 0 ? 0 : rounded
    }

    static func intensity(_ balance: Balance, area: Double, years: Double) -> JSONOutput {
        .object([
            ("perHectare", .object(triple(balance.divided(by: area)))),
            ("perHectarePerYear", .object(triple(balance.divided(by: area * years)))),
        ])
    }

    static func byGas(_ assessment: Assessment, rows: [RowResult]) -> JSONOutput {
        .object(
            GasCategory.allCases.map { gas in
                let co2e = assessment.total(of: rows, gas: gas)
                var without = 0.0
                var with = 0.0
                for index in rows.indices {
                    without += rows[index].mass(.without, gas)
                    with += rows[index].mass(.with, gas)
                }
                return (
                    gas.rawValue,
                    .object(
                        triple(co2e) + [
                            ("tonnes", .object(triple(Balance(without: without, with: with)) + [("unit", .string(gas.massUnit))]))
                        ])
                )
            })
    }

    /// Tonnes of each gas (t CO2, t CH4, t N2O) over its categories, and the manufacture CO2e.
    static func gases(_ assessment: Assessment, rows: [RowResult]) -> JSONOutput {
        .object(
            Gas.allCases.map { gas in
                (gas.rawValue, .object(triple(assessment.tonnes(of: rows, gas: gas)) + [("unit", .string(gas.massUnit))]))
            })
    }

    /// The project's totals under the other method, from the per-row differences (divergence D-list).
    static func otherMethod(_ assessment: Assessment) -> JSONOutput {
        let difference = assessment.otherMethodDifference
        return .object(
            [("method", .string(assessment.method.other.rawValue))] + triple(assessment.otherMethodTotal) + [
                (
                    "differenceByGas",
                    .object(
                        GasCategory.allCases.compactMap { gas in
                            difference[gas].map { (gas.rawValue, .object(triple($0))) }
                        })
                )
            ])
    }

    static func uncertainty(_ report: UncertaintyReport, years: Double) -> JSONOutput {
        func values(_ triple: UncertaintyReport.UncertaintyTriple) -> [(String, JSONOutput)] {
            [("without", .number(clean(triple.without))), ("with", .number(clean(triple.with))), ("balance", .number(clean(triple.balance)))]
        }
        return .object([
            ("method", .string("EX-ACT classes: |cell flux| x class (10/20/33/50 %), summed without root-sum-square (method.md §14.5)")),
            ("total", .object(values(report.total))),
            ("perYear", .object(values(.init(without: report.total.without / years, with: report.total.with / years, balance: report.total.balance / years)))),
            ("absoluteFlux", .object(values(report.absoluteFlux))),
            ("percent", .object(values(report.percent))),
            ("percentDefinition", .string("total uncertainty / sum of absolute cell fluxes (permille's definition; EX-ACT's denominator is MISSING, O4)")),
            (
                "cells",
                .array(
                    report.cells.map { cell in
                        .object([
                            ("module", .string(cell.module.rawValue)), ("component", .string(cell.component.rawValue)),
                            ("class", .string(cell.stars)), ("percent", .number(cell.factor.value)),
                            ("provisional", .bool(cell.provisional)),
                            ("flux", .object(triple(cell.flux))), ("uncertainty", .object(values(cell.uncertainty))),
                        ])
                    })
            ),
        ])
    }

    /// `uncertainty.monteCarlo` (Docs/format.md): the distribution of the totals and of each module's.
    static func monteCarlo(_ report: MonteCarlo.Report, deterministic assessment: Assessment) -> JSONOutput {
        func summary(_ summary: MonteCarlo.Summary) -> JSONOutput {
            .object([
                ("mean", .number(clean(summary.mean))), ("low", .number(clean(summary.low))), ("median", .number(clean(summary.median))),
                ("high", .number(clean(summary.high))),
                ("lowStandardError", .number(clean(summary.lowStandardError))), ("highStandardError", .number(clean(summary.highStandardError))),
            ])
        }
        func outcomes(_ outcomes: MonteCarlo.Outcomes) -> JSONOutput {
            .object([("without", summary(outcomes.without)), ("with", summary(outcomes.with)), ("balance", summary(outcomes.balance))])
        }
        func factor(_ entry: MonteCarlo.FactorEntry) -> JSONOutput {
            var members: [(String, JSONOutput)] = [
                ("table", .string(entry.table)), ("key", .string(entry.key)), ("column", .string(entry.column)),
                ("value", .number(entry.value)),
                ("uncertaintyPercent", entry.uncertaintyPercent.map { JSONOutput.number($0) } ?? .null),
                ("reliability", .string(entry.reliability.rawValue)),
            ]
            if let distribution = entry.distribution { members.append(("distribution", .string(distribution.name))) }
            return .object(members)
        }
        let histogram = report.balanceHistogram
        return .object([
            (
                "method",
                .string(
                    "IPCC Approach 2: each factor with a ± drawn once per iteration and shared by every row, scenario and year that uses it; low and high are the 2.5th and 97.5th percentiles (method.md §11.1)"
                )
            ),
            ("draws", .integer(report.draws)),
            ("seed", .integer(Int(truncatingIfNeeded: report.seed))),
            ("total", outcomes(report.total)),
            ("modules", .object(report.modules.map { ($0.module.rawValue, outcomes($0.outcomes)) })),
            ("variedFactors", .array(report.varied.map(factor))),
            ("fixedFactors", .object([("count", .integer(report.fixed.count)), ("factors", .array(report.fixed.map(factor)))])),
            (
                "balanceHistogram",
                .object([
                    ("lower", .number(clean(histogram.lower))), ("width", .number(clean(histogram.width))),
                    ("counts", .array(histogram.counts.map(JSONOutput.integer))),
                    ("deterministic", .number(clean(assessment.total.balance))),
                ])
            ),
        ])
    }

    private static func row(_ row: RowResult, assessment: Assessment, explain: Bool) -> JSONOutput {
        var entry = triple(row.balance(gwp: assessment.gwpFactors))
        entry += [
            ("name", .string(row.name)),
            ("area", .object([("start", .number(row.area.start)), ("without", .number(row.area.without)), ("with", .number(row.area.with))])),
            ("intensity", intensity(row.balance(gwp: assessment.gwpFactors), area: row.maxArea, years: Double(assessment.totalYears))),
            (
                "byGas",
                .object(
                    GasCategory.allCases.map { gas in
                        (
                            gas.rawValue,
                            .object(
                                triple(row.balance(gas: gas, gwp: assessment.gwpFactors)) + [
                                    ("tonnes", .object(triple(Balance(without: row.mass(.without, gas), with: row.mass(.with, gas)))))
                                ])
                        )
                    })
            ),
            (
                "years",
                .object(
                    Outcome.allCases.map { outcome in
                        (outcome.rawValue, .array((0..<assessment.totalYears).map { .number(clean(row.co2e(outcome, year: $0, gwp: assessment.gwpFactors))) }))
                    })
            ),
            (
                "gases",
                .object(
                    Gas.allCases.map { gas in
                        (gas.rawValue, .object(triple(Balance(without: row.tonnes(.without, gas), with: row.tonnes(.with, gas))) + [("unit", .string(gas.massUnit))]))
                    })
            ),
        ]
        if let quantity = row.quantity {
            entry.append(
                (
                    "quantity",
                    .object([
                        ("start", .number(quantity.values.start)), ("without", .number(quantity.values.without)),
                        ("with", .number(quantity.values.with)), ("unit", .string(quantity.unit)),
                    ])
                ))
        }
        if !row.divergenceIDs.isEmpty { entry.append(("divergenceIDs", .array(row.divergenceIDs.map { .string($0.rawValue) }))) }
        if !row.notes.isEmpty { entry.append(("notes", .array(row.notes.map(JSONOutput.string)))) }
        if explain {
            entry.append(("factors", .array(row.factors.map(factor))))
            entry.append(
                (
                    "intermediates",
                    .array(
                        row.intermediates.map { item in
                            var fields: [(String, JSONOutput)] = [("name", .string(item.name)), ("value", .number(clean(item.value))), ("unit", .string(item.unit))]
                            if let outcome = item.outcome { fields.append(("scenario", .string(outcome.rawValue))) }
                            return .object(fields)
                        })
                ))
        }
        return .object(entry)
    }

    static func factor(_ use: FactorUse) -> JSONOutput {
        let factor = use.factor
        var fields: [(String, JSONOutput)] = [
            ("name", .string(use.name)), ("value", .number(factor.value)), ("unit", .string(factor.unit)),
            ("uncertaintyPercent", factor.uncertaintyPercent.map(JSONOutput.number) ?? .null),
            ("reliability", .string(factor.reliability.rawValue)), ("source", .string(factor.source)),
            ("table", .string(factor.table)), ("key", .string(factor.key)), ("line", .integer(factor.line)),
        ]
        if let note = factor.note { fields.append(("note", .string(note))) }
        return .object(fields)
    }

    static func site(_ site: Site) -> JSONOutput {
        .object([
            ("climateZone", .string(site.climateZone.rawValue)), ("climateRule", .string(site.climateRule)),
            ("soilClass", .string(site.soilClass.rawValue)), ("soilRule", .string(site.soilRule)),
            ("region", site.region.map(JSONOutput.string) ?? .null), ("regionRule", .string(site.regionRule)),
        ])
    }

    static func divergence(_ item: Divergence) -> JSONOutput {
        .object([
            ("ids", .array(item.ids.map { .string($0.rawValue) })),
            ("summary", .string(item.ids.map(\.summary).joined(separator: " "))),
            ("module", .string(item.module.rawValue)), ("row", .string(item.rowID)), ("scenario", .string(item.outcome.rawValue)),
            ("gas", .string(item.gas.rawValue)), ("unit", .string(item.gas.massUnit)),
            ("thisMethod", .number(clean(item.chosen))), ("otherMethod", .number(clean(item.other))),
            ("differenceCO2e", .number(clean(item.differenceCO2e))),
        ])
    }
}
