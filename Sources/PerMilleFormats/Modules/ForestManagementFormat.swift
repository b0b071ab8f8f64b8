import PerMille
import PerMilleJSON

/// How forest-management rows are written and read: the forest, and its biomass loss per state.
enum ForestManagementFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("biomassLossPercent", .number(minimum: 0, maximum: 100), required: true)
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields, extra: [Field("forest", ProjectSchema.forest, required: true)])

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> ForestManagementRow? {
        let area = rows.area(common)
        var forest: ForestDescription?
        if let node = common.fields["forest"] {
            forest = rows.forest(node, path: "\(common.path).forest", row: common.id)
        } else {
            rows.reader.missing("forest", in: common.node, path: common.path, row: common.id, expected: "{ecozone, type, condition}")
        }
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.forestManagement)) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> ForestState? in
            guard let loss = rows.reader.number(fields, "biomassLossPercent", in: node, path: path(), row: common.id, required: true) else { return nil }
            guard (0...100).contains(loss) else {
                rows.reader.report(
                    "value.out-of-range", "biomassLossPercent must be between 0 and 100", at: fields["biomassLossPercent"]?.position ?? node.position,
                    path: "\(path()).biomassLossPercent", row: common.id, expected: "0…100", found: String(loss))
                return nil
            }
            return ForestState(biomassLossPercent: loss)
        }
        guard let area, let forest, let states else { return nil }
        return ForestManagementRow(id: common.id, name: common.name, forest: forest, area: area, states: states, dynamics: common.dynamics)
    }
}
