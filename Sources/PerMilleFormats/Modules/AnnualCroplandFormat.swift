import PerMille
import PerMilleJSON

/// How annual cropland rows are written and read: land use, crop, tillage, input, residues and yield per state.
enum AnnualCroplandFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("landUse", .text(.fixed(Vocabulary.annualLandUses))),
        Field("crop", .text(.vocabulary { $0.crops })),
        Field("tillage", .text(.vocabulary { $0.tillage }), "required for annual-cropland"),
        Field("input", .text(.vocabulary { $0.inputs }), "required for annual-cropland"),
        Field("residues", .text(.fixed(Vocabulary.residues))),
        Field("yieldTonnesPerHa", ProjectSchema.hectares),
    ]
    static let rowSchema = ProjectSchema.stateRow(stateFields)

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> AnnualCropRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.annualCrops)) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> AnnualCropState? in
            let landUse =
                rows.reader.choice(fields, "landUse", in: node, path: path(), row: common.id, allowed: Vocabulary.annualLandUses, vocabulary: "annual land use")
                ?? "annual-cropland"
            let crop = rows.reader.choice(fields, "crop", in: node, path: path(), row: common.id, allowed: vocabulary.crops, vocabulary: "crop")
            let tillage = rows.reader.choice(
                fields, "tillage", in: node, path: path(), row: common.id, allowed: vocabulary.tillage, vocabulary: "tillage", required: landUse == "annual-cropland")
            let input = rows.reader.choice(
                fields, "input", in: node, path: path(), row: common.id, allowed: vocabulary.inputs, vocabulary: "carbon input", required: landUse == "annual-cropland")
            let residues = rows.reader.choice(fields, "residues", in: node, path: path(), row: common.id, allowed: Vocabulary.residues, vocabulary: "residue handling")
            let yield = rows.positive(fields, "yieldTonnesPerHa", node: node, path: path(), row: common.id)
            if landUse == "annual-cropland", tillage == nil || input == nil { return nil }
            return AnnualCropState(
                landUse: landUse, crop: crop, tillage: tillage ?? "full", input: input ?? "medium", residues: residues.flatMap(ResidueHandling.init(rawValue:)),
                yieldTonnesPerHa: yield)
        }
        guard let area, let states else { return nil }
        return AnnualCropRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }
}
