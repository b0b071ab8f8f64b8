/// Every factor a Tier 2 override may replace, declared once: the reader accepts these names, the
/// schema lists them, and the assessment refuses to consult a name that is not here (a module
/// asking for an undeclared override is a defect, caught by every test that reaches it).
public enum OverridableFactors {
    /// A family of names `prefix` + a key of one of the tables' vocabularies.
    public struct Family: Sendable {
        public enum Keys: Sendable { case manureSystems, landUses }
        public let prefix: String
        public let keys: Keys
        public let meaning: String
    }

    /// Names with what each stands for.
    public static let named: [(name: String, meaning: String)] = [
        ("soc-ref", "SOCref, t C/ha"),
        ("f-lu", "land-use factor (management rows)"),
        ("f-lu-from", "land-use factor of the land a conversion row starts from"),
        ("f-lu-to", "land-use factor of the land it becomes"),
        ("f-mg", "management factor"),
        ("f-i", "input factor"),
        ("carbon-fraction", "carbon fraction of dry matter"),
        ("ef1-som", "EF1 for mineralised N"),
        ("cn-ratio-conversion-to-cropland", "C:N on conversion"),
        ("cn-ratio-cropland-remaining", "C:N cropland"),
        ("cn-ratio-grassland-remaining", "C:N grassland"),
        ("perennial-agb-growth", "perennial AGB growth, t C/ha/yr"),
        ("perennial-bgb-growth", "perennial BGB growth, t C/ha/yr"),
        ("perennial-max-agb", "perennial maximum AGB, t C/ha"),
        ("forest-agb-stock", "forest AGB, t C/ha"),
        ("forest-root-to-shoot", "root-to-shoot ratio"),
        ("forest-litter", "litter, t C/ha"),
        ("forest-deadwood", "dead wood, t C/ha"),
        ("forest-agb-growth-le-20-years", "young forest AGB growth, t dm/ha/yr"),
        ("forest-agb-growth-gt-20-years", "old forest AGB growth, t dm/ha/yr"),
        ("afforestation-dom-buildup-years", "years over which new forest builds up litter and dead wood"),
        ("grassland-cf", "grassland fire combustion factor"),
        ("grassland-gef-ch4", "grassland fire CH4 EF"),
        ("grassland-gef-n2o", "grassland fire N2O EF"),
        ("organic-drained-co2", "drained organic soil CO2-C"),
        ("organic-drained-doc", "drained DOC"),
        ("organic-drained-ch4", "drained CH4"),
        ("organic-drained-n2o", "drained N2O-N"),
        ("organic-rewetted-co2", "rewetted CO2-C"),
        ("organic-rewetted-doc", "rewetted DOC"),
        ("organic-rewetted-ch4", "rewetted CH4-C"),
        ("coastal-agb-carbon", "coastal above-ground biomass, t C/ha"),
        ("coastal-bgb-carbon", "coastal below-ground biomass, t C/ha"),
        ("coastal-litter", "coastal litter, t C/ha"),
        ("coastal-deadwood", "coastal dead wood, t C/ha"),
        ("coastal-soil-carbon-1m", "coastal soil carbon 0–100 cm, t C/ha"),
        ("coastal-excavation-carbon-loss", "share of the top-metre carbon lost on excavation, 0–1"),
        ("coastal-drainage-co2", "coastal drainage CO2, t C/ha/yr"),
        ("coastal-rewetting-co2", "coastal rewetting CO2, t C/ha/yr (negative = removal)"),
        ("coastal-rewetting-ch4", "coastal rewetting CH4, kg CH4/ha/yr"),
        ("electricity-grid-factor", "grid emission factor, t CO2/MWh"),
        ("ef1", "EF1, direct N2O-N per N applied, kg N2O-N/kg N"),
        ("ef1fr", "EF1FR for flooded rice, kg N2O-N/kg N"),
        ("ef3prp", "EF3PRP for pasture, range and paddock, kg N2O-N/kg N"),
        ("ef4", "EF4, N2O-N per N volatilised, kg N2O-N/kg N"),
        ("ef5", "EF5, N2O-N per N leached, kg N2O-N/kg N"),
        ("frac-gasf", "FracGASF, share of synthetic N volatilised"),
        ("frac-gasm", "FracGASM, share of organic N volatilised"),
        ("frac-leach", "FracLEACH, share of N leached"),
        ("rice-baseline-ef", "rice baseline CH4 EF, kg CH4/ha/day"),
        ("rice-cultivation-days", "rice cultivation period, days"),
        ("rice-paddy-yield", "default paddy yield, t/ha"),
        ("sf-w", "rice water-regime scaling factor SF_w"),
        ("sf-p", "rice pre-season scaling factor SF_p"),
        ("cfoa", "conversion factor of an organic amendment CFOA"),
        ("rice-amendment-exponent", "exponent of SF_o"),
        ("dry-matter-fraction", "dry-matter fraction of the harvested yield"),
        ("residue-slope", "above-ground residue slope"),
        ("residue-intercept", "above-ground residue intercept, t dm/ha"),
        ("root-to-shoot-ratio", "R_BG of crop residues"),
        ("n-content-above-ground-residue", "N_AG, kg N/kg dm"),
        ("n-content-below-ground-residue", "N_BG, kg N/kg dm"),
        ("residue-cf", "combustion factor of crop residues"),
        ("residue-gef-ch4", "residue burning CH4 EF, g/kg dm"),
        ("residue-gef-n2o", "residue burning N2O EF, g/kg dm"),
        ("application-ef", "lime or urea carbon, t C/t"),
        ("manufacture-ef", "manufacture and transport, t CO2e per unit"),
        ("urea-n-content", "N content of urea, t N/t"),
        ("fuel-co2-ef", "fuel CO2, t per unit"),
        ("fuel-ch4-ef", "fuel CH4, t per unit"),
        ("fuel-n2o-ef", "fuel N2O, t per unit"),
        ("enteric-ch4-ef", "enteric CH4 EF, kg CH4/head/yr"),
        ("typical-animal-mass", "typical animal mass, kg"),
        ("vs-excretion-rate", "VS excretion, kg VS/1000 kg mass/day"),
        ("n-excretion-rate", "N excretion, kg N/1000 kg mass/day"),
        ("ef4-manure", "EF4 for volatilised manure N, kg N2O-N/kg N"),
        ("organic-rewetted-n2o", "rewetted N2O-N, kg N2O-N/ha/yr"),
        ("coastal-agb-stock", "coastal above-ground biomass, t dm/ha"),
        ("coastal-carbon-fraction", "carbon fraction of coastal biomass lost on drainage or excavation"),
        ("coastal-revegetation-years", "years revegetated coastal land takes to regrow its stock"),
        ("coastal-root-to-shoot", "root-to-shoot ratio of the coastal vegetation"),
        ("organic-on-site-ef-co2", "peat extraction on-site CO2-C, t C/ha/yr"),
        ("organic-on-site-ef-ch4", "peat extraction on-site CH4, kg CH4/ha/yr"),
        ("organic-on-site-ef-n2o", "peat extraction on-site N2O-N, kg N2O-N/ha/yr"),
        ("organic-off-site-ef-doc", "peat extraction DOC, t C/ha/yr"),
        ("organic-off-site-ef-ch4", "peat extraction ditch CH4, kg CH4/ha/yr"),
    ]

    public static let families: [Family] = [
        Family(prefix: "manure-ch4-ef-", keys: .manureSystems, meaning: "manure CH4 EF of the system, g CH4/kg VS"),
        Family(prefix: "manure-ef3-", keys: .manureSystems, meaning: "EF3 of the system, kg N2O-N/kg N"),
        Family(prefix: "manure-frac-gas-", keys: .manureSystems, meaning: "share of managed N volatilised in the system"),
        Family(prefix: "manure-frac-leach-", keys: .manureSystems, meaning: "share of managed N leached in the system"),
        Family(prefix: "biomass-stock-", keys: .landUses, meaning: "biomass stock of the land use before conversion, t C/ha"),
        Family(prefix: "first-year-biomass-gain-", keys: .landUses, meaning: "biomass of the land use in the year after conversion, t C/ha"),
    ]

    private static let names = Set(named.map(\.name))

    /// Whether a module may ask for an override of `name` (a declared name, or a family's prefix).
    public static func isDeclared(_ name: String) -> Bool {
        names.contains(name) || families.contains { name.hasPrefix($0.prefix) && name.count > $0.prefix.count }
    }

    /// Every name with its meaning, the families spelled out with the keys of the tables in use.
    public static func catalogue(manureSystems: [String], landUses: [String]) -> [String: String] {
        var catalogue = Dictionary(named.map { ($0.name, $0.meaning) }, uniquingKeysWith: { first, _ in first })
        for family in families {
            for key in family.keys == .manureSystems ? manureSystems : landUses {
                catalogue[family.prefix + key] = family.meaning + " (\(key))"
            }
        }
        return catalogue
    }
}
