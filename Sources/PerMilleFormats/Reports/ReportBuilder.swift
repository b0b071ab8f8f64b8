import PerMille

/// Everything a project report shows: the assessment, the project it came from, its review
/// (per-mille, indicators, scorecard, practices) and the digests a reviewer needs to rerun it.
public struct ReportInput: Sendable {
    public var assessment: Assessment
    public var project: Project
    public var review: ProjectReview
    public var provenance: ResultJSON.Provenance
    /// `sha256:` digests of the review documents (catalogue, criteria, practice sheets), by file name.
    public var reviewDigests: [String: String]
    /// Where the criteria come from (`CriteriaSet.source`).
    public var criteriaSource: String
    /// Show compound per-mille rates as the headline instead of linear ones.
    public var compound: Bool

    /// The site in words: the review's names, or the keys in words when the review was built without the tables.
    var place: PlaceNames {
        review.place ?? PlaceNames(country: project.description.country, site: assessment.site, factors: nil)
    }

    public init(
        assessment: Assessment, project: Project, review: ProjectReview, provenance: ResultJSON.Provenance,
        reviewDigests: [String: String], criteriaSource: String, compound: Bool = false
    ) {
        self.assessment = assessment
        self.project = project
        self.review = review
        self.provenance = provenance
        self.reviewDigests = reviewDigests
        self.criteriaSource = criteriaSource
        self.compound = compound
    }
}

/// Builds the report's sections; every format renders this one description.
public enum ReportBuilder {
    /// Section titles in order, as every format prints them.
    public static let sectionTitles = [
        "Project", "Headline", "Charts", "Results", "Per-mille rates", "Criteria scorecard", "Indicators",
        "Practice sheets", "Factors used", "Method choices and divergences", "Digests",
    ]

    /// The per-mille note that goes wherever a per-mille number is printed.
    public static let perMilleCaveat =
        "A per-mille rate is relative to the initial stock: it flatters carbon-poor soils and penalises carbon-rich ones. Read it beside the absolute SOC change (t C/ha/yr, t CO2e/yr), which is what the atmosphere sees."

    public static func document(_ input: ReportInput) -> ReportDocument {
        let a = input.assessment
        let subtitle = "Ex-ante GHG balance and review for the \"4 per 1000\" Initiative · method \(a.method.rawValue) · GWP \(a.gwp.rawValue) · factors \(a.factorSet.rawValue)"
        let sections = [
            header(input), headline(input), charts(input), results(input), perMille(input), scorecard(input),
            indicators(input), practices(input), factors(input), method(input), digests(input),
        ]
        return ReportDocument(title: input.provenance.projectName, subtitle: subtitle, sections: sections)
    }

    // MARK: 1. Header

    static func header(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        let d = input.project.description
        let end = a.startYear + a.totalYears - 1
        var facts = [ReportFact("Project", input.provenance.projectName)]
        facts.append(ReportFact("Holder", d.holder ?? "not given"))
        let place = input.place
        facts.append(ReportFact("Country", place.country ?? "not given"))
        facts.append(ReportFact("Region", (place.region ?? "none") + " (\(place.regionRule))"))
        facts.append(ReportFact("Climate zone", "\(place.climateZone) (\(place.climateRule))"))
        facts.append(ReportFact("Soil class", "\(place.soilClass) (\(place.soilRule))"))
        facts.append(
            ReportFact("Period", "\(a.startYear)–\(end): \(a.totalYears) years (\(a.implementationYears) implementation + \(a.totalYears - a.implementationYears) capitalisation)"))
        facts.append(ReportFact("Method", "\(a.method.rawValue) (the other method, \(a.method.other.rawValue), is run on every row that touches a divergence)"))
        facts.append(
            ReportFact(
                "GWP",
                "\(a.gwp.rawValue): CH4 \(ReportText.plain(a.gwpFactors.ch4.value)), fossil CH4 \(ReportText.plain(a.gwpFactors.ch4Fossil.value)), N2O \(ReportText.plain(a.gwpFactors.n2o.value)) t CO2e/t"
            ))
        facts.append(ReportFact("Factor set", a.factorSet.rawValue))
        facts.append(ReportFact("Dynamics", d.dynamics.rawValue))
        facts.append(ReportFact("Project area", "\(ReportText.number(a.projectArea, decimals: 1)) ha"))
        if let budget = d.budget { facts.append(ReportFact("Budget", "\(ReportText.number(budget.amount, decimals: 0)) \(budget.currency)")) }
        return ReportSection(
            id: "project", title: "Project",
            blocks: [
                .facts(facts),
                .paragraph(
                    "Emissions are positive, removals negative; balance = with − without, so a negative balance is a mitigation benefit. All figures are ex-ante estimates (IPCC Tier 1 defaults unless a Tier 2 override is listed)."
                ),
            ])
    }

    // MARK: 2. Headline

    static func headline(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        let total = a.total
        let area = a.projectArea
        let years = Double(a.totalYears)
        let table = ReportTable(
            caption: "Project balance (t CO2e)",
            columns: [.init(""), .init("Without", numeric: true), .init("With", numeric: true), .init("Balance", numeric: true)],
            rows: [
                balanceRow("Total, t CO2e", total, decimals: 1),
                balanceRow("Per ha, t CO2e/ha", total.divided(by: area), decimals: 2),
                balanceRow("Per ha per year, t CO2e/ha/yr", total.divided(by: area * years), decimals: 2),
            ])
        var blocks: [ReportBlock] = [.table(table)]
        let perYear = years > 0 ? total.balance / years : 0
        blocks.append(
            .paragraph(
                "Balance: \(ReportText.signed(total.balance, decimals: 1)) t CO2e over \(a.totalYears) years (\(ReportText.signed(perYear, decimals: 1)) t CO2e/yr) on \(ReportText.number(area, decimals: 1)) ha."
            ))
        let report = input.review.perMille
        if let project = report.project {
            let kind = input.compound ? "compound" : "linear"
            let additional = input.compound ? project.compoundRate.with - project.compoundRate.without : project.additionalRate
            let attainment = input.compound ? additional / 4 : project.attainment
            let rate = input.compound ? project.compoundRate : project.rate
            let co2PerYear = project.additionalChange * project.area * 44 / 12
            blocks.append(
                .facts([
                    ReportFact(
                        "Additional SOC change (absolute)",
                        "\(ReportText.signed(project.additionalChange, decimals: 3)) t C/ha/yr on \(ReportText.number(project.area, decimals: 1)) ha = \(ReportText.signed(co2PerYear, decimals: 1)) t CO2e/yr stored in soil (\(report.depth))"
                    ),
                    ReportFact(
                        "SOC change per scenario",
                        "without \(ReportText.signed(project.change.without, decimals: 3)), with \(ReportText.signed(project.change.with, decimals: 3)) t C/ha/yr; initial stock SOC0 \(ReportText.number(project.socInitial, decimals: 1)) t C/ha"
                    ),
                    ReportFact(
                        "Additional per-mille rate (\(kind))",
                        "\(ReportText.signed(additional, decimals: 2)) ‰/yr (without \(ReportText.signed(rate.without, decimals: 2)), with \(ReportText.signed(rate.with, decimals: 2)) ‰/yr)"
                    ),
                    ReportFact(
                        "4 ‰ attainment",
                        "\(ReportText.number(attainment * 100, decimals: 0)) % of 4 ‰/yr; 4 ‰ would need \(ReportText.number(project.needed, decimals: 3)) t C/ha/yr"),
                ]))
        } else {
            blocks.append(.paragraph("No row has mineral soil: no per-mille rate is computed."))
        }
        blocks.append(.note(perMilleCaveat))
        return ReportSection(id: "headline", title: "Headline", blocks: blocks)
    }

    static func balanceRow(_ title: String, _ balance: Balance, decimals: Int, style: ReportTable.Cell.Style = .plain) -> [ReportTable.Cell] {
        [.init(title, style: style)] + [balance.without, balance.with, balance.balance].map { .init(ReportText.number($0, decimals: decimals), style: style) }
    }

    // MARK: 3. Charts

    /// Gas categories with a non-zero balance somewhere in the project.
    static func chartGases(_ a: Assessment) -> [GasCategory] {
        GasCategory.allCases.filter { gas in a.modules.contains { a.total(of: a.rows(in: $0), gas: gas).balance != 0 } }
    }

    /// One chart of module × gas balances; `modules` picks the categories (all of them by default).
    public static func balanceChart(_ a: Assessment, modules: [ModuleKind]? = nil, small: Bool = false) -> ReportChart {
        let gases = chartGases(a)
        let modules = modules ?? a.modules
        return ReportChart(
            id: small ? "chart-balance-small" : "chart-balance",
            title: small ? "Balance of the smaller modules, on their own scale" : "Balance by module and gas",
            unit: "t CO2e, with − without", kind: .stackedBars,
            categoryAttribute: "module", seriesAttribute: "gas",
            categories: modules.map { .init($0.rawValue, $0.title) },
            series: gases.map { .init($0.rawValue, TextReport.gasTitle($0), color: SeriesColor.gas($0)) },
            values: gases.map { gas in modules.map { a.total(of: a.rows(in: $0), gas: gas).balance } },
            decimals: 1, showNet: true)
    }

    /// Modules whose bars would be under 4 % of the widest stack: drawn again on their own scale,
    /// since at ±200 000 t a 3 000 t rice or livestock module is a hairline.
    static func smallModules(_ a: Assessment) -> [ModuleKind] {
        let extent: [(ModuleKind, Double)] = a.modules.map { module in
            var positive = 0.0
            var negative = 0.0
            for gas in GasCategory.allCases {
                let value = a.total(of: a.rows(in: module), gas: gas).balance
                if value > 0 { positive += value } else { negative -= value }
            }
            return (module, positive + negative)
        }
        let widest = extent.map(\.1).max() ?? 0
        return extent.filter { $0.1 > 0 && $0.1 < widest * 0.04 }.map(\.0)
    }

    public static func cumulativeChart(_ a: Assessment) -> ReportChart {
        var cumulative = Balance(without: 0, with: 0)
        var without: [Double] = []
        var with: [Double] = []
        for balance in a.yearly(of: a.rows) {
            cumulative.without += balance.without
            cumulative.with += balance.with
            without.append(cumulative.without)
            with.append(cumulative.with)
        }
        return ReportChart(
            id: "chart-cumulative", title: "Cumulative emissions per year", unit: "t CO2e", kind: .lines,
            categoryAttribute: "year", seriesAttribute: "scenario",
            categories: a.calendarYears.map { .init(String($0), String($0)) },
            series: [scenario(.without, "Without project"), scenario(.with, "With project")],
            values: [without, with], decimals: 1)
    }

    static func scenario(_ scenario: SeriesColor.Scenario, _ label: String) -> ReportChart.Key {
        .init(scenario.rawValue, label, color: scenario.color)
    }

    /// Modules whose soil carbon does not move in either scenario: no per-mille bar (a row of 0.00 says nothing).
    static func flatModules(_ report: PerMilleReport) -> [ModuleKind] {
        report.modules.filter { entry in
            let f = entry.figures
            return [f.rate.without, f.rate.with, f.additionalRate, f.compoundRate.without, f.compoundRate.with].allSatisfy { abs($0) < 0.005 }
        }.map(\.module)
    }

    public static func perMilleChart(_ report: PerMilleReport, compound: Bool) -> ReportChart {
        let flat = flatModules(report)
        let shown = report.modules.filter { !flat.contains($0.module) }
        var categories: [ReportChart.Key] = shown.map { .init($0.module.rawValue, $0.module.title) }
        var figures = shown.map(\.figures)
        if let project = report.project {
            categories.append(.init("project", "Project"))
            figures.append(project)
        }
        func rates(_ f: PerMilleFigures) -> (Double, Double, Double) {
            compound ? (f.compoundRate.without, f.compoundRate.with, f.compoundRate.with - f.compoundRate.without) : (f.rate.without, f.rate.with, f.additionalRate)
        }
        return ReportChart(
            id: "chart-permille", title: "Per-mille rate per module and project (\(compound ? "compound" : "linear"))", unit: "‰/yr",
            kind: .groupedBars, categoryAttribute: "module", seriesAttribute: "scenario",
            categories: categories,
            series: [scenario(.without, "Without"), scenario(.with, "With"), scenario(.additional, "Additional")],
            values: [figures.map { rates($0).0 }, figures.map { rates($0).1 }, figures.map { rates($0).2 }],
            reference: (4, "4 ‰"), decimals: 2)
    }

    static func charts(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        let small = smallModules(a)
        var blocks: [ReportBlock] = []
        if small.isEmpty {
            blocks.append(.chart(balanceChart(a)))
        } else {
            blocks.append(.chart(balanceChart(a, modules: a.modules.filter { !small.contains($0) })))
            blocks.append(.chart(balanceChart(a, modules: small, small: true)))
        }
        blocks.append(.chart(cumulativeChart(a)))
        let report = input.review.perMille
        if report.modules.isEmpty {
            blocks.append(.paragraph("No module has mineral soil: no per-mille chart."))
        } else {
            blocks.append(.chart(perMilleChart(report, compound: input.compound)))
            let flat = flatModules(report)
            if !flat.isEmpty {
                blocks.append(
                    .paragraph(
                        "No per-mille bar for \(flat.map(\.title).joined(separator: ", ")): the soil carbon of \(flat.count == 1 ? "this module" : "these modules") does not change in either scenario."
                    ))
            }
            blocks.append(.note(perMilleCaveat))
        }
        return ReportSection(id: "charts", title: "Charts", blocks: blocks)
    }

    // MARK: 4. Results

    static func results(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        let columns: [ReportTable.Column] = [.init(""), .init("Without", numeric: true), .init("With", numeric: true), .init("Balance", numeric: true)]
        var moduleRows = a.modules.map { balanceRow($0.title, a.total(of: a.rows(in: $0)), decimals: 1) }
        moduleRows.append(balanceRow("Total", a.total, decimals: 1, style: .strong))
        var blocks: [ReportBlock] = [.table(ReportTable(caption: "By module (t CO2e)", columns: columns, rows: moduleRows, totalRows: 1))]
        let gasRows = GasCategory.allCases.map { balanceRow(TextReport.gasTitle($0), a.total(of: a.rows, gas: $0), decimals: 1) }
        blocks.append(.table(ReportTable(caption: "By gas (t CO2e)", columns: columns, rows: gasRows)))
        let tonneRows = Gas.allCases.map { gas in
            balanceRow(gas == .co2e ? "t CO2e (input manufacture)" : gas.massUnit, a.tonnes(of: a.rows, gas: gas), decimals: 3)
        }
        blocks.append(.table(ReportTable(caption: "Gases (tonnes of each gas)", columns: columns, rows: tonneRows)))

        let rowColumns: [ReportTable.Column] = [
            .init("Row"), .init("Module"), .init("Name"), .init("Area or amount (start / without / with)"),
            .init("Without", numeric: true), .init("With", numeric: true), .init("Balance", numeric: true),
        ]
        let rowCells: [[ReportTable.Cell]] = a.rows.map { row in
            let amount: String
            if let quantity = row.quantity {
                amount = "\(ReportText.plain(quantity.values.start)) / \(ReportText.plain(quantity.values.without)) / \(ReportText.plain(quantity.values.with)) \(quantity.unit)"
            } else {
                amount = "\(ReportText.plain(row.area.start)) / \(ReportText.plain(row.area.without)) / \(ReportText.plain(row.area.with)) ha"
            }
            let balance = row.balance(gwp: a.gwpFactors)
            return [.init(row.id), .init(row.module.title), .init(row.name), .init(amount)]
                + [balance.without, balance.with, balance.balance].map { .init(ReportText.number($0, decimals: 1)) }
        }
        blocks.append(.table(ReportTable(caption: "By row (t CO2e)", columns: rowColumns, rows: rowCells)))

        if let uncertainty = a.uncertainty {
            let uColumns: [ReportTable.Column] = [
                .init("Module"), .init("Component"), .init("Class"), .init("%", numeric: true),
                .init("Without", numeric: true), .init("With", numeric: true), .init("Balance", numeric: true),
            ]
            var uRows: [[ReportTable.Cell]] = uncertainty.cells.map { cell in
                [
                    .init(cell.module.title), .init(cell.component.rawValue),
                    .init(cell.stars + (cell.provisional ? " (provisional)" : ""), style: cell.provisional ? .flag : .plain),
                    .init(ReportText.plain(cell.factor.value)),
                ]
                    + [cell.uncertainty.without, cell.uncertainty.with, cell.uncertainty.balance].map { .init(ReportText.number($0, decimals: 1)) }
            }
            uRows.append(
                [.init("Total", style: .strong), "", "", ""]
                    + [uncertainty.total.without, uncertainty.total.with, uncertainty.total.balance].map { .init(ReportText.number($0, decimals: 1), style: .strong) })
            uRows.append(
                [.init("% of Σ |cell flux|", style: .strong), "", "", ""]
                    + [uncertainty.percent.without, uncertainty.percent.with, uncertainty.percent.balance].map { .init(ReportText.number($0, decimals: 1), style: .strong) })
            blocks.append(.table(ReportTable(caption: "Uncertainty (EX-ACT classes, t CO2e): |cell flux| × class, summed", columns: uColumns, rows: uRows, totalRows: 2)))
        }
        if let report = a.monteCarlo { blocks += monteCarloBlocks(report, assessment: a) }
        return ReportSection(id: "results", title: "Results", blocks: blocks)
    }

    /// The Monte Carlo table (totals and modules: 2.5 %, median, 97.5 %) and the balance's histogram.
    static func monteCarloBlocks(_ report: MonteCarlo.Report, assessment a: Assessment) -> [ReportBlock] {
        let columns: [ReportTable.Column] = [
            .init("Module"), .init("Outcome"), .init("Mean", numeric: true), .init("2.5 %", numeric: true), .init("Median", numeric: true),
            .init("97.5 %", numeric: true), .init("± s.e. of 2.5 / 97.5 %", numeric: true),
        ]
        func rows(_ title: String, _ outcomes: MonteCarlo.Outcomes, strong: Bool) -> [[ReportTable.Cell]] {
            [("without", outcomes.without), ("with", outcomes.with), ("balance", outcomes.balance)].map { name, summary in
                [.init(title, style: strong ? .strong : .plain), .init(name)]
                    + [summary.mean, summary.low, summary.median, summary.high].map { .init(ReportText.number($0, decimals: 1), style: strong ? .strong : .plain) }
                    + [.init(ReportText.number(summary.lowStandardError, decimals: 1) + " / " + ReportText.number(summary.highStandardError, decimals: 1))]
            }
        }
        var tableRows: [[ReportTable.Cell]] = []
        for (module, outcomes) in report.modules where report.modules.count > 1 { tableRows += rows(module.title, outcomes, strong: false) }
        tableRows += rows("Total", report.total, strong: true)
        let histogram = report.balanceHistogram
        let balance = report.total.balance
        var chart = ReportChart(
            id: "chart-monte-carlo", title: "Balance over \(report.draws) Monte Carlo draws", unit: "t CO2e, with − without; draws per bin",
            kind: .histogram, categoryAttribute: "bin", seriesAttribute: "series",
            categories: histogram.counts.indices.map { index in
                let from = histogram.lower + Double(index) * histogram.width
                return .init(String(index), ReportText.number(from, decimals: 1) + " to " + ReportText.number(from + histogram.width, decimals: 1))
            },
            series: [.init("draws", "Draws")], values: [histogram.counts.map(Double.init)], decimals: 1)
        chart.range = (histogram.lower, histogram.lower + histogram.width * Double(histogram.counts.count))
        chart.markers = [(balance.low, "2.5 %", false), (balance.high, "97.5 %", false), (a.total.balance, "deterministic", true)]
        return [
            .table(
                ReportTable(
                    caption:
                        "Monte Carlo (IPCC Approach 2, \(report.draws) draws, seed \(report.seed); t CO2e): factors drawn once per iteration and shared by every row, scenario and year",
                    columns: columns, rows: tableRows, totalRows: 3)),
            .chart(chart),
            .note(
                "\(report.varied.count) factors drawn from their ± (method.md §11.1); \(report.fixed.count) held fixed because they carry no ± or are provisional — the interval does not include their uncertainty."
            ),
        ]
    }

    // MARK: 5. Per-mille

    static func perMille(_ input: ReportInput) -> ReportSection {
        let report = input.review.perMille
        let columns: [ReportTable.Column] = [
            .init("Level"), .init("Item"), .init("Area, ha", numeric: true), .init("SOC0, t C/ha", numeric: true),
            .init("ΔSOC without, t C/ha/yr", numeric: true), .init("ΔSOC with, t C/ha/yr", numeric: true),
            .init("ΔSOC additional, t C/ha/yr", numeric: true),
            .init("Rate without, ‰/yr", numeric: true), .init("Rate with, ‰/yr", numeric: true),
            .init("Additional, ‰/yr", numeric: true), .init("Attainment of 4 ‰", numeric: true),
            .init("Needed for 4 ‰, t C/ha/yr", numeric: true),
        ]
        let compoundColumns: [ReportTable.Column] = [
            .init("Level"), .init("Item"), .init("Compound without, ‰/yr", numeric: true), .init("Compound with, ‰/yr", numeric: true),
            .init("Compound additional, ‰/yr", numeric: true), .init("Attainment of 4 ‰", numeric: true),
        ]
        var entries: [(level: String, item: String, figures: PerMilleFigures)] = report.rows.map { ("row", "\($0.id) (\($0.module.title))", $0.figures) }
        entries += report.modules.map { ("module", $0.module.title, $0.figures) }
        if let project = report.project { entries.append(("project", "Project", project)) }
        let linear: [[ReportTable.Cell]] = entries.map { entry in
            let f = entry.figures
            let style: ReportTable.Cell.Style = entry.level == "project" ? .strong : .plain
            return [.init(entry.level, style: style), .init(entry.item, style: style)]
                + [
                    ReportText.number(f.area, decimals: 1), ReportText.number(f.socInitial, decimals: 1),
                    ReportText.signed(f.change.without, decimals: 3), ReportText.signed(f.change.with, decimals: 3),
                    ReportText.signed(f.additionalChange, decimals: 3),
                    ReportText.signed(f.rate.without, decimals: 2), ReportText.signed(f.rate.with, decimals: 2),
                    ReportText.signed(f.additionalRate, decimals: 2), ReportText.number(f.attainment * 100, decimals: 0) + " %",
                    ReportText.number(f.needed, decimals: 3),
                ].map { ReportTable.Cell($0, style: style) }
        }
        let compound: [[ReportTable.Cell]] = entries.map { entry in
            let f = entry.figures
            let additional = f.compoundRate.with - f.compoundRate.without
            let style: ReportTable.Cell.Style = entry.level == "project" ? .strong : .plain
            return [.init(entry.level, style: style), .init(entry.item, style: style)]
                + [
                    ReportText.signed(f.compoundRate.without, decimals: 2), ReportText.signed(f.compoundRate.with, decimals: 2),
                    ReportText.signed(additional, decimals: 2), ReportText.number(additional / 4 * 100, decimals: 0) + " %",
                ].map { ReportTable.Cell($0, style: style) }
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Stocks are \(report.depth), area-weighted; rates are averaged over \(report.years) years. Linear rate = ((SOC_T − SOC0) / T) / SOC0 × 1000; compound rate = ((SOC_T / SOC0)^(1/T) − 1) × 1000; additional = with − without; attainment = additional ÷ 4 ‰."
            )
        ]
        if entries.isEmpty {
            blocks.append(.paragraph("No row has mineral soil: no per-mille figure."))
        } else {
            let first = ReportTable(caption: "Linear per-mille rates" + (input.compound ? "" : " (headline)"), columns: columns, rows: linear)
            let second = ReportTable(caption: "Compound per-mille rates" + (input.compound ? " (headline)" : ""), columns: compoundColumns, rows: compound)
            blocks += input.compound ? [.table(second), .table(first)] : [.table(first), .table(second)]
        }
        blocks.append(.note(perMilleCaveat))
        return ReportSection(id: "per-mille", title: "Per-mille rates", blocks: blocks)
    }
}
