/// Living biomass and dead organic matter of a forest, per hectare, from the forest tables.
struct ForestStock {
    /// Above-ground biomass, t C/ha.
    var agb: Double
    var rootToShoot: Double
    /// Litter + dead wood, t C/ha.
    var deadOrganicMatter: Double

    /// AGB × (1 + R), t C/ha.
    var living: Double { agb * (1 + rootToShoot) }

    static func lookUp(
        _ forest: ForestDescription, label: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> ForestStock {
        try context.memoized("forest-stock", forest.description, label, rowID: rowID, recorder: &recorder) {
            (recorder: inout RowRecorder) throws(MissingFactor) -> ForestStock in
            try lookUpOnce(forest, label: label, rowID: rowID, context: context, recorder: &recorder)
        }
    }

    private static func lookUpOnce(
        _ forest: ForestDescription, label: String, rowID: String, context: AssessmentContext, recorder: inout RowRecorder
    ) throws(MissingFactor) -> ForestStock {
        let region = try context.region(rowID: rowID, table: "forest-biomass")
        let agbFactor = try context.factor("forest-agb-stock", rowID: rowID) { () throws(MissingFactor) in
            let key = [
                "ecozone": forest.ecozone, "region": region, "forest_type": forest.type,
                "forest_condition": forest.condition, "stand_age": forest.standAge, "parameter": "agb-stock",
            ]
            let low = try context.lookup("forest-biomass", key, column: "value_min")
            let high = try context.lookup("forest-biomass", key, column: "value_max")
            guard low.nominalValue != high.nominalValue else { return low }
            return low.deriving(value: (low.value + high.value) / 2, note: "midpoint of the range \(low.value)–\(high.value) t C/ha")
        }
        let agb = recorder.use("AGB(\(label))", agbFactor)
        let rootToShoot = recorder.use("R(\(label))", try Self.rootToShoot(forest, agbCarbon: agb, region: region, rowID: rowID, context: context))
        var dom = 0.0
        for pool in ["litter", "deadwood"] {
            let factor = try context.factor("forest-\(pool)", rowID: rowID) { () throws(MissingFactor) in
                try context.lookup(
                    "forest-litter-deadwood",
                    [
                        "ecozone": forest.ecozone, "climate": context.site.climateZone.thermalClass, "forest_type": forest.type, "pool": pool,
                    ], ignoring: ["climate"])
            }
            dom += recorder.use("\(pool)(\(label))", factor)
        }
        return ForestStock(agb: agb, rootToShoot: rootToShoot, deadOrganicMatter: dom)
    }

    /// R by AGB class. The table names its classes by their bound (`agb-lt-125`, `agb-ge-125`;
    /// boreal `agb-lt-75`), so the bound is read from the data, not written here.
    static func rootToShoot(
        _ forest: ForestDescription, agbCarbon: Double, region: String, rowID: String, context: AssessmentContext
    ) throws(MissingFactor) -> Factor {
        let drymatter = agbCarbon / (try context.constant("carbon-fraction", rowID: rowID)).value
        let classes =
            context.factors.tables["forest-root-to-shoot"]?.records
            .filter { $0.key[0] == forest.ecozone && $0.key[1] == region && $0.key[2] == forest.type }
            .map { $0.key[3] } ?? []
        let agbClass =
            classes.first { name in
                if name.hasPrefix("agb-lt-"), let bound = Double(name.dropFirst("agb-lt-".count)) { return drymatter < bound }
                if name.hasPrefix("agb-ge-"), let bound = Double(name.dropFirst("agb-ge-".count)) { return drymatter >= bound }
                return name == "any"
            } ?? "any"
        return try context.factor("forest-root-to-shoot", rowID: rowID) { () throws(MissingFactor) in
            try context.lookup(
                "forest-root-to-shoot",
                [
                    "ecozone": forest.ecozone, "region": region, "forest_type": forest.type, "agb_class": agbClass,
                ])
        }
    }
}
