import PerMille
import PerMilleJSON

/// How herds are written and read: species, productivity, heads and manure systems.
enum LivestockFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let rowSchema = Kind.object([
        Field("id", .text(nil), required: true), Field("name", .text(nil)),
        Field("species", .text(.vocabulary { $0.livestockSpecies }), required: true),
        Field("productivity", .text(.vocabulary { $0.livestockProductivity })),
        ProjectSchema.scenarios("heads", "head counts"),
        Field("manure", ProjectSchema.manureShares, "percent of the manure per system, summing to 100"),
        Field("manureWith", ProjectSchema.manureShares, "the with-project shares, when they differ"),
        ProjectSchema.dynamics,
    ])

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> LivestockRow? {
        let vocabulary = rows.vocabulary
        let species = rows.reader.choice(
            common.fields, "species", in: common.node, path: common.path, row: common.id, allowed: vocabulary.livestockSpecies, vocabulary: "livestock species",
            required: true)
        let productivity = rows.reader.choice(
            common.fields, "productivity", in: common.node, path: common.path, row: common.id, allowed: vocabulary.livestockProductivity,
            vocabulary: "livestock productivity")
        let heads = rows.area(common, quantity: .heads)
        let manure = rows.manureShares(common, "manure")
        let manureWith = rows.manureShares(common, "manureWith")
        guard let species, let heads, let manure, let manureWith else { return nil }
        return LivestockRow(
            id: common.id, name: common.name, species: species, productivity: productivity ?? "default", heads: heads,
            manure: Triple(start: manure.shares, without: manure.shares, with: manureWith.shares ?? manure.shares), dynamics: common.dynamics)
    }
}
