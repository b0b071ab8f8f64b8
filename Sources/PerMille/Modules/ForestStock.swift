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
        let region = try context.region(rowID: rowID, table: "forest-biomass")
        let agbFactor = try context.factor("forest-agb-stock", rowID: rowID) { () throws(MissingFactor) in
            let key = [
                "ecozone": forest.ecozone, "region": region, "forest_type": forest.type,
                "forest_condition": forest.condition, "stand_age": forest.standAge, "parameter": "agb-stock",
            ]
            let low = try context.lookup("forest-biomass", key, column: "value_min")
            let high = try context.lookup("forest-biomass", key, column: "value_max")
            guard low.value != high.value else { return low }
            return low.deriving(value: (low.value + high.value) / 2, note: "midpoint of the range \(low.value)–\(high.value) t C/ha")
        }
        let agb = recorder.use("AGB(\(label))", agbFactor)
        let rootToShoot = recorder.use("R(\(label))", try Self.rootToShoot(forest, agbCarbon: agb, region: region, rowID: rowID, context: context))
        var dom = 0.0
        for pool in ["litter", "deadwood"] {
            let factor = try context.factor("forest-\(pool)", rowID: rowID) { () throws(MissingFactor) in
                try context.lookup("forest-litter-deadwood", [
                    "ecozone": forest.ecozone, "climate": context.site.climateZone.thermalClass, "forest_type": forest.type, "pool": pool,
                ], ignoring: ["climate"])
            }
            dom += recorder.use("\(pool)(\(label))", factor)
        }
        return ForestStock(agb: agb, rootToShoot: rootToShoot, deadOrganicMatter: dom)
    }

    /// R by AGB class: IPCC splits at 125 t dm/ha (75 in boreal zones).
    static func rootToShoot(
        _ forest: ForestDescription, agbCarbon: Double, region: String, rowID: String, context: AssessmentContext
    ) throws(MissingFactor) -> Factor {
        let threshold = forest.ecozone.hasPrefix("boreal") ? 75.0 : 125.0
        let drymatter = agbCarbon / (try context.constant("carbon-fraction", rowID: rowID)).value
        let agbClass = drymatter < threshold ? "agb-lt-\(Int(threshold))" : "agb-ge-\(Int(threshold))"
        return try context.factor("forest-root-to-shoot", rowID: rowID) { () throws(MissingFactor) in
            try context.lookup("forest-root-to-shoot", [
                "ecozone": forest.ecozone, "region": region, "forest_type": forest.type, "agb_class": agbClass,
            ])
        }
    }
}
