import PerMille
import PerMilleJSON

/// How flooded-rice rows are written and read: water regimes, straw, amendments, season and yield per state.
enum RiceFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("water", .text(.vocabulary { $0.riceWater }), required: true),
        Field("preseason", .text(.vocabulary { $0.ricePreseason }), required: true),
        Field("straw", .text(.vocabulary { $0.riceStraw })),
        Field("strawTonnesPerHa", ProjectSchema.hectares, "t dm/ha incorporated per season, with incorporated straw only"),
        Field(
            "amendments",
            .list(
                .object([
                    Field("kind", .text(.vocabulary { $0.riceAmendments }), required: true),
                    Field("tonnesPerHa", ProjectSchema.hectares, required: true),
                ])), "organic amendments, t/ha per season"),
        Field("cultivationDays", .number(minimum: 1, maximum: 365), "days of one season"),
        Field("seasons", .number(minimum: 1, maximum: 3), "seasons a year; seasons × cultivationDays ≤ 365"),
        Field("yieldTonnesPerHa", ProjectSchema.hectares, "paddy yield, t/ha, above 0"),
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields)

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> RiceRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.rice)) { (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> RiceState? in
            let water = rows.reader.choice(fields, "water", in: node, path: path(), row: common.id, allowed: vocabulary.riceWater, vocabulary: "rice water regime", required: true)
            let preseason = rows.reader.choice(
                fields, "preseason", in: node, path: path(), row: common.id, allowed: vocabulary.ricePreseason, vocabulary: "rice pre-season water regime", required: true)
            let straw = rows.reader.choice(fields, "straw", in: node, path: path(), row: common.id, allowed: vocabulary.riceStraw, vocabulary: "rice straw handling")
            let strawTonnes = rows.positive(fields, "strawTonnesPerHa", node: node, path: path(), row: common.id)
            var consistent = true
            // An unknown straw value is reported already; no straw at all means it is exported.
            if let strawNode = fields["strawTonnesPerHa"], fields["straw"] == nil || straw != nil, !(straw?.hasPrefix("incorporated") ?? false) {
                let incorporated = vocabulary.riceStraw.filter { $0.hasPrefix("incorporated") }
                rows.reader.report(
                    "practice.inconsistent", "'strawTonnesPerHa' applies to incorporated straw only", at: strawNode.position,
                    path: "\(path()).strawTonnesPerHa", row: common.id,
                    expected: "straw " + incorporated.map { "\"\($0)\"" }.joined(separator: " or "),
                    found: straw.map { "straw \"\($0)\"" } ?? "no straw (exported)")
                consistent = false
            }
            let amendments = rows.amendments(fields["amendments"], path: "\(path()).amendments", row: common.id)
            let days = rows.positive(fields, "cultivationDays", node: node, path: path(), row: common.id, minimum: 1, maximum: 365)
            let seasons = rows.positive(fields, "seasons", node: node, path: path(), row: common.id, minimum: 1, maximum: 3)
            let yield = rows.positive(fields, "yieldTonnesPerHa", node: node, path: path(), row: common.id, minimum: 0, aboveMinimum: true)
            if let days, let seasons, seasons * days > 365 {
                let literal = { (key: String, value: Double) in fields[key]?.number?.literal ?? RowReader.figure(value) }
                rows.reader.report(
                    "rice.season-length", "the seasons of row '\(common.id)' do not fit in one year", at: fields["cultivationDays"]?.position ?? node.position,
                    path: "\(path()).cultivationDays", row: common.id, expected: "seasons × cultivationDays ≤ 365",
                    found: "\(literal("seasons", seasons)) × \(literal("cultivationDays", days)) = \(RowReader.figure(seasons * days)) days")
                consistent = false
            }
            guard let water, let preseason, let amendments, consistent else { return nil }
            return RiceState(
                water: water, preseason: preseason, straw: straw, strawTonnesPerHa: strawTonnes, amendments: amendments,
                cultivationDays: days, seasons: seasons ?? 1, yieldTonnesPerHa: yield)
        }
        guard let area, let states else { return nil }
        return RiceRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }
}
