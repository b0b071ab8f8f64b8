import PerMille
import PerMilleJSON

/// Many projects side by side for a donor: balance, intensities, per-mille additional rate, cost per
/// t CO2e, beneficiaries and criteria statuses, per project and in total. A file that cannot be
/// assessed keeps its place with its errors; the others still report.
public struct Portfolio: Sendable {
    public enum Entry: Sendable {
        case assessed(file: String, project: Project, assessment: Assessment, review: ProjectReview)
        case failed(file: String, errors: [String])

        var file: String {
            switch self {
            case .assessed(let file, _, _, _), .failed(let file, _): file
            }
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// One project's line of the portfolio table.
    struct Line {
        var file: String
        var name: String
        var holder: String
        var country: String
        var area: Double
        var years: Int
        var total: Balance
        var permilleAdditional: Double?
        var budget: Budget?
        var costPerTonne: Double?
        var households: Double?
        var farmers: Double?
        var statuses: [(id: String, status: String)]

        var perHectare: Double { area > 0 ? total.balance / area : 0 }
        var perHectarePerYear: Double { area > 0 && years > 0 ? total.balance / area / Double(years) : 0 }
    }

    /// Each assessed file's line, computed once per document (the first line of a file listed twice).
    var linesByFile: [String: Line] {
        Dictionary(lines.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var lines: [Line] {
        entries.compactMap { entry in
            guard case .assessed(let file, let project, let assessment, let review) = entry else { return nil }
            func number(_ key: String) -> Double? {
                if case .number(let value)? = review.values[key] { return value }
                return nil
            }
            return Line(
                file: file, name: project.description.name, holder: project.description.holder ?? "", country: project.description.country ?? "",
                area: assessment.projectArea, years: assessment.totalYears, total: assessment.total,
                permilleAdditional: review.perMille.project?.additionalRate, budget: project.description.budget,
                costPerTonne: number("cost-effectiveness"), households: number("households"), farmers: number("farmersTrained"),
                statuses: review.scorecard.map { ($0.criterion.id, $0.status.rawValue) })
        }
    }

    /// Totals over the assessed projects: balances and areas add; intensities are ratios of sums;
    /// the per-year intensity adds each project's yearly balance (projects may last different years).
    struct Totals {
        var projects: Int
        var failed: Int
        var area: Double
        var total: Balance
        var perHectare: Double
        var perHectarePerYear: Double
        /// Σ budgets ÷ |Σ balance| when every project gives a budget in the same currency and the sum is a net removal.
        var costPerTonne: Double?
        var currency: String?
        var households: Double
        var farmers: Double
    }

    var totals: Totals {
        let lines = self.lines
        var area = 0.0
        var total = Balance(without: 0, with: 0)
        var yearly = 0.0
        var budget = 0.0
        var households = 0.0
        var farmers = 0.0
        for line in lines {
            area += line.area
            total.without += line.total.without
            total.with += line.total.with
            if line.years > 0 { yearly += line.total.balance / Double(line.years) }
            budget += line.budget?.amount ?? 0
            households += line.households ?? 0
            farmers += line.farmers ?? 0
        }
        let currencies = Set(lines.compactMap { $0.budget?.currency })
        var cost: Double?
        if lines.allSatisfy({ $0.budget != nil }), currencies.count == 1, total.balance < 0 {
            cost = budget / -total.balance
        }
        return Totals(
            projects: lines.count, failed: entries.count - lines.count, area: area, total: total,
            perHectare: area > 0 ? total.balance / area : 0, perHectarePerYear: area > 0 ? yearly / area : 0,
            costPerTonne: cost, currency: currencies.count == 1 ? currencies.first : nil, households: households, farmers: farmers)
    }

    // MARK: - JSON

    public func json() -> String {
        func optional(_ value: Double?) -> JSONOutput { value.map { .number(clean($0)) } ?? .null }
        let byFile = linesByFile
        let projects: [JSONOutput] = entries.map { entry in
            switch entry {
            case .failed(let file, let errors):
                return .object([("file", .string(file)), ("status", .string("failed")), ("errors", .array(errors.map(JSONOutput.string)))])
            case .assessed:
                guard let line = byFile[entry.file] else { return .null }
                return .object([
                    ("file", .string(line.file)), ("status", .string("assessed")), ("name", .string(line.name)),
                    ("holder", .string(line.holder)), ("country", .string(line.country)), ("area", .number(clean(line.area))),
                    ("years", .integer(line.years)),
                    ("without", .number(clean(line.total.without))), ("with", .number(clean(line.total.with))),
                    ("balance", .number(clean(line.total.balance))), ("perHectare", .number(clean(line.perHectare))),
                    ("perHectarePerYear", .number(clean(line.perHectarePerYear))),
                    ("permilleAdditional", optional(line.permilleAdditional)),
                    ("budget", line.budget.map { .object([("amount", .number($0.amount)), ("currency", .string($0.currency))]) } ?? .null),
                    ("costPerTonneCO2e", optional(line.costPerTonne)), ("households", optional(line.households)),
                    ("farmersTrained", optional(line.farmers)),
                    ("criteria", .object(line.statuses.map { ($0.id, .string($0.status)) })),
                ])
            }
        }
        let totals = self.totals
        let document = JSONOutput.object([
            ("format", .string("permille-portfolio/1")),
            ("unit", .string("t CO2e; emissions positive, removals negative; balance = with - without")),
            ("projects", .array(projects)),
            ("total", .object([
                ("projects", .integer(totals.projects)), ("failed", .integer(totals.failed)), ("area", .number(clean(totals.area))),
                ("without", .number(clean(totals.total.without))), ("with", .number(clean(totals.total.with))),
                ("balance", .number(clean(totals.total.balance))), ("perHectare", .number(clean(totals.perHectare))),
                ("perHectarePerYear", .number(clean(totals.perHectarePerYear))),
                ("costPerTonneCO2e", optional(totals.costPerTonne)), ("currency", totals.currency.map(JSONOutput.string) ?? .null),
                ("households", .number(totals.households)), ("farmersTrained", .number(totals.farmers)),
            ])),
        ])
        return JSONWriter.write(document)
    }

    // MARK: - CSV

    public func csv() -> String {
        let criteria = criterionIDs
        let byFile = linesByFile
        var lines = [(["file", "status", "name", "holder", "country", "area_ha", "years", "without_tco2e", "with_tco2e", "balance_tco2e",
                       "per_ha_tco2e", "per_ha_per_yr_tco2e", "permille_additional", "cost_per_tco2e", "currency", "households",
                       "farmers_trained"] + criteria.map { "criterion_\($0)" }).map(Self.field).joined(separator: ",")]
        for entry in entries {
            switch entry {
            case .failed(let file, let errors):
                lines.append(([CSVReport.text(file), "failed", CSVReport.text(errors.joined(separator: " | "))] + Array(repeating: "", count: 14 + criteria.count)).map(Self.field).joined(separator: ","))
            case .assessed:
                guard let line = byFile[entry.file] else { continue }
                let statuses = Dictionary(uniqueKeysWithValues: line.statuses.map { ($0.id, $0.status) })
                let cells = [
                    CSVReport.text(line.file), "assessed", CSVReport.text(line.name), CSVReport.text(line.holder), CSVReport.text(line.country), Self.number(line.area), String(line.years),
                    Self.number(line.total.without), Self.number(line.total.with), Self.number(line.total.balance),
                    Self.number(line.perHectare), Self.number(line.perHectarePerYear), line.permilleAdditional.map(Self.number) ?? "",
                    line.costPerTonne.map(Self.number) ?? "", CSVReport.text(line.budget?.currency ?? ""), line.households.map(Self.number) ?? "",
                    line.farmers.map(Self.number) ?? "",
                ] + criteria.map { statuses[$0] ?? "" }
                lines.append(cells.map(Self.field).joined(separator: ","))
            }
        }
        let totals = self.totals
        let cells = [
            "TOTAL", "\(totals.projects) assessed, \(totals.failed) failed", "", "", "", Self.number(totals.area), "",
            Self.number(totals.total.without), Self.number(totals.total.with), Self.number(totals.total.balance),
            Self.number(totals.perHectare), Self.number(totals.perHectarePerYear), "", totals.costPerTonne.map(Self.number) ?? "",
            CSVReport.text(totals.currency ?? ""), Self.number(totals.households), Self.number(totals.farmers),
        ] + criteria.map { _ in "" }
        lines.append(cells.map(Self.field).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - HTML

    public func html() -> String {
        let criteria = criterionIDs
        let byFile = linesByFile
        let totals = self.totals
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>permille portfolio</title>
            <style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;font-size:0.9em}th,td{border:1px solid #bbb;padding:4px 8px}td.n{text-align:right}tr.total{font-weight:bold;background:#eef}.failed{color:#a00}.met{background:#dfd}.partly-met{background:#ffd}.not-met{background:#fdd}.insufficient-evidence{background:#eee}</style>
            </head><body>
            <h1>Portfolio: \(totals.projects) projects assessed\(totals.failed > 0 ? ", \(totals.failed) not assessed" : "")</h1>
            <p>t CO2e; emissions positive, removals negative; balance = with − without. Per-mille: additional SOC rate, ‰ of the initial stock per year.</p>
            <table><thead><tr><th>Project</th><th>Country</th><th>Area (ha)</th><th>Years</th><th>Without</th><th>With</th><th>Balance</th><th>Per ha</th><th>Per ha per yr</th><th>Additional ‰/yr</th><th>Cost per t CO2e</th><th>Households</th><th>Farmers trained</th>
            """
        out += criteria.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for entry in entries {
            switch entry {
            case .failed(let file, let errors):
                out += "<tr class=\"failed\"><td>\(Self.escape(file))</td><td colspan=\"\(12 + criteria.count)\">not assessed: \(Self.escape(errors.joined(separator: "; ")))</td></tr>\n"
            case .assessed:
                guard let line = byFile[entry.file] else { continue }
                let statuses = Dictionary(uniqueKeysWithValues: line.statuses.map { ($0.id, $0.status) })
                out += "<tr><td>\(Self.escape(line.name))<br/><small>\(Self.escape(line.file))</small></td><td>\(Self.escape(line.country))</td>"
                out += [line.area, Double(line.years), line.total.without, line.total.with, line.total.balance, line.perHectare, line.perHectarePerYear]
                    .map { "<td class=\"n\">\(Self.number($0))</td>" }.joined()
                out += "<td class=\"n\">\(line.permilleAdditional.map(Self.number) ?? "–")</td>"
                out += "<td class=\"n\">\(line.costPerTonne.map { Self.number($0) + " " + Self.escape(line.budget?.currency ?? "") } ?? "–")</td>"
                out += "<td class=\"n\">\(line.households.map(Self.number) ?? "–")</td><td class=\"n\">\(line.farmers.map(Self.number) ?? "–")</td>"
                out += criteria.map { id in
                    let status = statuses[id] ?? ""
                    return "<td class=\"\(Self.escape(status))\">\(Self.escape(status))</td>"
                }.joined() + "</tr>\n"
            }
        }
        out += "<tr class=\"total\"><td>Total</td><td></td>"
        out += [totals.area].map { "<td class=\"n\">\(Self.number($0))</td>" }.joined() + "<td></td>"
        out += [totals.total.without, totals.total.with, totals.total.balance, totals.perHectare, totals.perHectarePerYear]
            .map { "<td class=\"n\">\(Self.number($0))</td>" }.joined()
        out += "<td></td><td class=\"n\">\(totals.costPerTonne.map { Self.number($0) + " " + Self.escape(totals.currency ?? "") } ?? "–")</td>"
        out += "<td class=\"n\">\(Self.number(totals.households))</td><td class=\"n\">\(Self.number(totals.farmers))</td>"
        out += criteria.map { _ in "<td></td>" }.joined() + "</tr>\n</tbody></table>\n"
        out += "<p><small>Cost per t CO2e in total: Σ budgets ÷ |Σ balance|, only when every project gives a budget in one currency. Per ha per yr in total: Σ (balance ÷ years) ÷ Σ area.</small></p>\n</body></html>\n"
        return out
    }

    // MARK: - Helpers

    /// Criterion ids in first-seen order over the projects.
    private var criterionIDs: [String] {
        var ids: [String] = []
        for line in lines { for (id, _) in line.statuses where !ids.contains(id) { ids.append(id) } }
        return ids
    }

    private func clean(_ value: Double) -> Double { ResultJSON.clean(value) }

    static func number(_ value: Double) -> String {
        // A ratio of sums (cost per tonne over a balance near zero) can leave the doubles: never print inf or nan.
        guard value.isFinite else { return "n/a" }
        let rounded = ResultJSON.clean(value)
        guard rounded.isFinite else { return String(value) }
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }

    static func escape(_ text: String) -> String { HTMLReport.escape(text) }
}
