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

    /// State keys of a module's rows, as the reader accepts them.
    static func stateKeys(_ module: ModuleKind) -> [String] { stateKeyLists[module] ?? [] }

    /// The key lists, built once: rows ask for them by the thousand.
    private static let stateKeyLists: [ModuleKind: [String]] = Dictionary(
        uniqueKeysWithValues: ModuleKind.allCases.map { ($0, $0.format.stateFields.map(\.name)) })

    /// The keys a row of each module may have.
    static let rowKeys: [String: [String]] = Dictionary(
        uniqueKeysWithValues: ModuleKind.allCases.map { module in
            guard case .object(let fields) = module.format.rowSchema else { return (module.rawValue, []) }
            return (module.rawValue, keys(fields))
        })

    /// A row of a module with states: id, name, area, the three states and dynamics, and `extra`.
    static func stateRow(_ stateFields: [Field], extra: [Field] = []) -> Kind {
        let state = Kind.object(stateFields)
        return .object(
            [
                Field("id", .text(nil), required: true), Field("name", .text(nil)), area,
                Field("start", state, required: true), Field("without", state, required: true), Field("with", state, required: true),
                dynamics,
            ] + extra)
    }

    static let modules: [Field] =
        ModuleKind.allCases.map { Field($0.rawValue, .list($0.format.rowSchema)) }
        + ProjectDecoder.laterModules.map { Field($0, .list(.any), "not assessed in this version: must be empty") }

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
