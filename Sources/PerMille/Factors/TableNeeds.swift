/// Which factor tables a project can read, so the edge loads (and digests) only those.
///
/// A table missing from this list would surface as "the table is not in the indicators manifest"
/// for a row that needs it; `TableNeedsTests` assesses every fixture and generated project with
/// exactly these tables and checks the result is the one the full folder gives.
public enum TableNeeds {
    /// Read for every project: the site (country, soil group), the period's constants, GWP values,
    /// the project reader's vocabulary, soil references and EF1 of the assessment context, and the
    /// uncertainty classes of the result.
    public static let always: Set<String> = [
        "constants", "gwp", "vocabulary", "country-regions", "iso-countries", "wrb-soil-groups", "uncertainty-classes",
        "input-kinds", "soc-reference", "soc-reference-2006", "n2o-emission-factors", "n2o-factors-extra", "perennial-max-agb",
        "n2o-emission-factors-ipcc-method", "n2o-factors-extra-ipcc-method",
    ]

    /// Mineral-soil stock change factors, under each factor set and method.
    static let soil: Set<String> = ["soil-stock-change-factors", "soil-stock-change-factors-2006", "soil-stock-change-factors-ipcc-method"]
    /// Fire: emission and combustion factors.
    static let burning: Set<String> = ["burning-emission-factors", "combustion-factors"]
    /// Forest stocks, growth, dead organic matter and root-to-shoot ratios.
    static let forest: Set<String> = ["forest-biomass", "forest-litter-deadwood", "forest-root-to-shoot", "forest-agb-growth"]
    /// Crop yields and residue parameters.
    static let crops: Set<String> = ["crop-residue-parameters", "crop-yields"]

    /// Tables the overrides reader checks factor names and keys against.
    public static let overrides: Set<String> = ["livestock-manure-system-shares", "forest-root-to-shoot"]

    /// Everything a project with rows in `modules` (and overrides, if it has any) can read.
    public static func tables(modules: some Sequence<ModuleKind>, hasOverrides: Bool) -> Set<String> {
        var names = always
        for module in modules { names.formUnion(module.tables) }
        if hasOverrides { names.formUnion(overrides) }
        return names
    }
}
