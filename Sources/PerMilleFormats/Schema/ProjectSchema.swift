import PerMille

/// The one description of the project file's structure: the reader takes its key lists from it,
/// and the JSON Schema and XSD that `permille schema` prints are generated from it.
enum ProjectSchema {
    /// Where an allowed-values list comes from: fixed here, or the factor tables.
    enum Values: Sendable {
        case fixed([String])
        case vocabulary(@Sendable (Vocabulary) -> [String])

        func resolve(_ vocabulary: Vocabulary) -> [String] {
            switch self {
            case .fixed(let list): list
            case .vocabulary(let pick): pick(vocabulary)
            }
        }
    }

    indirect enum Kind: Sendable {
        case text(Values?)
        case number(minimum: Double?, maximum: Double?)
        case integer(ClosedRange<Int>)
        case boolean
        case object([Field])
        case list(Kind)
        /// A key (text) or an object with more detail: climate, soil, land uses, dynamics.
        case textOrObject(Values?, [Field])
        /// Free keys with scalar values (holder-reported indicators).
        case freeMap
        /// Anything: lists of modules this version does not assess yet (refused by the reader).
        case any
    }

    struct Field: Sendable {
        var name: String
        var kind: Kind
        var required: Bool
        var help: String

        init(_ name: String, _ kind: Kind, required: Bool = false, _ help: String = "") {
            self.name = name
            self.kind = kind
            self.required = required
            self.help = help
        }
    }

    static let dynamicsValues = Values.fixed(DynamicsKind.allCases.map(\.rawValue))
    static let dynamics = Field(
        "dynamics",
        .textOrObject(
            dynamicsValues,
            [
                Field("without", .text(dynamicsValues)), Field("with", .text(dynamicsValues)),
            ]), "linear, immediate or exponential; or one per scenario")
    static let hectares = Kind.number(minimum: 0, maximum: nil)

    /// `{start, without, with}`, each required and ≥ 0: a row's hectares, heads or amounts.
    static func scenarios(_ name: String, _ help: String) -> Field {
        Field(name, .object(["start", "without", "with"].map { Field($0, hectares, required: true) }), required: true, help)
    }

    static let area = scenarios("area", "hectares")
    static let manureShares = Kind.list(
        .object([
            Field("system", .text(.vocabulary { $0.manureSystems }), required: true),
            Field("percent", .number(minimum: 0, maximum: 100), required: true),
        ]))
    static let forest = Kind.object([
        Field("ecozone", .text(.vocabulary { $0.forestEcozones }), required: true),
        Field("type", .text(.fixed(Vocabulary.forestTypes))),
        Field("condition", .text(.fixed(Vocabulary.forestConditions))),
        Field("standAge", .text(.fixed(Vocabulary.standAges))),
    ])
    static let landUse = Kind.textOrObject(
        .vocabulary { $0.landUses },
        [
            Field("landUse", .text(.vocabulary { $0.landUses }), required: true),
            Field("ecozone", .text(.vocabulary { $0.forestEcozones })),
            Field("type", .text(.fixed(Vocabulary.forestTypes))),
            Field("condition", .text(.fixed(Vocabulary.forestConditions))),
            Field("standAge", .text(.fixed(Vocabulary.standAges))),
        ])

    /// The fields of one state (start, without, with) of each land module's rows.
    static let states: [String: [Field]] = [
        "grassland": [
            Field("condition", .text(.vocabulary { $0.grasslandConditions }), required: true),
            Field("input", .text(.vocabulary { $0.improvedInputs })),
            Field("fire", .boolean),
            Field("fireFuelTonnesPerHa", hectares, "t dm/ha burnt per fire"),
            Field("fireIntervalYears", .number(minimum: 1, maximum: nil)),
        ],
        "annualCrops": [
            Field("landUse", .text(.fixed(Vocabulary.annualLandUses))),
            Field("crop", .text(.vocabulary { $0.crops })),
            Field("tillage", .text(.vocabulary { $0.tillage }), "required for annual-cropland"),
            Field("input", .text(.vocabulary { $0.inputs }), "required for annual-cropland"),
            Field("residues", .text(.fixed(Vocabulary.residues))),
            Field("yieldTonnesPerHa", hectares),
        ],
        "perennialCrops": [
            Field("system", .text(.vocabulary { $0.perennialSystems }), required: true),
            Field("tillage", .text(.vocabulary { $0.tillage })),
            Field("input", .text(.vocabulary { $0.inputs })),
            Field("standingAGBTonnesCPerHa", hectares),
        ],
        "forestManagement": [Field("biomassLossPercent", .number(minimum: 0, maximum: 100), required: true)],
        "coastalWetlands": [
            Field("drainedHa", hectares, "hectares under drainage; default 0"),
            Field("excavatedHa", hectares, "hectares excavated (ponds, ports, fill); default 0"),
            Field("revegetatedHa", hectares, "hectares with restored vegetation; default 0"),
        ],
        "organicSoils": [
            Field("landUse", .text(.vocabulary { $0.organicLandUses }), required: true),
            Field("water", .text(.fixed(Vocabulary.water)), required: true),
            Field("nutrient", .text(.fixed(Vocabulary.nutrients)), required: true),
            Field("ditchFraction", .number(minimum: 0, maximum: 1)),
        ],
        "rice": [
            Field("water", .text(.vocabulary { $0.riceWater }), required: true),
            Field("preseason", .text(.vocabulary { $0.ricePreseason }), required: true),
            Field("straw", .text(.vocabulary { $0.riceStraw })),
            Field("strawTonnesPerHa", hectares, "t dm/ha incorporated per season, with incorporated straw only"),
            Field(
                "amendments",
                .list(
                    .object([
                        Field("kind", .text(.vocabulary { $0.riceAmendments }), required: true),
                        Field("tonnesPerHa", hectares, required: true),
                    ])), "organic amendments, t/ha per season"),
            Field("cultivationDays", .number(minimum: 1, maximum: 365), "days of one season"),
            Field("seasons", .number(minimum: 1, maximum: 3), "seasons a year; seasons × cultivationDays ≤ 365"),
            Field("yieldTonnesPerHa", hectares, "paddy yield, t/ha, above 0"),
        ],
    ]

    /// State keys of a land module, as the reader accepts them.
    static func stateKeys(_ module: String) -> [String] { stateKeyLists[module] ?? [] }

    /// The key lists, built once: rows ask for them by the thousand.
    private static let stateKeyLists: [String: [String]] = states.mapValues { $0.map(\.name) }

    static func stateRow(_ module: String, extra: [Field] = []) -> Kind {
        let state = Kind.object(states[module] ?? [])
        return .object(
            [
                Field("id", .text(nil), required: true), Field("name", .text(nil)), area,
                Field("start", state, required: true), Field("without", state, required: true), Field("with", state, required: true),
                dynamics,
            ] + extra)
    }

    static let modules: [Field] =
        [
            Field(
                "landUseChange",
                .list(
                    .object([
                        Field("id", .text(nil), required: true), Field("name", .text(nil)),
                        Field("from", landUse, required: true), Field("to", landUse, required: true),
                        Field("area", .object(["without", "with"].map { Field($0, hectares, required: true) }), required: true),
                        dynamics,
                    ]))),
            Field("annualCrops", .list(stateRow("annualCrops"))),
            Field("perennialCrops", .list(stateRow("perennialCrops"))),
            Field("grassland", .list(stateRow("grassland"))),
            Field("forestManagement", .list(stateRow("forestManagement", extra: [Field("forest", forest, required: true)]))),
            Field("organicSoils", .list(stateRow("organicSoils"))),
            Field(
                "coastalWetlands",
                .list(
                    stateRow(
                        "coastalWetlands",
                        extra: [
                            Field("vegetation", .text(.fixed(CoastalVegetation.allCases.map(\.rawValue))), required: true),
                            Field("soil", .text(.fixed(CoastalSoil.allCases.map(\.rawValue))), "coastal soil class; default mineral"),
                            Field("salinity", .text(.fixed(CoastalSalinity.allCases.map(\.rawValue))), "average salinity below or above 18 ppt; default lt-18"),
                        ]))),
            Field("rice", .list(stateRow("rice"))),
            Field(
                "livestock",
                .list(
                    .object([
                        Field("id", .text(nil), required: true), Field("name", .text(nil)),
                        Field("species", .text(.vocabulary { $0.livestockSpecies }), required: true),
                        Field("productivity", .text(.vocabulary { $0.livestockProductivity })),
                        scenarios("heads", "head counts"),
                        Field("manure", manureShares, "percent of the manure per system, summing to 100"),
                        Field("manureWith", manureShares, "the with-project shares, when they differ"),
                        dynamics,
                    ]))),
            Field(
                "inputs",
                .list(
                    .object([
                        Field("id", .text(nil), required: true), Field("name", .text(nil)),
                        Field("kind", .text(.vocabulary { $0.inputKinds }), required: true),
                        scenarios("amount", "per year, in the kind's amount_unit (table input-kinds)"),
                        Field("manufacturedInCountry", .boolean),
                        Field("irrigated", .boolean),
                        Field("fuelUse", .text(.fixed(Vocabulary.fuelUses)), "fuels only"),
                        dynamics,
                    ]))),
        ] + ProjectDecoder.laterModules.map { Field($0, .list(.any), "not assessed in this version: must be empty") }

    static let project: [Field] = [
        Field("name", .text(nil), required: true),
        Field("holder", .text(nil)),
        Field("country", .text(nil), "ISO 3166-1 alpha-3 code or country key"),
        Field("region", .text(.vocabulary { $0.regions })),
        Field("startYear", .integer(1900...2200), required: true),
        Field("implementationYears", .integer(1...DescriptionReader.maximumYears), required: true),
        Field("capitalizationYears", .integer(0...DescriptionReader.maximumYears), required: true),
        Field(
            "climate",
            .textOrObject(
                .vocabulary { $0.climateZones },
                [
                    Field("meanAnnualTemperatureC", .number(minimum: nil, maximum: nil), required: true),
                    Field("annualPrecipitationMm", .number(minimum: 0, maximum: nil), required: true),
                    Field("potentialEvapotranspirationMm", .number(minimum: 0, maximum: nil), required: true),
                    Field("elevationM", .number(minimum: nil, maximum: nil), required: true),
                ]), required: true),
        Field("soil", .textOrObject(.vocabulary { $0.soilClasses }, [Field("wrb", .text(.vocabulary { $0.wrbGroups }), required: true)]), required: true),
        Field("gwp", .text(.fixed(GWPSet.allCases.map(\.rawValue)))),
        Field("factorSet", .text(.fixed(FactorSetChoice.allCases.map(\.rawValue)))),
        Field("method", .text(.fixed(Method.allCases.map(\.rawValue)))),
        Field("dynamics", .text(dynamicsValues)),
        Field("budget", .object([Field("amount", .number(minimum: nil, maximum: nil), required: true), Field("currency", .text(nil), required: true)])),
    ]

    static let override = Kind.object([
        Field("factor", .text(.vocabulary { $0.overridableFactors }), required: true),
        Field("value", .number(minimum: nil, maximum: nil), required: true),
        Field("uncertaintyPercent", .number(minimum: 0, maximum: nil)),
        Field("appliesTo", .list(.text(nil))),
        Field("source", .text(nil), required: true),
    ])

    /// The whole document (the JSON top-level object; the XML `<permille>` element).
    static let document: [Field] = [
        Field("format", .text(.fixed(["permille/1"])), required: true),
        Field("project", .object(project), required: true),
        Field("modules", .object(modules), required: true),
        Field("overrides", .list(override)),
        Field("indicators", .freeMap),
    ]

    static func keys(_ fields: [Field]) -> [String] { fields.map(\.name) }
}
