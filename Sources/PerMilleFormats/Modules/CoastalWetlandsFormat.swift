import PerMille
import PerMilleJSON

/// How coastal-wetland rows are written and read: vegetation, soil, salinity, and the drained, excavated and revegetated hectares per state.
enum CoastalWetlandsFormat: ModuleFormat {
    typealias Field = ProjectSchema.Field
    typealias Kind = ProjectSchema.Kind

    static let stateFields: [Field] = [
        Field("drainedHa", ProjectSchema.hectares, "hectares under drainage; default 0"),
        Field("excavatedHa", ProjectSchema.hectares, "hectares excavated (ponds, ports, fill); default 0"),
        Field("revegetatedHa", ProjectSchema.hectares, "hectares with restored vegetation; default 0"),
    ]
    static let rowSchema = ProjectSchema.stateRow(
        stateFields,
        extra: [
            Field("vegetation", .text(.fixed(CoastalVegetation.allCases.map(\.rawValue))), required: true),
            Field("soil", .text(.fixed(CoastalSoil.allCases.map(\.rawValue))), "coastal soil class; default mineral"),
            Field("salinity", .text(.fixed(CoastalSalinity.allCases.map(\.rawValue))), "average salinity below or above 18 ppt; default lt-18"),
        ])

    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> CoastalWetlandRow? {
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
        let states = rows.states(common, allowed: ProjectSchema.stateKeys(.coastalWetlands)) {
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
}
