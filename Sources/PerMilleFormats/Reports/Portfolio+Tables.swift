import PerMille
import PerMilleJSON

/// The portfolio for programs and spreadsheets: full precision, keys as the projects give them,
/// and each duplicate marked with the file it repeats.
extension Portfolio {
    // MARK: - JSON

    public func json() -> String {
        func optional(_ value: Double?) -> JSONOutput { value.map { .number(clean($0)) } ?? .null }
        let projects: [JSONOutput] = rows.map { row in
            switch row {
            case .failed(let file, let errors):
                return .object([("file", .string(file)), ("status", .string("failed")), ("errors", .array(errors.map(JSONOutput.string)))])
            case .line(let line):
                return .object([
                    ("file", .string(line.file)), ("status", .string(line.counted ? "assessed" : "duplicate")),
                    ("inputDigest", .string(line.digest)), ("duplicateOf", line.duplicateOf.map(JSONOutput.string) ?? .null),
                    ("name", .string(line.name)), ("holder", .string(line.holder)), ("country", .string(line.country)),
                    ("countryName", line.place?.country.map(JSONOutput.string) ?? .null), ("area", .number(clean(line.area))),
                    ("years", .integer(line.years)),
                    ("without", .number(clean(line.total.without))), ("with", .number(clean(line.total.with))),
                    ("balance", .number(clean(line.total.balance))), ("perHectare", .number(clean(line.perHectare))),
                    ("perHectarePerYear", .number(clean(line.perHectarePerYear))),
                    ("permilleAdditional", optional(line.permilleAdditional)),
                    ("budget", line.budget.map { .object([("amount", .number($0.amount)), ("currency", .string($0.currency))]) } ?? .null),
                    ("costPerTonneCO2e", optional(line.costPerTonne)), ("households", optional(line.households)),
                    ("farmersTrained", optional(line.farmers)),
                    ("criteria", .object(line.statuses.map { ($0.criterion.id, .string($0.status.rawValue)) })),
                ])
            }
        }
        let totals = self.totals
        let document = JSONOutput.object([
            ("format", .string("permille-portfolio/1")),
            ("unit", .string("t CO2e; emissions positive, removals negative; balance = with - without")),
            ("projects", .array(projects)),
            (
                "total",
                .object([
                    ("projects", .integer(totals.projects)), ("failed", .integer(totals.failed)), ("duplicates", .integer(totals.duplicates)),
                    ("area", .number(clean(totals.area))),
                    ("without", .number(clean(totals.total.without))), ("with", .number(clean(totals.total.with))),
                    ("balance", .number(clean(totals.total.balance))), ("perHectare", .number(clean(totals.perHectare))),
                    ("perHectarePerYear", .number(clean(totals.perHectarePerYear))),
                    ("costPerTonneCO2e", optional(totals.costPerTonne)), ("currency", totals.currency.map(JSONOutput.string) ?? .null),
                    ("households", .number(totals.households)), ("farmersTrained", .number(totals.farmers)),
                ])
            ),
        ])
        return JSONWriter.write(document)
    }

    // MARK: - CSV

    static let csvColumns = [
        "file", "status", "name", "holder", "country", "area_ha", "years", "without_tco2e", "with_tco2e", "balance_tco2e",
        "per_ha_tco2e", "per_ha_per_yr_tco2e", "permille_additional", "cost_per_tco2e", "currency", "households",
        "farmers_trained", "country_name", "input_digest", "duplicate_of",
    ]

    public func csv() -> String {
        let criteria = self.criteria
        var lines = [(Self.csvColumns + criteria.map { "criterion_\($0.id)" }).map(Self.field).joined(separator: ",")]
        for row in rows {
            switch row {
            case .failed(let file, let errors):
                // Text from files and projects is neutralised: a cell starting with = + - @ is no formula.
                let cells =
                    [CSVReport.text(file), "failed", CSVReport.text(errors.joined(separator: " | "))] + Array(repeating: "", count: Self.csvColumns.count - 3 + criteria.count)
                lines.append(cells.map(Self.field).joined(separator: ","))
            case .line(let line):
                let statuses = Dictionary(line.statuses.map { ($0.criterion.id, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
                let cells =
                    [
                        CSVReport.text(line.file), line.counted ? "assessed" : "duplicate", CSVReport.text(line.name), CSVReport.text(line.holder),
                        CSVReport.text(line.country), Self.number(line.area), String(line.years),
                        Self.number(line.total.without), Self.number(line.total.with), Self.number(line.total.balance),
                        Self.number(line.perHectare), Self.number(line.perHectarePerYear), line.permilleAdditional.map(Self.number) ?? "",
                        line.costPerTonne.map(Self.number) ?? "", CSVReport.text(line.budget?.currency ?? ""), line.households.map(Self.number) ?? "",
                        line.farmers.map(Self.number) ?? "", CSVReport.text(line.place?.country ?? ""), line.digest, CSVReport.text(line.duplicateOf ?? ""),
                    ] + criteria.map { statuses[$0.id] ?? "" }
                lines.append(cells.map(Self.field).joined(separator: ","))
            }
        }
        let totals = self.totals
        let duplicates = totals.duplicates > 0 ? ", \(totals.duplicates) duplicate\(totals.duplicates == 1 ? "" : "s") counted once" : ""
        let cells =
            [
                "TOTAL", "\(totals.projects) assessed, \(totals.failed) failed\(duplicates)", "", "", "", Self.number(totals.area), "",
                Self.number(totals.total.without), Self.number(totals.total.with), Self.number(totals.total.balance),
                Self.number(totals.perHectare), Self.number(totals.perHectarePerYear), "", totals.costPerTonne.map(Self.number) ?? "",
                CSVReport.text(totals.currency ?? ""), Self.number(totals.households), Self.number(totals.farmers), "", "", "",
            ] + criteria.map { _ in "" }
        lines.append(cells.map(Self.field).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
