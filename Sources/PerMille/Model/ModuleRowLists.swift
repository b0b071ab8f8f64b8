/// The rows of a project, one list per module, each of the module's own row type, in file order.
///
/// Keyed by module so that `Project` names no module: a module's accessor (`project.grassland`)
/// lives with its row type.
public struct ModuleRowLists: Sendable {
    private var lists: [ModuleKind: any RowList] = [:]

    public init() {}

    /// Rows of various modules, grouped by module in the order given.
    public init(_ rows: [any ProjectRow]) {
        for row in rows { row.append(to: &self) }
    }

    /// The rows of the module whose row type is `Row`.
    public subscript<Row: ProjectRow>(_ type: Row.Type) -> [Row] {
        get { (lists[Row.module] as? [Row]) ?? [] }
        set { lists[Row.module] = newValue.isEmpty ? nil : newValue }
    }

    /// Adds one row at the end of its module's list.
    public mutating func append<Row: ProjectRow>(_ row: Row) {
        // Taken out of the dictionary first so the list is uniquely held and grows in place.
        var list = (lists.removeValue(forKey: Row.module) as? [Row]) ?? []
        list.append(row)
        lists[Row.module] = list
    }

    /// Number of rows of one module.
    public func count(of module: ModuleKind) -> Int { lists[module]?.count ?? 0 }

    /// Row ids of one module, in file order.
    public func ids(of module: ModuleKind) -> [String] { lists[module]?.ids ?? [] }

    /// Appends `other`'s rows after this one's, module by module; a module's first list is taken
    /// whole, sharing its storage.
    public mutating func append(contentsOf other: ModuleRowLists) {
        for (module, list) in other.lists {
            lists[module] = lists[module].map { $0.appending(list) } ?? list
        }
    }
}

/// A list of one module's rows, whatever the row type.
protocol RowList: Sendable {
    var count: Int { get }
    var ids: [String] { get }
    func appending(_ other: any RowList) -> any RowList
}

extension Array: RowList where Element: ProjectRow {
    var ids: [String] { map(\.id) }

    func appending(_ other: any RowList) -> any RowList {
        guard let other = other as? [Element], !other.isEmpty else { return self }
        return isEmpty ? other : self + other
    }
}

extension ProjectRow {
    /// Adds the row to its module's list (lets a list of mixed rows be grouped).
    public func append(to lists: inout ModuleRowLists) {
        lists.append(self)
    }
}
