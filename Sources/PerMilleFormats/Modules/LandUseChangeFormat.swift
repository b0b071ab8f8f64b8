import PerMille
import PerMilleJSON

/// How land-use-change rows are written and read: from, to and the hectares converted per scenario.
enum LandUseChangeFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let rowSchema = Kind.object([
        Field("id", .text(nil), required: true), Field("name", .text(nil)),
        Field("from", ProjectSchema.landUse, required: true), Field("to", ProjectSchema.landUse, required: true),
        Field("area", .object(["without", "with"].map { Field($0, ProjectSchema.hectares, required: true) }), required: true),
        ProjectSchema.dynamics,
    ])

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> LandUseChangeRow? {
        let area = rows.area(common, keys: ["without", "with"])
        let from = rows.landUse(common, "from")
        let to = rows.landUse(common, "to")
        if let from, let to, from == to {
            rows.reader.report(
                "practice.inconsistent", "a land-use change needs two different land uses", at: common.fields["to"]?.position ?? common.node.position,
                path: "\(common.path).to", row: common.id, expected: "a land use other than '\(from.key)'", found: "'\(to.key)'")
            return nil
        }
        guard let area, let from, let to else { return nil }
        return LandUseChangeRow(id: common.id, name: common.name, from: from, to: to, convertedWithout: area.without, convertedWith: area.with, dynamics: common.dynamics)
    }
}
