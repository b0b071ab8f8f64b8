import PerMille
import PerMilleJSON

/// Reads the `project` object: identification, site, years and how the project is counted.
enum DescriptionReader {
    static var keys: [String] { ProjectSchema.keys(ProjectSchema.project) }
    /// EX-ACT's yearly table covers 50 years (method.md §2.1).
    static let maximumYears = 50

    static func read(_ node: JSONNode, reader: inout DocumentReader, vocabulary: Vocabulary) -> ProjectDescription? {
        let path = "project"
        guard let fields = reader.object(node, path: path, allowed: keys) else { return nil }
        let name = reader.string(fields, "name", in: node, path: path, required: true)
        let holder = reader.string(fields, "holder", in: node, path: path)
        var country: String?
        if let given = reader.string(fields, "country", in: node, path: path) {
            if let mapped = vocabulary.isoCodes[given.uppercased()] {
                country = mapped
            } else if vocabulary.countries.contains(given) {
                country = given
            } else {
                reader.report(
                    "country.unknown", "unknown country '\(given)'", at: fields["country"]?.position ?? node.position, path: "project.country",
                    expected: "an ISO 3166-1 alpha-3 code (ESP) or a country key of country-regions.csv (spain)", found: "'\(given)'",
                    suggestion: Suggestions.closest(to: given, among: vocabulary.countries.sorted()).map { "did you mean '\($0)'?" })
            }
        }
        let region = reader.choice(fields, "region", in: node, path: path, allowed: vocabulary.regions, vocabulary: "EX-ACT region", code: "region.unknown")
        let startYear = reader.integer(fields, "startYear", in: node, path: path, range: 1900...2200)
        let implementation = reader.integer(fields, "implementationYears", in: node, path: path, range: 1...maximumYears)
        let capitalization = reader.integer(fields, "capitalizationYears", in: node, path: path, range: 0...maximumYears)
        if let implementation, let capitalization, implementation + capitalization > maximumYears {
            reader.report(
                "value.out-of-range", "implementation + capitalization years must not exceed \(maximumYears)",
                at: fields["capitalizationYears"]?.position ?? node.position, path: "project.capitalizationYears",
                expected: "T ≤ \(maximumYears)", found: "\(implementation + capitalization)")
        }
        let climate = readClimate(fields["climate"], parent: node, reader: &reader, vocabulary: vocabulary)
        let soil = readSoil(fields["soil"], parent: node, reader: &reader, vocabulary: vocabulary)
        let gwp = reader.choice(fields, "gwp", in: node, path: path, allowed: GWPSet.allCases.map(\.rawValue), vocabulary: "GWP set", code: "value.unknown")
        let factorSet = reader.choice(fields, "factorSet", in: node, path: path, allowed: FactorSetChoice.allCases.map(\.rawValue), vocabulary: "factor set", code: "value.unknown")
        let method = reader.choice(fields, "method", in: node, path: path, allowed: Method.allCases.map(\.rawValue), vocabulary: "method", code: "value.unknown")
        let dynamics = reader.choice(fields, "dynamics", in: node, path: path, allowed: Vocabulary.dynamics, vocabulary: "dynamics", code: "value.unknown")
        var budget: Budget?
        if let budgetNode = fields["budget"], let budgetFields = reader.object(budgetNode, path: "project.budget", allowed: ["amount", "currency"]) {
            let amount = reader.number(budgetFields, "amount", in: budgetNode, path: "project.budget", required: true, bound: Bounds.money)
            let currency = reader.string(budgetFields, "currency", in: budgetNode, path: "project.budget", required: true)
            if let amount, let currency { budget = Budget(amount: amount, currency: currency) }
        }
        guard let name, let startYear, let implementation, let capitalization, let climate, let soil else { return nil }
        return ProjectDescription(
            name: name, holder: holder, country: country, region: region, startYear: startYear,
            implementationYears: implementation, capitalizationYears: capitalization, climate: climate, soil: soil,
            gwp: gwp.flatMap(GWPSet.init(rawValue:)) ?? .ar5,
            factorSet: factorSet.flatMap(FactorSetChoice.init(rawValue:)) ?? .ipcc2019,
            method: method.flatMap(Method.init(rawValue:)) ?? .ipcc,
            dynamics: dynamics.flatMap(DynamicsKind.init(rawValue:)) ?? .linear, budget: budget)
    }

    private static func readClimate(_ node: JSONNode?, parent: JSONNode, reader: inout DocumentReader, vocabulary: Vocabulary) -> ClimateInput? {
        let path = "project.climate"
        guard let node else {
            reader.missing("climate", in: parent, path: "project", expected: "a climate zone key or measured climate")
            return nil
        }
        if let key = node.string {
            guard vocabulary.climateZones.contains(key) else {
                let polar = key.hasPrefix("polar")
                reader.report(
                    "climate.unknown", polar ? "the Polar zone is not covered by EX-ACT or permille v1" : "unknown climate zone '\(key)'",
                    at: node.position, path: path, expected: "one of " + vocabulary.climateZones.joined(separator: ", "), found: "'\(key)'",
                    suggestion: Suggestions.closest(to: key, among: vocabulary.climateZones).map { "did you mean '\($0)'?" })
                return nil
            }
            return .zone(ClimateZone(rawValue: key))
        }
        let measuredKeys = ["meanAnnualTemperatureC", "annualPrecipitationMm", "potentialEvapotranspirationMm", "elevationM"]
        guard node.members != nil else {
            reader.mismatch(node, path: path, expected: "a climate zone key or an object of measurements")
            return nil
        }
        guard let fields = reader.object(node, path: path, allowed: measuredKeys) else { return nil }
        let bounds = [Bounds.temperature, Bounds.precipitation, Bounds.evapotranspiration, Bounds.elevation]
        let values = zip(measuredKeys, bounds).map { reader.number(fields, $0, in: node, path: path, required: true, bound: $1) }
        guard let mat = values[0], let map = values[1], let pet = values[2], let elevation = values[3] else { return nil }
        let measured = MeasuredClimate(meanAnnualTemperatureC: mat, annualPrecipitationMm: map, potentialEvapotranspirationMm: pet, elevationM: elevation)
        do { _ = try SiteResolver.climateZone(for: measured) } catch {
            reader.report(
                "climate.polar", error.message, at: fields["meanAnnualTemperatureC"]?.position ?? node.position, path: "\(path).meanAnnualTemperatureC", expected: error.expected,
                found: error.found)
            return nil
        }
        return .measured(measured)
    }

    private static func readSoil(_ node: JSONNode?, parent: JSONNode, reader: inout DocumentReader, vocabulary: Vocabulary) -> SoilInput? {
        let path = "project.soil"
        guard let node else {
            reader.missing("soil", in: parent, path: "project", expected: "an IPCC soil class key or {\"wrb\": …}")
            return nil
        }
        if let key = node.string {
            guard vocabulary.soilClasses.contains(key) else {
                reader.report(
                    "soil.unknown", "unknown soil class '\(key)'", at: node.position, path: path,
                    expected: "one of " + vocabulary.soilClasses.joined(separator: ", ") + ", or {\"wrb\": \"Cambisols\"}", found: "'\(key)'",
                    suggestion: Suggestions.closest(to: key, among: vocabulary.soilClasses).map { "did you mean '\($0)'?" })
                return nil
            }
            if key == SoilClass.organic.rawValue {
                reader.report(
                    "soil.organic", "organic soils are assessed in the organicSoils module, never through SOCref", at: node.position, path: path,
                    expected: "the mineral soil class of the project's mineral land", found: "'organic'", severity: .warning)
            }
            return .soilClass(SoilClass(rawValue: key))
        }
        guard node.members != nil else {
            reader.mismatch(node, path: path, expected: "a soil class key or {\"wrb\": …}")
            return nil
        }
        guard let fields = reader.object(node, path: path, allowed: ["wrb"]),
            let group = reader.string(fields, "wrb", in: node, path: path, required: true)
        else { return nil }
        guard vocabulary.wrbGroups.contains(SiteResolver.normalisedWRB(group)) else {
            reader.report(
                "soil.unknown", "'\(group)' is not a WRB 2014 reference soil group", at: fields["wrb"]?.position ?? node.position,
                path: "\(path).wrb", expected: "one of the 32 groups, e.g. Cambisols, Ferralsols, Histosols", found: "'\(group)'",
                suggestion: Suggestions.closest(to: SiteResolver.normalisedWRB(group), among: vocabulary.wrbGroups).map { "did you mean '\($0)'?" })
            return nil
        }
        return .wrb(group)
    }
}
