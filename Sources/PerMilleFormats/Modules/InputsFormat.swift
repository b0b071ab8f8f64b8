import PerMille
import PerMilleJSON

/// How inputs and energy are written and read: kind and amounts per year.
enum InputsFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let rowSchema = Kind.object([
        Field("id", .text(nil), required: true), Field("name", .text(nil)),
        Field("kind", .text(.vocabulary { $0.inputKinds }), required: true),
        ProjectSchema.scenarios("amount", "per year, in the kind's amount_unit (table input-kinds)"),
        Field("manufacturedInCountry", .boolean),
        Field("irrigated", .boolean),
        Field("fuelUse", .text(.fixed(Vocabulary.fuelUses)), "fuels only"),
        ProjectSchema.dynamics,
    ])

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> InputRow? {
        let vocabulary = rows.vocabulary
        let kind = rows.reader.choice(
            common.fields, "kind", in: common.node, path: common.path, row: common.id, allowed: vocabulary.inputKinds, vocabulary: "input kind", required: true)
        let details = kind.flatMap { vocabulary.inputKindDetails[$0] }
        let amount = rows.area(common, quantity: .amount(unit: details?.unit ?? "the kind's amount_unit"))
        let manufactured = rows.reader.bool(common.fields, "manufacturedInCountry", path: common.path, row: common.id)
        let irrigated = rows.reader.bool(common.fields, "irrigated", path: common.path, row: common.id)
        var fuelUse = rows.reader.choice(
            common.fields, "fuelUse", in: common.node, path: common.path, row: common.id, allowed: Vocabulary.fuelUses, vocabulary: "fuel use")
        if let use = fuelUse, let kind, let details, let node = common.fields["fuelUse"] {
            if details.fuelUses.isEmpty {
                let fuels = vocabulary.inputKinds.filter { !(vocabulary.inputKindDetails[$0]?.fuelUses.isEmpty ?? true) }
                rows.reader.report(
                    "practice.inconsistent", "'fuelUse' applies to fuels only, and '\(kind)' is not one", at: node.position,
                    path: "\(common.path).fuelUse", row: common.id, expected: "a fuel kind: " + fuels.joined(separator: ", "), found: "kind \"\(kind)\"")
                fuelUse = nil
            } else if !details.fuelUses.contains(use) {
                rows.reader.report(
                    "practice.inconsistent", "'\(kind)' has no \(use) emission factor", at: node.position,
                    path: "\(common.path).fuelUse", row: common.id,
                    expected: "a use \(kind) has factors for: " + details.fuelUses.joined(separator: ", "), found: "'\(use)'")
                fuelUse = nil
            }
        }
        guard let kind, let amount, common.fields["fuelUse"] == nil || fuelUse != nil else { return nil }
        return InputRow(
            id: common.id, name: common.name, kind: kind, amount: amount, manufacturedInCountry: manufactured ?? false,
            irrigated: irrigated ?? false, fuelUse: fuelUse ?? "stationary", dynamics: common.dynamics)
    }
}
