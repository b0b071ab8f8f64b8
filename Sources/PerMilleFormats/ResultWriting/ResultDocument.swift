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

    /// Streams the document to `sink`; `explain` adds each row's intermediates. Returns the first
    /// error the sink threw, if any.
    public static func write(
        _ assessment: Assessment, provenance: ResultJSON.Provenance, explain: Bool = false, to sink: @escaping JSONStreamWriter.Sink
    ) -> (any Error)? {
        var writer = JSONStreamWriter(bareWholeNumbers: true, sink: sink)
        write(assessment, provenance: provenance, explain: explain, into: &writer)
        return writer.finish()
    }

    private static func write(
        _ assessment: Assessment, provenance: ResultJSON.Provenance, explain: Bool, into writer: inout JSONStreamWriter
    ) {
        let table = FactorIndex(assessment.rows)
        let notes = NoteIndex(assessment.rows)
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
            for index in assessment.rows.indices where assessment.rows[index].module == module {
                writer.key(assessment.rows[index].id)
                row(assessment.rows[index], position: index, assessment: assessment, factors: table, notes: notes, explain: explain, into: &writer)
            }
            writer.endObject()
            writer.endObject()
        }
        writer.endObject()
        for (name, value) in ResultJSON.trailer(assessment, years: Double(assessment.totalYears)) {
            if name == "divergences" {
                divergences(assessment.divergences, into: &writer)
            } else {
                member(name, value, &writer)
            }
        }
        writer.key("rowNotes")
        writer.beginObject()
        for (id, text) in notes.entries {
            writer.key(id)
            writer.string(text)
        }
        writer.endObject()
        writer.key("factors")
        writer.beginObject()
        for (id, factor, names) in table.sorted {
            writer.key(id)
            writer.beginObject(inline: true)
            writer.key("names")
            writer.beginArray()
            for name in names { writer.string(name) }
            writer.endArray()
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
        _ = write(assessment, provenance: provenance, explain: explain) { bytes.append(contentsOf: $0) }
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
        _ row: RowResult, position: Int, assessment: Assessment, factors: FactorIndex, notes: NoteIndex, explain: Bool,
        into writer: inout JSONStreamWriter
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
            writer.endObject()
        }
        writer.endObject()
        if let quantity = row.quantity {
            writer.key("quantity")
            writer.value(
                .object([
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
            for note in row.notes { writer.string(notes.id(of: note)) }
            writer.endArray()
        }
        writer.key("factors")
        writer.beginArray()
        for id in factors.ids(ofRow: position) { writer.string(id) }
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

    /// The divergence list, one entry a line; each D-id's summary is written once, in
    /// `divergenceSummaries`, not on every row it touches.
    private static func divergences(_ items: [Divergence], into writer: inout JSONStreamWriter) {
        writer.key("divergences")
        writer.beginArray()
        var summaries: [DivergenceID: String] = [:]
        for item in items {
            writer.beginObject(inline: true)
            writer.key("ids")
            writer.beginArray()
            for id in item.ids {
                writer.string(id.rawValue)
                summaries[id] = id.summary
            }
            writer.endArray()
            writer.key("module")
            writer.string(item.module.rawValue)
            writer.key("row")
            writer.string(item.rowID)
            writer.key("scenario")
            writer.string(item.outcome.rawValue)
            writer.key("gas")
            writer.string(item.gas.rawValue)
            writer.key("unit")
            writer.string(item.gas.massUnit)
            writer.key("thisMethod")
            writer.number(ResultJSON.clean(item.chosen))
            writer.key("otherMethod")
            writer.number(ResultJSON.clean(item.other))
            writer.key("differenceCO2e")
            writer.number(ResultJSON.clean(item.differenceCO2e))
            writer.endObject()
        }
        writer.endArray()
        writer.key("divergenceSummaries")
        writer.beginObject()
        for id in summaries.keys.sorted() {
            writer.key(id.rawValue)
            writer.string(summaries[id] ?? "")
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
/// Ids follow the rows in file order, so the same project always gets the same ids. Each entry keeps
/// the names the rows gave the factor (`SOCref`, `F_MG(improved)`…), in the order first used.
struct FactorIndex {
    private var ids: [Factor: Int] = [:]
    private var entries: [(id: String, factor: Factor, names: [String])] = []
    /// Each row's factors as entry positions, found while the index is built (hashing a factor
    /// hashes its strings: once per use is enough).
    private var rowEntries: [[Int]] = []

    /// The entries in id order.
    var sorted: [(id: String, factor: Factor, names: [String])] { entries.sorted { $0.id < $1.id } }

    init(_ rows: [RowResult]) {
        var taken: Set<String> = []
        rowEntries.reserveCapacity(rows.count)
        for index in rows.indices {
            let uses = rows[index].factors
            var positions: [Int] = []
            positions.reserveCapacity(uses.count)
            defer { rowEntries.append(positions) }
            for use in uses {
                if let known = ids[use.factor] {
                    if !entries[known].names.contains(use.name) { entries[known].names.append(use.name) }
                    positions.append(known)
                    continue
                }
                let factor = use.factor
                let base: String
                if factor.table == "override" {
                    base = "override:" + (factor.key.hasPrefix("factor=") ? String(factor.key.dropFirst("factor=".count)) : factor.key)
                } else if factor.column == Factor.valueColumn {
                    base = "\(factor.table):\(factor.line)"
                } else {
                    base = "\(factor.table):\(factor.line):\(factor.column)"
                }
                var id = base
                var copy = 1
                while taken.contains(id) {
                    copy += 1
                    id = "\(base)#\(copy)"
                }
                taken.insert(id)
                ids[factor] = entries.count
                positions.append(entries.count)
                entries.append((id, factor, [use.name]))
            }
        }
    }

    /// The ids of the factors of the row at `row` (its position in the rows given to `init`), in use order.
    func ids(ofRow row: Int) -> some Sequence<String> { rowEntries[row].lazy.map { entries[$0].id } }
}

/// The distinct row notes with their ids, `n1`, `n2`… in the order rows first give them: a note
/// such as "no leaching N2O: the site is dry…" is written once, not on each of thousands of rows.
struct NoteIndex {
    private var ids: [String: String] = [:]
    private(set) var entries: [(id: String, text: String)] = []

    init(_ rows: [RowResult]) {
        for index in rows.indices {
            for note in rows[index].notes where ids[note] == nil {
                let id = "n\(entries.count + 1)"
                ids[note] = id
                entries.append((id, note))
            }
        }
    }

    func id(of note: String) -> String { ids[note] ?? "" }
}
