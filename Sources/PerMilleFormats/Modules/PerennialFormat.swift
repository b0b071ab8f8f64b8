import PerMille
import PerMilleJSON

/// How perennial-crop and agroforestry rows are written and read: one system per row, with tillage, input and standing biomass.
enum PerennialFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("system", .text(.vocabulary { $0.perennialSystems }), required: true),
        Field("tillage", .text(.vocabulary { $0.tillage })),
        Field("input", .text(.vocabulary { $0.inputs })),
        Field("standingAGBTonnesCPerHa", ProjectSchema.hectares),
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields)

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> PerennialRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.perennialCrops)) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> PerennialState? in
            let system = rows.reader.choice(
                fields, "system", in: node, path: path(), row: common.id, allowed: vocabulary.perennialSystems, vocabulary: "perennial system", required: true)
            let tillage = rows.reader.choice(fields, "tillage", in: node, path: path(), row: common.id, allowed: vocabulary.tillage, vocabulary: "tillage") ?? "full"
            let input = rows.reader.choice(fields, "input", in: node, path: path(), row: common.id, allowed: vocabulary.inputs, vocabulary: "carbon input") ?? "medium"
            let standing = rows.positive(fields, "standingAGBTonnesCPerHa", node: node, path: path(), row: common.id, minimum: 0)
            guard let system else { return nil }
            return PerennialState(system: system, tillage: tillage, input: input, standingAGBTonnesCPerHa: standing)
        }
        guard let area, let states else { return nil }
        if area.start > 0, states.start.system != states.without.system || states.start.system != states.with.system {
            rows.reader.report(
                "practice.inconsistent", "a change of perennial system is two rows: the old system shrinking, the new one growing",
                at: common.node.position, path: common.path, row: common.id,
                expected: "the same system in start, without and with", found: "\(states.start.system) / \(states.without.system) / \(states.with.system)")
            return nil
        }
        return PerennialRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }
}
