import PerMille
import PerMilleJSON

/// The result as `permille-result/2` (Docs/format.md, "The result"), written as it is produced.
///
/// Each distinct factor is written once, in the top-level `factors` table, under a stable id;
/// rows name the factors they used by id. Each row is one line, and a row's `byGas` and `gases`
/// list only the categories it has a non-zero value in (an absent category is zero). Everything
/// else is where `permille-result/1` puts it.
public enum ResultDocument {
    public static let format = "permille-result/2"

    /// Streams the document into `writer`; `explain` adds each row's intermediates.
    public static func write(
        _ assessment: Assessment, provenance: ResultJSON.Provenance, explain: Bool = false, into writer: inout JSONStreamWriter
    ) {
        let table = FactorIndex(assessment.rows)
        writer.beginObject()
        member("format", .string(format), &writer)
        member("generator", generator, &writer)
        for (name, value) in ResultJSON.header(assessment, provenance: provenance) { member(name, value, &writer) }
        member("total", ResultJSON.total(assessment), &writer)
        writer.key("modules")
        writer.beginObject()
        for module in assessment.modules {
            let rows = assessment.rows(in: module)
            writer.key(module.rawValue)
            writer.beginObject()
            for (name, value) in ResultJSON.summary(of: rows, assessment: assessment) { member(name, value, &writer) }
            writer.key("rows")
            writer.beginObject()
            for index in rows.indices {
                writer.key(rows[index].id)
                row(rows[index], assessment: assessment, factors: table, explain: explain, into: &writer)
            }
            writer.endObject()
            writer.endObject()
        }
        writer.endObject()
        for (name, value) in ResultJSON.trailer(assessment, years: Double(assessment.totalYears)) { member(name, value, &writer) }
        writer.key("factors")
        writer.beginObject()
        for (id, factor) in table.sorted {
            writer.key(id)
            writer.beginObject(inline: true)
            describe(factor, into: &writer)
            writer.endObject()
        }
        writer.endObject()
        member("digests", ResultJSON.digests(provenance), &writer)
        writer.endObject()
    }

    /// The whole document as bytes (tests, small results).
    public static func encode(_ assessment: Assessment, provenance: ResultJSON.Provenance, explain: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = JSONStreamWriter { bytes.append(contentsOf: $0) }
        write(assessment, provenance: provenance, explain: explain, into: &writer)
        _ = writer.finish()
        return bytes
    }

    /// `{"name": "permille", "version": …}`, in every result and report.
    public static var generator: JSONOutput {
        .object([("name", .string("permille")), ("version", .string(PerMilleVersion.current))])
    }

    private static func member(_ name: String, _ value: JSONOutput, _ writer: inout JSONStreamWriter) {
        writer.key(name)
        writer.value(value)
    }

    private static func triple(_ without: Double, _ with: Double, into writer: inout JSONStreamWriter) {
        writer.key("without")
        writer.number(ResultJSON.clean(without))
        writer.key("with")
        writer.number(ResultJSON.clean(with))
        writer.key("balance")
        writer.number(ResultJSON.clean(with - without))
    }

    private static func row(
        _ row: RowResult, assessment: Assessment, factors: FactorIndex, explain: Bool, into writer: inout JSONStreamWriter
    ) {
        let gwp = assessment.gwpFactors
        let balance = row.balance(gwp: gwp)
        writer.beginObject(inline: true)
        triple(balance.without, balance.with, into: &writer)
        writer.key("name")
        writer.string(row.name)
        writer.key("area")
        writer.beginObject()
        writer.key("start")
        writer.number(row.area.start)
        writer.key("without")
        writer.number(row.area.without)
        writer.key("with")
        writer.number(row.area.with)
        writer.endObject()
        writer.key("intensity")
        writer.beginObject()
        let area = row.maxArea
        let years = Double(assessment.totalYears)
        for (name, divisor) in [("perHectare", area), ("perHectarePerYear", area * years)] {
            writer.key(name)
            writer.beginObject()
            let share = balance.divided(by: divisor)
            triple(share.without, share.with, into: &writer)
            writer.endObject()
        }
        writer.endObject()
        writer.key("byGas")
        writer.beginObject()
        for gas in GasCategory.allCases {
            let without = row.mass(.without, gas)
            let with = row.mass(.with, gas)
            guard without != 0 || with != 0 else { continue }
            writer.key(gas.rawValue)
            writer.beginObject()
            triple(without * gwp.weight(gas), with * gwp.weight(gas), into: &writer)
            writer.key("tonnes")
            writer.beginObject()
            triple(without, with, into: &writer)
            writer.endObject()
            writer.endObject()
        }
        writer.endObject()
        writer.key("years")
        writer.beginObject()
        for outcome in Outcome.allCases {
            writer.key(outcome.rawValue)
            writer.beginArray()
            for value in row.co2eSeries(outcome, years: assessment.totalYears, gwp: gwp) { writer.number(ResultJSON.clean(value)) }
            writer.endArray()
        }
        writer.endObject()
        writer.key("gases")
        writer.beginObject()
        for gas in Gas.allCases {
            let without = row.tonnes(.without, gas)
            let with = row.tonnes(.with, gas)
            guard without != 0 || with != 0 else { continue }
            writer.key(gas.rawValue)
            writer.beginObject()
            triple(without, with, into: &writer)
            writer.key("unit")
            writer.string(gas.massUnit)
            writer.endObject()
        }
        writer.endObject()
        if let quantity = row.quantity {
            writer.key("quantity")
            writer.value(.object([
                ("start", .number(quantity.values.start)), ("without", .number(quantity.values.without)),
                ("with", .number(quantity.values.with)), ("unit", .string(quantity.unit)),
            ]))
        }
        if !row.divergenceIDs.isEmpty {
            writer.key("divergenceIDs")
            writer.beginArray()
            for id in row.divergenceIDs { writer.string(id.rawValue) }
            writer.endArray()
        }
        if !row.notes.isEmpty {
            writer.key("notes")
            writer.beginArray()
            for note in row.notes { writer.string(note) }
            writer.endArray()
        }
        writer.key("factors")
        writer.beginArray()
        for use in row.factors {
            writer.beginArray()
            writer.string(use.name)
            writer.string(factors.id(of: use.factor))
            writer.endArray()
        }
        writer.endArray()
        if explain {
            writer.key("intermediates")
            writer.beginArray()
            for item in row.intermediates {
                writer.beginObject()
                writer.key("name")
                writer.string(item.name)
                writer.key("value")
                writer.number(ResultJSON.clean(item.value))
                writer.key("unit")
                writer.string(item.unit)
                if let outcome = item.outcome {
                    writer.key("scenario")
                    writer.string(outcome.rawValue)
                }
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private static func describe(_ factor: Factor, into writer: inout JSONStreamWriter) {
        writer.key("value")
        writer.number(factor.value)
        writer.key("unit")
        writer.string(factor.unit)
        writer.key("uncertaintyPercent")
        if let percent = factor.uncertaintyPercent { writer.number(percent) } else { writer.null() }
        writer.key("reliability")
        writer.string(factor.reliability.rawValue)
        writer.key("source")
        writer.string(factor.source)
        writer.key("table")
        writer.string(factor.table)
        writer.key("key")
        writer.string(factor.key)
        writer.key("line")
        writer.integer(factor.line)
        writer.key("column")
        writer.string(factor.column)
        if let note = factor.note {
            writer.key("note")
            writer.string(note)
        }
    }
}

/// The distinct factors of an assessment with their ids: `table:line:column` for a table value,
/// `override:name` for a Tier 2 override, and `#2`, `#3`… appended when another value has the same
/// place (a value derived from a row, such as the midpoint of a range, or a row-specific override).
/// Ids follow the rows in file order, so the same project always gets the same ids.
struct FactorIndex {
    private var ids: [Factor: String] = [:]
    private(set) var sorted: [(id: String, factor: Factor)] = []

    init(_ rows: [RowResult]) {
        var taken: Set<String> = []
        for index in rows.indices {
            for use in rows[index].factors where ids[use.factor] == nil {
                let factor = use.factor
                let base = factor.table == "override"
                    ? "override:" + (factor.key.hasPrefix("factor=") ? String(factor.key.dropFirst("factor=".count)) : factor.key)
                    : "\(factor.table):\(factor.line):\(factor.column)"
                var id = base
                var copy = 1
                while taken.contains(id) {
                    copy += 1
                    id = "\(base)#\(copy)"
                }
                taken.insert(id)
                ids[factor] = id
                sorted.append((id, factor))
            }
        }
        sorted.sort { $0.id < $1.id }
    }

    func id(of factor: Factor) -> String { ids[factor] ?? "" }
}
