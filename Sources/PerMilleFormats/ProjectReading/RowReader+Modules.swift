import PerMille
import PerMilleJSON

extension RowReader {
    static func grassland(_ rows: inout RowReader, _ common: Common) -> GrasslandRow? {
        let area = rows.area(common)
        let conditions = rows.vocabulary.grasslandConditions
        let inputs = rows.vocabulary.improvedInputs
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("grassland")) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> GrasslandState? in
            let condition = rows.reader.choice(fields, "condition", in: node, path: path(), row: common.id, allowed: conditions, vocabulary: "grassland condition", required: true)
            let input = rows.reader.choice(fields, "input", in: node, path: path(), row: common.id, allowed: inputs, vocabulary: "grassland input")
            if input != nil, condition != nil, condition != "improved" {
                rows.reader.report(
                    "practice.inconsistent", "'input' applies to improved grassland only", at: fields["input"]?.position ?? node.position,
                    path: "\(path()).input", row: common.id, expected: "condition \"improved\" with an input", found: "condition \"\(condition ?? "")\"")
            }
            let fire = rows.reader.bool(fields, "fire", path: path(), row: common.id) ?? false
            let fuel = rows.positive(fields, "fireFuelTonnesPerHa", node: node, path: path(), row: common.id)
            let interval = rows.positive(fields, "fireIntervalYears", node: node, path: path(), row: common.id, minimum: 1)
            guard let condition else { return nil }
            return GrasslandState(condition: condition, input: input, fire: fire, fireFuelTonnesPerHa: fuel, fireIntervalYears: interval)
        }
        guard let area, let states else { return nil }
        return GrasslandRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }

    static func annualCrop(_ rows: inout RowReader, _ common: Common) -> AnnualCropRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("annualCrops")) {
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

    static func perennial(_ rows: inout RowReader, _ common: Common) -> PerennialRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("perennialCrops")) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> PerennialState? in
            let system = rows.reader.choice(
                fields, "system", in: node, path: path(), row: common.id, allowed: vocabulary.perennialSystems, vocabulary: "perennial system", required: true)
            let tillage = rows.reader.choice(fields, "tillage", in: node, path: path(), row: common.id, allowed: vocabulary.tillage, vocabulary: "tillage") ?? "full"
            let input = rows.reader.choice(fields, "input", in: node, path: path(), row: common.id, allowed: vocabulary.inputs, vocabulary: "carbon input") ?? "medium"
            let standing = rows.positive(fields, "standingAGBTonnesCPerHa", node: node, path: path(), row: common.id, minimum: 0)
            guard let system else { return nil }
            return PerennialState(system: system, tillage: tillage, input: input, standingAGBTonnesCPerHa: standing)
        }
        guard let area, let states else { return nil }
        if area.start > 0, states.start.system != states.without.system || states.start.system != states.with.system {
            rows.reader.report(
                "practice.inconsistent", "a change of perennial system is two rows: the old system shrinking, the new one growing",
                at: common.node.position, path: common.path, row: common.id,
                expected: "the same system in start, without and with", found: "\(states.start.system) / \(states.without.system) / \(states.with.system)")
            return nil
        }
        return PerennialRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }

    static func landUseChange(_ rows: inout RowReader, _ common: Common) -> LandUseChangeRow? {
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

    static func forestManagement(_ rows: inout RowReader, _ common: Common) -> ForestManagementRow? {
        let area = rows.area(common)
        var forest: ForestDescription?
        if let node = common.fields["forest"] {
            forest = rows.forest(node, path: "\(common.path).forest", row: common.id)
        } else {
            rows.reader.missing("forest", in: common.node, path: common.path, row: common.id, expected: "{ecozone, type, condition}")
        }
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("forestManagement")) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> ForestState? in
            guard let loss = rows.reader.number(fields, "biomassLossPercent", in: node, path: path(), row: common.id, required: true) else { return nil }
            guard (0...100).contains(loss) else {
                rows.reader.report(
                    "value.out-of-range", "biomassLossPercent must be between 0 and 100", at: fields["biomassLossPercent"]?.position ?? node.position,
                    path: "\(path()).biomassLossPercent", row: common.id, expected: "0…100", found: String(loss))
                return nil
            }
            return ForestState(biomassLossPercent: loss)
        }
        guard let area, let forest, let states else { return nil }
        return ForestManagementRow(id: common.id, name: common.name, forest: forest, area: area, states: states, dynamics: common.dynamics)
    }

    static func organicSoil(_ rows: inout RowReader, _ common: Common) -> OrganicSoilRow? {
        let area = rows.area(common)
        let landUses = rows.vocabulary.organicLandUses
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("organicSoils")) {
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

    static func coastalWetland(_ rows: inout RowReader, _ common: Common) -> CoastalWetlandRow? {
        let area = rows.area(common)
        func pick<Key: RawRepresentable<String> & CaseIterable>(_ key: String, _ type: Key.Type, vocabulary: String, required: Bool = false, code: String = "value.unknown")
            -> Key??
        {
            guard common.fields[key] != nil || required else { return .some(nil) }
            let text = rows.reader.choice(
                common.fields, key, in: common.node, path: "\(common.path).\(key)", row: common.id,
                allowed: Key.allCases.map(\.rawValue), vocabulary: vocabulary, required: required, code: code)
            guard let text else { return nil }
            return .some(Key(rawValue: text))
        }
        let vegetation = pick("vegetation", CoastalVegetation.self, vocabulary: "coastal vegetation", required: true, code: "practice.unknown")
        let soil = pick("soil", CoastalSoil.self, vocabulary: "coastal soil class")
        let salinity = pick("salinity", CoastalSalinity.self, vocabulary: "salinity")
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("coastalWetlands")) {
            (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> CoastalWetlandState? in
            var hectares: [Double] = []
            var valid = true
            for key in ["drainedHa", "excavatedHa", "revegetatedHa"] {
                guard fields[key] != nil else {
                    hectares.append(0)
                    continue
                }
                guard let value = rows.reader.number(fields, key, in: node, path: path(), row: common.id) else {
                    valid = false
                    continue
                }
                if value < 0 {
                    rows.reader.report(
                        "area.negative", "'\(key)' must not be negative", at: fields[key]?.position ?? node.position,
                        path: "\(path()).\(key)", row: common.id, expected: "hectares ≥ 0", found: String(value))
                    valid = false
                }
                hectares.append(value)
            }
            guard valid else { return nil }
            return CoastalWetlandState(drainedHa: hectares[0], excavatedHa: hectares[1], revegetatedHa: hectares[2])
        }
        guard let area, let states, let vegetation = vegetation ?? nil, let soil, let salinity else { return nil }
        let position = common.fields["area"]?.position ?? common.node.position
        if area.without != area.start || area.with != area.start {
            rows.reader.report(
                "coastal.area-changed", "a coastal row keeps its area: drainage, excavation and restoration are parts of it, given in the states",
                at: position, path: "\(common.path).area", row: common.id,
                expected: "start, without and with all \(area.start) ha", found: "\(area.start), \(area.without), \(area.with) ha",
                suggestion: "give the same area in all three, and the changed hectares in the states")
            return nil
        }
        for scenario in Scenario.allCases {
            let state = states[scenario]
            guard state.disturbedHa > area.start * (1 + 1e-9) else { continue }
            rows.reader.report(
                "coastal.area-exceeded", "drained, excavated and revegetated hectares are disjoint parts of the row and exceed its area in '\(scenario.rawValue)'",
                at: common.fields[scenario.rawValue]?.position ?? common.node.position, path: "\(common.path).\(scenario.rawValue)", row: common.id,
                expected: "drainedHa + excavatedHa + revegetatedHa ≤ \(area.start) ha", found: "\(state.disturbedHa) ha")
            return nil
        }
        for outcome in Outcome.allCases where states[outcome].excavatedHa < states.start.excavatedHa {
            rows.reader.report(
                "coastal.excavation-reversed",
                "fewer excavated hectares in '\(outcome.rawValue)' than at the start: FAO's engine (exact-v9.4) credits their biomass and 96 % of the top-metre carbon back at once; the ipcc method books no excavation term for them (D24)",
                at: common.fields[outcome.rawValue]?.position ?? common.node.position, path: "\(common.path).\(outcome.rawValue).excavatedHa", row: common.id,
                expected: "excavatedHa ≥ \(states.start.excavatedHa) ha", found: "\(states[outcome].excavatedHa) ha",
                suggestion: "count restored pond land as rewetted (drainedHa falling) or revegetated (revegetatedHa)", severity: .warning)
        }
        return CoastalWetlandRow(
            id: common.id, name: common.name, vegetation: vegetation, soil: soil ?? .mineral, salinity: salinity ?? .below18,
            area: area, states: states, dynamics: common.dynamics)
    }

    // MARK: - Pieces

    /// A number within bounds, optional unless `required`; `aboveMinimum` leaves the minimum itself out.
    mutating func positive(
        _ fields: Fields, _ key: String, node: JSONNode, path: @autoclosure () -> String, row: String,
        minimum: Double = 0, maximum: Double = Bounds.tonnesPerHa.maximum, aboveMinimum: Bool = false, required: Bool = false
    ) -> Double? {
        guard fields[key] != nil else {
            if required { reader.missing(key, in: node, path: path(), row: row, expected: "a number") }
            return nil
        }
        guard let value = reader.number(fields, key, in: node, path: path(), row: row) else { return nil }
        let bound = Bound(minimum: minimum, maximum: maximum, unit: "", aboveMinimum: aboveMinimum)
        guard bound.contains(value) else {
            reader.report(
                "value.out-of-range", "'\(key)' must be \(bound.description)",
                at: fields[key]?.position ?? node.position, path: joinPath(path(), key), row: row,
                expected: bound.expected, found: fields[key]?.number?.literal ?? XMLLiteral.number(value))
            return nil
        }
        return value
    }

    /// `"grassland"` or `{"landUse": "forest", "ecozone": …}`.
    mutating func landUse(_ common: Common, _ key: String) -> LandUse? {
        let path = { "\(common.path).\(key)" }
        guard let node = common.fields[key] else {
            reader.missing(key, in: common.node, path: common.path, row: common.id, expected: "a land use")
            return nil
        }
        let allowed = vocabulary.landUses
        if let text = node.string {
            guard allowed.contains(where: { sameKey($0, text) }) else {
                reader.report(
                    "practice.unknown", "unknown land use '\(text)'", at: node.position, path: path(), row: common.id,
                    expected: "one of " + allowed.prefix(10).joined(separator: ", ") + ", or a perennial system key",
                    found: "'\(text)'", suggestion: Suggestions.closest(to: text, among: allowed).map { "did you mean '\($0)'?" })
                return nil
            }
            if text == "forest" {
                reader.report(
                    "field.missing", "a forest needs its ecozone: write {\"landUse\": \"forest\", \"ecozone\": …}", at: node.position, path: path(),
                    row: common.id, expected: "{landUse, ecozone, type, condition}", found: "\"forest\"")
                return nil
            }
            return LandUse(key: text)
        }
        guard let fields = reader.object(node, path: path(), allowed: ["landUse", "ecozone", "type", "condition", "standAge"], row: common.id),
            let landUse = reader.choice(fields, "landUse", in: node, path: path(), row: common.id, allowed: allowed, vocabulary: "land use", required: true)
        else { return nil }
        guard landUse == "forest" else {
            if fields.count > 1 {
                reader.report(
                    "practice.inconsistent", "ecozone, type, condition and standAge describe forests only", at: node.position, path: path(),
                    row: common.id, expected: "only landUse for '\(landUse)'", found: fields.keys.sorted().joined(separator: ", "))
            }
            return LandUse(key: landUse)
        }
        guard let forest = forest(node, path: path(), row: common.id, extraKeys: ["landUse"]) else { return nil }
        return LandUse(key: "forest", forest: forest)
    }

    mutating func forest(_ node: JSONNode, path: @autoclosure () -> String, row: String, extraKeys: [String] = []) -> ForestDescription? {
        guard let fields = reader.object(node, path: path(), allowed: extraKeys + ["ecozone", "type", "condition", "standAge"], row: row) else { return nil }
        let ecozone = reader.choice(fields, "ecozone", in: node, path: path(), row: row, allowed: vocabulary.forestEcozones, vocabulary: "forest ecozone", required: true)
        let type = reader.choice(fields, "type", in: node, path: path(), row: row, allowed: Vocabulary.forestTypes, vocabulary: "forest type") ?? "natural"
        let condition =
            reader.choice(fields, "condition", in: node, path: path(), row: row, allowed: Vocabulary.forestConditions, vocabulary: "forest condition")
            ?? (type == "plantation" ? "secondary" : "primary")
        let standAge = reader.choice(fields, "standAge", in: node, path: path(), row: row, allowed: Vocabulary.standAges, vocabulary: "stand age") ?? "gt-20-years"
        guard let ecozone else { return nil }
        return ForestDescription(ecozone: ecozone, type: type, condition: condition, standAge: standAge)
    }
}
