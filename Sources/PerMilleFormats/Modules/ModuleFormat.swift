import PerMille
import PerMilleJSON

/// How one module's rows are written in a project file: the fields the schema describes and the
/// reader that turns a row's JSON (or XML, read into the same tree) into the module's row type.
///
/// The core's `ModuleDescriptor` holds the rest of the module (factors, arithmetic); reading,
/// the JSON Schema and XSD, and the key checks iterate `ModuleKind.allCases` and ask `format`.
protocol ModuleFormat {
    associatedtype Row: ProjectRow

    /// Fields of one state (start, without, with); empty for rows without states.
    static var stateFields: [ProjectSchema.Field] { get }
    /// A row as the schema describes it; its field names are the keys a row may have.
    static var rowSchema: ProjectSchema.Kind { get }
    /// Reads one row, reporting every problem at its position; nil when the row cannot be used.
    static func read(_ rows: inout RowReader, _ common: RowReader.Common) -> Row?
}

extension ModuleFormat {
    static var stateFields: [ProjectSchema.Field] { [] }
}

extension ModuleKind {
    /// The module's project-file declaration (registered beside `descriptor` in the core).
    var format: any ModuleFormat.Type {
        switch self {
        case .landUseChange: LandUseChangeFormat.self
        case .annualCrops: AnnualCroplandFormat.self
        case .perennialCrops: PerennialFormat.self
        case .rice: RiceFormat.self
        case .grassland: GrasslandFormat.self
        case .livestock: LivestockFormat.self
        case .forestManagement: ForestManagementFormat.self
        case .organicSoils: OrganicSoilsFormat.self
        case .coastalWetlands: CoastalWetlandsFormat.self
        case .inputs: InputsFormat.self
        }
    }

    /// Reads this module's rows (those in `range`, or all) into `lists`.
    func readRows(_ node: JSONNode, range: Range<Int>?, with reader: inout RowReader, into lists: inout ModuleRowLists) {
        func read<Format: ModuleFormat>(_: Format.Type) {
            lists[Format.Row.self] = reader.list(node, module: rawValue, range: range, read: Format.read)
        }
        read(format)
    }
}
