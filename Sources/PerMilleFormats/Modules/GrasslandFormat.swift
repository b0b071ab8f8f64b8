import PerMille
import PerMilleJSON

/// How grassland rows are written and read: condition, improvement input and fire per state.
enum GrasslandFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("condition", .text(.vocabulary { $0.grasslandConditions }), required: true),
        Field("input", .text(.vocabulary { $0.improvedInputs })),
        Field("fire", .boolean),
        Field("fireFuelTonnesPerHa", ProjectSchema.hectares, "t dm/ha burnt per fire"),
        Field("fireIntervalYears", .number(minimum: 1, maximum: nil)),
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields)

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> GrasslandRow? {
        let area = rows.area(common)
        let conditions = rows.vocabulary.grasslandConditions
        let inputs = rows.vocabulary.improvedInputs
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.grassland)) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> GrasslandState? in
            let condition = rows.reader.choice(fields, "condition", in: node, path: path(), row: common.id, allowed: conditions, vocabulary: "grassland condition", required: true)
            let input = rows.reader.choice(fields, "input", in: node, path: path(), row: common.id, allowed: inputs, vocabulary: "grassland input")
            if input != nil, condition != nil, condition != "improved" {
                rows.reader.report(
                    "practice.inconsistent", "'input' applies to improved grassland only", at: fields["input"]?.position ?? node.position,
                    path: "\(path()).input", row: common.id, expected: "condition \"improved\" with an input", found: "condition \"\(condition ?? "")\"")
            }
            let fire = rows.reader.bool(fields, "fire", path: path(), row: common.id) ?? false
            let fuel = rows.positive(fields, "fireFuelTonnesPerHa", node: node, path: path(), row: common.id)
            let interval = rows.positive(fields, "fireIntervalYears", node: node, path: path(), row: common.id, minimum: 1)
            guard let condition else { return nil }
            return GrasslandState(condition: condition, input: input, fire: fire, fireFuelTonnesPerHa: fuel, fireIntervalYears: interval)
        }
        guard let area, let states else { return nil }
        return GrasslandRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }
}
