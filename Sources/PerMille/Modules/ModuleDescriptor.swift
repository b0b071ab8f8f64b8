/// What the core knows about one EX-ACT module, declared beside its arithmetic in the module's own
/// folder: its row type, the factor tables its rows read, how a row is assessed, what land it
/// describes and which of its fields name practices.
///
/// The reader, the schema and the report side (`PerMilleFormats`) have a matching declaration,
/// `ModuleFormat`. Everything that must know every module iterates `ModuleKind.allCases` and asks
/// the descriptor; no other code switches over modules (Docs/adding-a-module.md).
protocol ModuleDescriptor: Sendable {
    associatedtype Row: ProjectRow

    /// Title as EX-ACT's results table names it.
    static var title: String { get }
    /// The factor tables its rows can read, besides `TableNeeds.always`.
    static var tables: Set<String> { get }
    /// The land category its rows hold, for the area checks (nil: rows are not land, or, for
    /// land-use change, land that moves between categories).
    static var landCategory: LandCategory? { get }
    /// The row's with-project values of a practice field (`tillage`), for practice sheets and criteria.
    static func practiceValues(of row: Row, field: String) -> [String]
    /// The row's emissions and removals per gas and year in both scenarios, with every factor used.
    static func assess(_ row: Row, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult
}

extension ModuleDescriptor {
    static var landCategory: LandCategory? { nil }
    static func practiceValues(of row: Row, field: String) -> [String] { [] }
}

/// A land category between which land-use change moves hectares (method.md §3.3), with what a
/// row of its module assesses that a conversion into it alone does not.
struct LandCategory: Sendable, Hashable {
    /// What is left out when converted land has no row of the category's module.
    enum Unassessed: Sendable, Hashable {
        /// The land's own practices (named) after conversion.
        case practices(String)
        /// The biomass growth of the new land use.
        case growth
    }

    /// `annual cropland`, as messages name it.
    var name: String
    /// Nil where the conversion row itself assesses the new land (new forest grows in it).
    var unassessed: Unassessed?
}

/// The modules of an EX-ACT assessment, keyed as in project files, in the order of EX-ACT's
/// results table.
///
/// Registering a module is a case here and a line in `descriptor` (and its `ModuleFormat` in
/// `PerMilleFormats`); both switches are exhaustive, so the compiler names what a new case lacks.
public enum ModuleKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case landUseChange
    case annualCrops
    case perennialCrops
    case rice
    case grassland
    case livestock
    case forestManagement
    case organicSoils
    case coastalWetlands
    case inputs

    /// The module's declaration.
    var descriptor: any ModuleDescriptor.Type {
        switch self {
        case .landUseChange: LandUseChangeModule.self
        case .annualCrops: AnnualCroplandModule.self
        case .perennialCrops: PerennialModule.self
        case .rice: RiceModule.self
        case .grassland: GrasslandModule.self
        case .livestock: LivestockModule.self
        case .forestManagement: ForestManagementModule.self
        case .organicSoils: OrganicSoilsModule.self
        case .coastalWetlands: CoastalWetlandsModule.self
        case .inputs: InputsModule.self
        }
    }

    /// Position in EX-ACT's results table (`allCases` is already in that order).
    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    /// Title as EX-ACT's results table names it.
    public var title: String { descriptor.title }

    /// Whether the module's rows are pieces of land (livestock and inputs rows count heads and amounts).
    public var isLand: Bool {
        func holdsLand<Module: ModuleDescriptor>(_: Module.Type) -> Bool { Module.Row.self is any LandRow.Type }
        return holdsLand(descriptor)
    }

    /// The factor tables the module's rows can read, besides `TableNeeds.always`.
    public var tables: Set<String> { descriptor.tables }

    /// The with-project values of `field` in the rows of this module, with each row's id and
    /// with-project hectares (practice sheets and criteria match rows by them).
    public func rows(in project: Project, havingPractice value: String, in field: String) -> [(id: String, hectares: Double)] {
        func pick<M: ModuleDescriptor>(_ module: M.Type) -> [(id: String, hectares: Double)] {
            project.rows(M.Row.self).filter { M.practiceValues(of: $0, field: field).contains(value) }.map { ($0.id, $0.area.with) }
        }
        return pick(descriptor)
    }
}
