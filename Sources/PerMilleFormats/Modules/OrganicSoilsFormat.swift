import PerMille
import PerMilleJSON

/// How organic-soil rows are written and read: land use, water and nutrient status per state.
enum OrganicSoilsFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("landUse", .text(.vocabulary { $0.organicLandUses }), required: true),
        Field("water", .text(.fixed(Vocabulary.water)), required: true),
        Field("nutrient", .text(.fixed(Vocabulary.nutrients)), required: true),
        Field("ditchFraction", .number(minimum: 0, maximum: 1)),
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields)

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> OrganicSoilRow? {
        let area = rows.area(common)
        let landUses = rows.vocabulary.organicLandUses
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.organicSoils)) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> OrganicSoilState? in
            let landUse = rows.reader.choice(fields, "landUse", in: node, path: path(), row: common.id, allowed: landUses, vocabulary: "organic-soil land use", required: true)
            let water = rows.reader.choice(fields, "water", in: node, path: path(), row: common.id, allowed: Vocabulary.water, vocabulary: "water management", required: true)
            let nutrient = rows.reader.choice(
                fields, "nutrient", in: node, path: path(), row: common.id, allowed: Vocabulary.nutrients, vocabulary: "nutrient status", required: true)
            let ditches = rows.positive(fields, "ditchFraction", node: node, path: path(), row: common.id, minimum: 0, maximum: 1)
            if landUse == "peat-extraction", water == "rewetted" {
                rows.reader.report(
                    "practice.inconsistent", "a rewetted extraction site is rewetted peatland: give the land use it was before extraction",
                    at: fields["landUse"]?.position ?? node.position, path: "\(path()).landUse", row: common.id,
                    expected: "peat-extraction with water \"drained\"", found: "rewetted")
                return nil
            }
            guard let landUse, let water = water.flatMap(OrganicSoilWater.init(rawValue:)), let nutrient else { return nil }
            return OrganicSoilState(landUse: landUse, water: water, nutrient: nutrient, ditchFraction: ditches)
        }
        guard let area, let states else { return nil }
        return OrganicSoilRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }
}
