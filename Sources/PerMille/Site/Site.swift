/// The resolved site of a project: climate zone, soil class and region, each with the rule that gave it.
public struct Site: Sendable, Hashable {
    public var climateZone: ClimateZone
    /// How the zone was obtained (given, or the rule of method.md §2.2 that fired).
    public var climateRule: String
    public var soilClass: SoilClass
    public var soilRule: String
    /// EX-ACT region key (`europe`, …), if the project gave one or a country that maps to one.
    public var region: String?
    public var regionRule: String
    /// IPCC livestock region (`sub-saharan-africa`, …) of the project's country, for herd factors.
    public var livestockRegion: String?

    public init(
        climateZone: ClimateZone, climateRule: String, soilClass: SoilClass, soilRule: String, region: String?, regionRule: String,
        livestockRegion: String? = nil
    ) {
        self.livestockRegion = livestockRegion
        self.climateZone = climateZone
        self.climateRule = climateRule
        self.soilClass = soilClass
        self.soilRule = soilRule
        self.region = region
        self.regionRule = regionRule
    }
}

/// Why a site cannot be resolved.
public struct SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var expected: String
    public var found: String

    public var description: String { message }
}

/// Derives climate zones from measurements and soil classes from WRB groups (method.md §2.2–2.3).
public enum SiteResolver {
    /// The IPCC zone and moisture regime for measured climate; Polar is rejected.
    public static func climateZone(for climate: MeasuredClimate) throws(SiteError) -> (zone: ClimateZone, rule: String) {
        let mat = climate.meanAnnualTemperatureC
        let map = climate.annualPrecipitationMm
        let pet = climate.potentialEvapotranspirationMm
        // `Int(exactly:)`, not `Int(_:)`: a whole number beyond Int's range (1e19) is printed as it is, never a trap.
        func fmt(_ x: Double) -> String { x == x.rounded() ? Int(exactly: x).map(String.init) ?? String(x) : String(x) }
        func temperateMoisture() -> (String, String) {
            if map == pet { return ("moist", "MAP = PET (\(fmt(map)) mm): undefined in the source, taken as moist [permille choice]") }
            return map > pet ? ("moist", "MAP \(fmt(map)) > PET \(fmt(pet)) mm") : ("dry", "MAP \(fmt(map)) < PET \(fmt(pet)) mm")
        }
        if mat <= -10 {
            throw SiteError(
                field: "climate", message: "a mean annual temperature of \(fmt(mat)) °C is the Polar zone, which EX-ACT and permille v1 do not cover",
                expected: "MAT above -10 °C", found: "\(fmt(mat)) °C")
        }
        if mat <= 0 {
            let (moisture, why) = temperateMoisture()
            return (ClimateZone(rawValue: "boreal-\(moisture)"), "-10 < MAT \(fmt(mat)) ≤ 0 °C → boreal; \(why) (temperate test applied to boreal [permille choice])")
        }
        if mat <= 18 {
            let thermal = mat <= 10 ? "cool-temperate" : "warm-temperate"
            let band = mat <= 10 ? "0 < MAT \(fmt(mat)) ≤ 10 °C" : "10 < MAT \(fmt(mat)) ≤ 18 °C"
            let (moisture, why) = temperateMoisture()
            return (ClimateZone(rawValue: "\(thermal)-\(moisture)"), "\(band) → \(thermal); \(why)")
        }
        if climate.elevationM >= 1000 {
            return (.tropicalMontane, "MAT \(fmt(mat)) > 18 °C and elevation \(fmt(climate.elevationM)) ≥ 1000 m → tropical montane")
        }
        let moisture = map >= 2000 ? "wet" : (map >= 1000 ? "moist" : "dry")
        let band = map >= 2000 ? "MAP ≥ 2000" : (map >= 1000 ? "1000 ≤ MAP < 2000" : "MAP < 1000")
        return (
            ClimateZone(rawValue: "tropical-\(moisture)"),
            "MAT \(fmt(mat)) > 18 °C, elevation \(fmt(climate.elevationM)) < 1000 m → tropical; \(band) mm (\(fmt(map))) → \(moisture)"
        )
    }

    /// Resolves the project's site against the lookup tables (WRB groups, countries, regions).
    public static func resolve(_ description: ProjectDescription, factors: FactorSet) throws(SiteError) -> Site {
        let zone: ClimateZone
        let climateRule: String
        switch description.climate {
        case .zone(let given):
            zone = given
            climateRule = "given as \(given.rawValue)"
        case .measured(let measured):
            (zone, climateRule) = try climateZone(for: measured)
        }
        let soil: SoilClass
        let soilRule: String
        switch description.soil {
        case .soilClass(let given):
            soil = given
            soilRule = "given as \(given.rawValue)"
        case .wrb(let group):
            let key = normalisedWRB(group)
            guard let mapped = factors.text("wrb-soil-groups", [key], column: "soil_class") else {
                throw SiteError(
                    field: "soil.wrb", message: "'\(group)' is not a WRB 2014 reference soil group",
                    expected: "one of the 32 WRB groups, e.g. Cambisols", found: group)
            }
            soil = SoilClass(rawValue: mapped)
            soilRule = "WRB \(group) → \(mapped) (EX-ACT v9.4 sheet HELP)"
        }
        var region = description.region
        var regionRule = region.map { "given as \($0)" } ?? "none given"
        if region == nil, let country = description.country,
            let mapped = factors.text("country-regions", [country], column: "region")
        {
            region = mapped
            regionRule = "from country \(country) (country-regions.csv)"
        }
        let livestockRegion = description.country.flatMap { factors.text("country-regions", [$0], column: "ipcc_livestock_region") }
        return Site(
            climateZone: zone, climateRule: climateRule, soilClass: soil, soilRule: soilRule, region: region, regionRule: regionRule,
            livestockRegion: livestockRegion?.isEmpty == false ? livestockRegion : nil)
    }

    /// `Cambisol`, `CAMBISOLS` and `cambisols` all name the same group.
    public static func normalisedWRB(_ name: String) -> String {
        let lower = name.lowercased().trimmingWhitespace()
        return lower.hasSuffix("s") ? lower : lower + "s"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
