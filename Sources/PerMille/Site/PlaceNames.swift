/// The words a reader sees for a site's keys: the country's name from the ISO table (with its
/// diacritics: Côte d'Ivoire, not `c-te-d-ivoire`), the region, climate zone and soil class in words.
/// Results keep the keys (they are what a program compares); reports, text output and the
/// portfolio print these names.
public struct PlaceNames: Sendable, Hashable {
    /// nil when the project gives no country.
    public var country: String?
    /// nil when neither the project nor its country gives a region.
    public var region: String?
    public var climateZone: String
    public var soilClass: String
    /// How each was obtained, in words (`given in the project`, `from Côte d'Ivoire`, a measured-climate rule).
    public var regionRule: String
    public var climateRule: String
    public var soilRule: String

    public init(country: String?, site: Site, factors: FactorSet?) {
        let countryName = country.map { Self.country($0, factors: factors) }
        self.country = countryName
        region = site.region.map(Self.region)
        climateZone = Self.climateZone(site.climateZone)
        soilClass = Self.soilClass(site.soilClass)
        if site.regionRule.hasPrefix("given as") {
            regionRule = "given in the project"
        } else if site.regionRule.hasPrefix("from country"), let countryName {
            regionRule = "from \(countryName)"
        } else {
            regionRule = site.regionRule == "none given" ? "none given" : site.regionRule
        }
        climateRule = site.climateRule.hasPrefix("given as") ? "given in the project" : site.climateRule
        if site.soilRule.hasPrefix("given as") {
            soilRule = "given in the project"
        } else {
            // `WRB Cambisols → high-activity-clay (…)`: the class key in words.
            soilRule = site.soilRule.replacing(site.soilClass.rawValue, with: soilClass.lowercasedFirst)
        }
    }

    /// The ISO table's display name of an EX-ACT country key (`c-te-d-ivoire` → Côte d'Ivoire); the
    /// country table's name, then the key itself, when the ISO table does not list it.
    public static func country(_ key: String, factors: FactorSet?) -> String {
        if let records = factors?.tables["iso-countries"]?.records,
            let name = records.first(where: { $0.text["country"] == key || $0.key.first == key })?.text["country_name"], !name.isEmpty
        {
            return name
        }
        if let name = factors?.text("country-regions", [key], column: "country_name"), !name.isEmpty { return name }
        return key
    }

    /// EX-ACT regions as the UN geoscheme writes them.
    static let regions: [String: String] = [
        "caribbean": "Caribbean", "central-africa": "Central Africa", "central-america": "Central America",
        "central-asia": "Central Asia", "eastern-africa": "Eastern Africa", "eastern-asia": "Eastern Asia", "europe": "Europe",
        "north-america": "North America", "northern-africa": "Northern Africa", "oceania": "Oceania",
        "south-america": "South America", "south-eastern-asia": "South-eastern Asia", "southern-africa": "Southern Africa",
        "southern-asia": "Southern Asia", "western-africa": "Western Africa", "western-asia": "Western Asia",
    ]

    public static func region(_ key: String) -> String { regions[key] ?? words(key) }

    /// `warm-temperate-dry` → Warm temperate dry: every zone key reads as words once its hyphens go.
    public static func climateZone(_ zone: ClimateZone) -> String { words(zone.rawValue) }

    static let soils: [String: String] = [
        "high-activity-clay": "High-activity clay soil", "low-activity-clay": "Low-activity clay soil", "sandy": "Sandy soil",
        "spodic": "Spodic soil", "volcanic": "Volcanic soil", "wetland": "Wetland soil", "organic": "Organic soil",
    ]

    public static func soilClass(_ soil: SoilClass) -> String { soils[soil.rawValue] ?? words(soil.rawValue) }

    /// A key in words: hyphens become spaces, the first letter a capital.
    static func words(_ key: String) -> String {
        let spaced = String(key.map { $0 == "-" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
