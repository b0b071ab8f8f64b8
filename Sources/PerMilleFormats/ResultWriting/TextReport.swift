import PerMille

/// The assessment as a text table in the shape of EX-ACT's results sheet, optionally with every factor.
public enum TextReport {
    /// `place` names the site in words; without it the keys are put in words (the country stays a key).
    public static func render(_ assessment: Assessment, projectName: String, explain: Bool, place: PlaceNames? = nil) -> String {
        let place = place ?? PlaceNames(country: nil, site: assessment.site, factors: nil)
        var lines: [String] = []
        let area = assessment.projectArea
        let years = assessment.totalYears
        lines.append("permille — \(projectName)")
        lines.append(
            "method \(assessment.method.rawValue) · GWP \(assessment.gwp.rawValue) · factors \(assessment.factorSet.rawValue) · \(years) years (\(assessment.implementationYears) + \(years - assessment.implementationYears)) from \(assessment.startYear) · \(number(area, decimals: 1)) ha"
        )
        var site = place.country.map { [$0] } ?? []
        if let region = place.region { site.append(region) }
        lines.append(
            "site: " + (site.isEmpty ? "" : site.joined(separator: ", ") + "; ")
                + "\(place.climateZone) climate (\(place.climateRule)); \(place.soilClass.lowercasedFirst) (\(place.soilRule))")
        lines.append("")
        lines.append(row("t CO2e", "Without", "With", "Balance"))
        lines.append(String(repeating: "─", count: 78))
        for module in assessment.modules {
            lines.append(row(module.title, assessment.total(of: assessment.rows(in: module))))
        }
        lines.append(String(repeating: "─", count: 78))
        let total = assessment.total
        lines.append(row("Total", total))
        lines.append(row("Per ha", total.divided(by: area), decimals: 2))
        lines.append(row("Per ha per year", total.divided(by: area * Double(years)), decimals: 2))
        lines.append("")
        lines.append(row("By gas (t CO2e)", "Without", "With", "Balance"))
        lines.append(String(repeating: "─", count: 78))
        for gas in GasCategory.allCases {
            let total = assessment.total(of: assessment.rows, gas: gas)
            guard total.without != 0 || total.with != 0 || [.co2Biomass, .co2Soil, .n2o, .ch4].contains(gas) else { continue }
            lines.append(row(gasTitle(gas), total))
        }
        lines.append("")
        lines.append(row("Gases (tonnes)", "Without", "With", "Balance"))
        lines.append(String(repeating: "─", count: 78))
        for gas in Gas.allCases {
            let tonnes = assessment.tonnes(of: assessment.rows, gas: gas)
            guard tonnes.without != 0 || tonnes.with != 0 || gas != .co2e else { continue }
            lines.append(row(gas.massUnit, tonnes, decimals: 3))
        }
        if let uncertainty = assessment.uncertainty {
            lines.append("")
            lines.append(row("Uncertainty (EX-ACT classes, t CO2e)", "Without", "With", "Balance"))
            lines.append(String(repeating: "─", count: 78))
            for cell in uncertainty.cells {
                let title = "\(cell.module.title), \(cell.component.rawValue) \(cell.stars)\(cell.provisional ? " (provisional)" : "")"
                lines.append(row(title, number(cell.uncertainty.without, decimals: 1), number(cell.uncertainty.with, decimals: 1), number(cell.uncertainty.balance, decimals: 1)))
            }
            lines.append(row("Total", number(uncertainty.total.without, decimals: 1), number(uncertainty.total.with, decimals: 1), number(uncertainty.total.balance, decimals: 1)))
            lines.append(
                row(
                    "% of Σ |cell flux|", number(uncertainty.percent.without, decimals: 1), number(uncertainty.percent.with, decimals: 1),
                    number(uncertainty.percent.balance, decimals: 1)))
        }
        if let report = assessment.monteCarlo { lines += monteCarlo(report) }
        if !assessment.divergences.isEmpty {
            lines.append("")
            lines.append("Where the \(assessment.method.other.rawValue) method gives other numbers:")
            for item in assessment.divergences {
                lines.append(
                    "  \(item.ids.map(\.rawValue).joined(separator: "+")) row \(item.rowID) \(item.outcome.rawValue) \(item.gas.rawValue): \(number(item.chosen, decimals: 4)) vs \(number(item.other, decimals: 4)) \(item.gas.massUnit) (\(signed(item.differenceCO2e)) t CO2e)"
                )
            }
            for id in Set(assessment.divergences.flatMap(\.ids)).sorted() { lines.append("  \(id.rawValue): \(id.summary)") }
            for (gas, difference) in assessment.otherMethodDifference.sorted(by: {
                (GasCategory.allCases.firstIndex(of: $0.key) ?? 0) < (GasCategory.allCases.firstIndex(of: $1.key) ?? 0)
            }) {
                lines.append("  \(gasTitle(gas)): this method \(signed(difference.without)) without, \(signed(difference.with)) with, \(signed(difference.balance)) balance t CO2e")
            }
            let other = assessment.otherMethodTotal
            lines.append(
                "  Totals under \(assessment.method.other.rawValue): without \(number(other.without, decimals: 1)), with \(number(other.with, decimals: 1)), balance \(number(other.balance, decimals: 1)) t CO2e"
            )
        }
        let overrides = assessment.rows.flatMap { row in
            row.factors.filter { $0.factor.table == "override" }.map {
                "row \(row.id): \($0.name) = \(plain($0.factor.value))\($0.factor.uncertaintyPercent.map { " ±\(number($0, decimals: 0))%" } ?? "") — \($0.factor.source)"
            }
        }
        if !overrides.isEmpty {
            lines.append("")
            lines.append("Tier 2 overrides used:")
            lines += overrides.map { "  " + $0 }
        }
        let notes = assessment.rows.flatMap { row in row.notes.map { "row \(row.id): \($0)" } }
        if !notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += notes.map { "  " + $0 }
        }
        if explain { lines += explanation(assessment) }
        // Names, ids and notes come from the project: a terminal escape in one is shown, not obeyed.
        return TerminalText.safe(lines: lines.joined(separator: "\n") + "\n")
    }

    /// Per row: every factor (value, unit, ±, reliability, source, table line) and every intermediate.
    static func explanation(_ assessment: Assessment) -> [String] {
        var lines = ["", "Explanation, row by row"]
        for row in assessment.rows {
            let balance = row.balance(gwp: assessment.gwpFactors)
            lines.append("")
            lines.append("[\(row.module.title)] \(row.id) — \(row.name)")
            if let quantity = row.quantity {
                lines.append("  \(quantity.unit): start \(plain(quantity.values.start)), without \(plain(quantity.values.without)), with \(plain(quantity.values.with))")
            } else {
                lines.append(
                    "  area (ha): start \(number(row.area.start, decimals: 2)), without \(number(row.area.without, decimals: 2)), with \(number(row.area.with, decimals: 2))")
            }
            lines.append("  t CO2e: without \(number(balance.without, decimals: 2)), with \(number(balance.with, decimals: 2)), balance \(number(balance.balance, decimals: 2))")
            lines.append("  factors:")
            for use in row.factors {
                let factor = use.factor
                let uncertainty = factor.uncertaintyPercent.map { " ±\(number($0, decimals: 0))%" } ?? " (± unknown)"
                let flag = factor.reliability.needsChecking ? " UNVERIFIED" : ""
                let place = factor.table == "override" ? "Tier 2 override" : "\(factor.table).csv line \(factor.line)"
                lines.append("    \(use.name) = \(plain(factor.value)) \(factor.unit)\(uncertainty) [\(factor.reliability.rawValue)\(flag)] — \(factor.source) (\(place))")
                if let note = factor.note { lines.append("      note: \(note)") }
            }
            lines.append("  intermediates:")
            for item in row.intermediates {
                let scope = item.outcome.map { " (\($0.rawValue))" } ?? ""
                lines.append("    \(item.name)\(scope) = \(plain(item.value)) \(item.unit)")
            }
            for outcome in Outcome.allCases {
                let masses = GasCategory.allCases.filter { row.mass(.without, $0) != 0 || row.mass(.with, $0) != 0 }.map {
                    "\($0.rawValue) \(number(row.mass(outcome, $0), decimals: 4)) \($0.massUnit)"
                }
                lines.append("  gases \(outcome.rawValue): " + masses.joined(separator: ", "))
            }
        }
        return lines
    }

    static func gasTitle(_ gas: GasCategory) -> String {
        switch gas {
        case .co2Biomass: "CO2 biomass (incl. dead organic matter)"
        case .co2Soil: "CO2 soil"
        case .co2Other: "CO2 lime, urea, fuel, power"
        case .n2o: "N2O direct"
        case .n2oIndirect: "N2O indirect"
        case .ch4: "CH4"
        case .ch4Fossil: "CH4 fossil fuel"
        case .co2eManufacture: "Input manufacture (CO2e)"
        }
    }

    /// The Monte Carlo table, after the EX-ACT classes so the two half-widths can be read together.
    static func monteCarlo(_ report: MonteCarlo.Report) -> [String] {
        var lines = ["", row("Monte Carlo (\(report.draws) draws, seed \(report.seed))", "Without", "With", "Balance")]
        lines.append(String(repeating: "─", count: 78))
        func triple(_ title: String, _ outcomes: MonteCarlo.Outcomes, _ value: (MonteCarlo.Summary) -> Double) -> String {
            row(title, number(value(outcomes.without), decimals: 1), number(value(outcomes.with), decimals: 1), number(value(outcomes.balance), decimals: 1))
        }
        for (module, outcomes) in report.modules where report.modules.count > 1 {
            lines.append(triple("\(module.title) 2.5 %", outcomes, \.low))
            lines.append(triple("\(module.title) 97.5 %", outcomes, \.high))
        }
        lines.append(triple("Total mean", report.total, \.mean))
        lines.append(triple("Total 2.5 %", report.total, \.low))
        lines.append(triple("Total median", report.total, \.median))
        lines.append(triple("Total 97.5 %", report.total, \.high))
        lines.append(triple("Half-width (97.5 % − 2.5 %) / 2", report.total) { ($0.high - $0.low) / 2 })
        lines.append(triple("Standard error of 2.5 %", report.total, \.lowStandardError))
        lines.append(triple("Standard error of 97.5 %", report.total, \.highStandardError))
        lines.append("\(report.varied.count) factors drawn, \(report.fixed.count) held fixed (no ± or provisional):")
        for entry in report.varied {
            lines.append("  ~ \(entry.table) \(entry.key) = \(plain(entry.value)) ±\(number(entry.uncertaintyPercent ?? 0, decimals: 0))% (\(entry.distribution?.name ?? ""))")
        }
        for entry in report.fixed {
            lines.append("  = \(entry.table) \(entry.key)\(entry.column == Factor.valueColumn ? "" : " [\(entry.column)]") = \(plain(entry.value))")
        }
        return lines
    }

    private static func row(_ title: String, _ balance: Balance, decimals: Int = 1) -> String {
        row(title, number(balance.without, decimals: decimals), number(balance.with, decimals: decimals), number(balance.balance, decimals: decimals))
    }

    private static func row(_ title: String, _ a: String, _ b: String, _ c: String) -> String {
        pad(title, 40, left: true) + pad(a, 12) + pad(b, 12) + pad(c, 14)
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let count = text.count
        guard count < width else { return left ? String(text.prefix(width - 1)) + " " : " " + text }
        let spaces = String(repeating: " ", count: width - count)
        return left ? text + spaces : spaces + text
    }

    /// Fixed decimals with thin thousands grouping (`-2 475.0`), never `-0.0`.
    static func number(_ value: Double, decimals: Int) -> String {
        // Bounded inputs keep results far below this; should one not be, it is printed in
        // exponent form rather than trap in the integer conversion below (and never as nan/inf).
        guard value.isFinite else { return "(not a number)" }
        guard value.magnitude < 1e15 else { return String(value) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var scaled = (abs(value) * scale).rounded()
        if scaled == 0 { scaled = 0 }
        let negative = value < 0 && scaled != 0
        let whole = Int((scaled / scale).rounded(.towardZero))
        let fraction = Int(scaled - Double(whole) * scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = " " + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if decimals > 0 {
            let fractionText = String(fraction)
            grouped += "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return (negative ? "-" : "") + grouped
    }

    private static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + number(value, decimals: 2) }

    private static func plain(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        guard rounded.isFinite else { return "(not a number)" }
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
