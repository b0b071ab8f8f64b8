import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats

/// `permille practices`: the practice descriptive sheets, with the factor values they move read from the tables.
struct Practices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the practice descriptive sheets or print one, with the factor values it moves.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the practice sheets: key, name and the row states they apply to.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let review = try data.loadReview()
            let width = max(24, (review.practices.map(\.key.count).max() ?? 0) + 2)
            var lines = ["key".padding(width) + "name".padding(44) + "applies to"]
            for sheet in review.practices {
                lines.append(sheet.key.padding(width) + sheet.name.padding(44) + Self.modules(of: sheet))
            }
            lines.append("\(review.practices.count) practice sheets; `permille practices show KEY` prints one")
            Output.print(lines.joined(separator: "\n") + "\n")
        }

        static func modules(of sheet: PracticeSheet) -> String {
            var seen: [ModuleKind] = []
            for match in sheet.appliesTo where !seen.contains(match.module) { seen.append(match.module) }
            return seen.map(\.rawValue).joined(separator: ", ")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one practice sheet in full, with every linked factor's values from the tables.")

        @Argument(help: "Practice key, e.g. no-till.")
        var key: String

        @OptionGroup var data: DataOptions

        func run() throws {
            let factors = try data.loadFactors()
            let review = try data.loadReview(factors: factors)
            guard let sheet = review.practice(key) else {
                let keys = review.practices.map(\.key)
                let hint = ReviewDataLoader.closest(to: key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                Output.error("error[practice.unknown]: no practice sheet '\(key)'\(hint)\n  = `permille practices` lists them all\n")
                throw ExitCode(1)
            }
            Output.print(Self.render(sheet, factors: factors).joined(separator: "\n") + "\n")
        }

        static func render(_ sheet: PracticeSheet, factors: FactorSet) -> [String] {
            var lines = ["# \(sheet.key): \(sheet.name)", ""]
            lines.append("Description: \(sheet.description)")
            lines.append("Mechanism: \(sheet.mechanism)")
            lines.append("Climates: \(sheet.climates.joined(separator: "; "))")
            lines.append("Soils: \(sheet.soils.joined(separator: "; "))")
            lines.append("Applies to: " + sheet.appliesTo.map { "\($0.module.rawValue).\($0.field) = \($0.value)" }.joined(separator: "; "))
            if let change = sheet.expectedChange {
                lines.append("Expected ΔSOC: \(change.low) to \(change.high) \(change.unit) (\(change.source))")
            } else {
                lines.append("Expected ΔSOC: no sourced range")
            }
            lines.append("")
            lines.append("Factors it moves (values read from the factor tables):")
            for link in sheet.factors {
                let fixed = link.key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                lines.append("- \(link.label) [\(link.table): \(fixed)]")
                guard let table = factors.tables[link.table] else {
                    lines.append("    (table not loaded)")
                    continue
                }
                let open = link.openColumns(in: table)
                let records = link.records(in: table)
                if records.isEmpty { lines.append("    (no matching row)") }
                for record in records {
                    lines.append("    " + Self.line(record, open: open, table: table))
                }
            }
            lines.append("")
            lines.append("Co-effects:")
            for name in ["yield", "water", "n2o", "biodiversity"] where sheet.coEffects[name] != nil {
                lines.append("- \(name): \(sheet.coEffects[name] ?? "")")
            }
            for (name, text) in sheet.coEffects.sorted(by: { $0.key < $1.key }) where !["yield", "water", "n2o", "biodiversity"].contains(name) {
                lines.append("- \(name): \(text)")
            }
            lines.append("Costs and barriers: \(sheet.costsAndBarriers)")
            lines.append("References:")
            lines += sheet.references.map { "- \($0)" }
            return lines
        }

        /// `climate_zone=warm-temperate-dry  value 1.1 dimensionless ±4%  [V-EX]  IPCC 2019 Vol4 Table 5.5  (soil-stock-change-factors.csv:123)`
        static func line(_ record: FactorTable.Record, open: [String], table: FactorTable) -> String {
            let openText = open.compactMap { column in
                table.keyColumns.firstIndex(of: column).map { "\(column)=\(record.key[$0])" }
            }.joined(separator: ", ")
            let values = zip(table.valueColumns, record.values).map { column, value in
                (table.valueColumns.count == 1 ? "" : column + " ") + (value.map { format($0) } ?? "–")
            }.joined(separator: " ")
            let unit = record.text["unit"].map { " " + $0 } ?? ""
            let uncertainty = record.text["uncertainty_percent"].flatMap { $0.isEmpty ? nil : $0 }.map { " ±\($0)%" } ?? " ±n/a"
            let reliability = record.text["reliability"].map { "  [\($0)]" } ?? ""
            let source = record.text["source"].map { "  \($0)" } ?? ""
            let file = table.file.split(separator: "/").last.map(String.init) ?? table.file
            return (openText.isEmpty ? "" : openText + "  ") + "value " + values + unit + uncertainty + reliability + source + "  (\(file):\(record.line))"
        }

        static func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }
}
