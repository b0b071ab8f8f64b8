/// Land-area consistency of a project (method.md §3.3), checked before any number is computed.
///
/// Land only moves between modules through land-use-change rows: a module whose rows gain (lose)
/// hectares in a scenario needs a land-use-change row bringing land in (taking it out). Organic soils
/// cannot be converted, so their total stays the start total. Rows whose area does not change leave
/// the land-use-change rows to describe land outside them, so only changing rows are compared.
public enum AreaCheck {
    public struct Issue: Sendable, Hashable {
        public enum Severity: Sendable, Hashable { case error, warning }
        public var code: String
        public var severity: Severity
        public var message: String
        /// The rows concerned, first the module rows, then the land-use-change rows.
        public var rowIDs: [String]
        public var outcome: Outcome
        public var expected: String
        public var found: String
    }

    /// The land category of a land-use key, or nil for land no module describes (degraded, bare).
    static func category(ofLandUse key: String, perennialSystems: Set<String>) -> String? {
        switch key {
        case "forest": "forest"
        case "annual-cropland", "set-aside": "annual cropland"
        case "flooded-rice": "flooded rice"
        case "grassland": "grassland"
        case "perennial-cropland": "perennial cropland"
        default: perennialSystems.contains(key) ? "perennial cropland" : nil
        }
    }

    public static func check(_ project: Project, perennialSystems: Set<String>) -> [Issue] {
        var issues: [Issue] = []
        // Each conversion's categories are found once, not once per outcome and category.
        let conversions = Conversion.all(in: project, perennialSystems: perennialSystems)
        for outcome in Outcome.allCases {
            // Categories in name order, as the messages have always come.
            for land in LandAreas.all(in: project) {
                let landCategory = land.category
                let changing = land.areas.indices.filter { land.areas[$0][outcome] != land.areas[$0].start }
                guard !changing.isEmpty else { continue }
                let change = changing.reduce(0) { $0 + land.areas[$1][outcome] - land.areas[$1].start }
                let into = conversions.filter { $0.to == landCategory && $0.area[outcome] > 0 }
                let out = conversions.filter { $0.from == landCategory && $0.area[outcome] > 0 }
                let inflow = into.reduce(0) { $0 + $1.area[outcome] }
                let outflow = out.reduce(0) { $0 + $1.area[outcome] }
                let ids = changing.map(land.id)
                let text = "\(listing(ids)) \(change > 0 ? "gain" : "lose") \(hectares(abs(change))) ha of \(landCategory) in '\(outcome.rawValue)'"
                if change > tolerance(change), inflow == 0 {
                    issues.append(
                        Issue(
                            code: "area.unexplained-gain", severity: .error,
                            message: "rows \(text), but no land-use-change row brings land into \(landCategory)",
                            rowIDs: ids, outcome: outcome, expected: "a landUseChange row to \(landCategory) of \(hectares(change)) ha",
                            found: "none"))
                } else if change < -tolerance(change), outflow == 0 {
                    issues.append(
                        Issue(
                            code: "area.unexplained-loss", severity: .error,
                            message: "rows \(text), but no land-use-change row takes land out of \(landCategory)",
                            rowIDs: ids, outcome: outcome, expected: "a landUseChange row from \(landCategory) of \(hectares(-change)) ha",
                            found: "none"))
                } else if abs(change - (inflow - outflow)) > tolerance(change) {
                    issues.append(
                        Issue(
                            code: "area.unbalanced", severity: .warning,
                            message: "rows \(text), while land-use-change rows move \(hectares(inflow - outflow)) ha net into \(landCategory)",
                            rowIDs: ids + (into + out).map(\.id), outcome: outcome,
                            expected: "\(hectares(inflow - outflow)) ha (land-use change in − out)", found: "\(hectares(change)) ha"))
                }
            }
            let organicStart = project.organicSoils.reduce(0) { $0 + $1.area.start }
            let organicEnd = project.organicSoils.reduce(0) { $0 + $1.area[outcome] }
            if abs(organicEnd - organicStart) > tolerance(organicStart) {
                let ids = project.organicSoils.filter { $0.area[outcome] != $0.area.start }.map(\.id)
                issues.append(
                    Issue(
                        code: "area.organic-total", severity: .error,
                        message:
                            "organic-soil rows total \(hectares(organicEnd)) ha in '\(outcome.rawValue)' but \(hectares(organicStart)) ha at the start; organic soil is not converted, its use changes in the row's states",
                        rowIDs: ids, outcome: outcome, expected: "\(hectares(organicStart)) ha", found: "\(hectares(organicEnd)) ha"))
            }
        }
        issues += unreceived(conversions, in: project)
        return issues
    }

    /// Conversions into a category no row of the project describes (method.md §3.3). New forest
    /// grows in its land-use-change row; any other category's land is then counted by the
    /// conversion alone: a perennial system's growth is left out entirely, and the received land's
    /// own practices (residues, inputs, water, grazing) are not assessed.
    static func unreceived(_ conversions: [Conversion], in project: Project) -> [Issue] {
        let described = Set(LandAreas.all(in: project).map(\.category))
        var issues: [Issue] = []
        for (index, conversion) in conversions.enumerated() {
            guard let category = conversion.to, category != "forest", !described.contains(category) else { continue }
            guard let outcome = Outcome.allCases.first(where: { conversion.area[$0] > 0 }) else { continue }
            let row = project.landUseChange[index]
            guard let module = ModuleKind.allCases.first(where: { $0.descriptor.landCategory?.name == category }),
                let unassessed = module.descriptor.landCategory?.unassessed
            else { continue }
            let leftOut =
                switch unassessed {
                case .growth: "the biomass growth of the new \(row.to.key) is left out (the conversion books only the land it replaces)"
                case .practices(let practices):
                    "the land's practices after conversion (\(practices)) are not assessed; the conversion counts its soil and first-year biomass with the defaults"
                }
            issues.append(
                Issue(
                    code: "conversion.unreceived", severity: .warning,
                    message: "row \(row.id) converts land to \(row.to.key), but no \(module) row receives it: \(leftOut)",
                    rowIDs: [row.id], outcome: outcome,
                    expected: "a \(module) row of \(row.to.key) starting at 0 ha and reaching the converted hectares",
                    found: "no \(module) row"))
        }
        return issues
    }

    /// The project's land, each hectare once: Σ A_start of the land rows, plus the land of conversion rows
    /// that no row already holds. A conversion out of a category whose rows lose land takes that land
    /// from them; beyond what they lose (or from land no module describes) it adds land of its own.
    public static func projectArea(_ project: Project, perennialSystems: Set<String>) -> Double {
        // Module by module, in EX-ACT's order: the sum's rounding is part of the result.
        var area = 0.0
        for module in ModuleKind.allCases where module.isLand && module != .landUseChange {
            area += module.startArea(in: project)
        }
        let lands = LandAreas.all(in: project)
        guard !project.landUseChange.isEmpty else { return area }
        var loss: [String: (without: Double, with: Double)] = [:]
        for land in lands {
            loss[land.category] = land.areas.reduce((without: 0.0, with: 0.0)) {
                ($0.without + max(0, $1.start - $1.without), $0.with + max(0, $1.start - $1.with))
            }
        }
        var out: [String: (without: Double, with: Double)] = [:]
        for conversion in Conversion.all(in: project, perennialSystems: perennialSystems) {
            let key = conversion.from ?? "outside the modules: \(conversion.fromKey)"
            let before = out[key] ?? (0, 0)
            out[key] = (before.without + conversion.area.without, before.with + conversion.area.with)
        }
        for (category, converted) in out.sorted(by: { $0.key < $1.key }) {
            let held = loss[category] ?? (0, 0)
            area += max(0, max(converted.without, converted.with) - max(held.without, held.with))
        }
        return area
    }

    /// The areas of one land category's rows, with their ids fetched only for rows a message names.
    struct LandAreas {
        var category: String
        var areas: [Triple<Double>]
        var id: (Int) -> String

        init<Module: ModuleDescriptor>(_: Module.Type, project: Project) {
            let rows = project.rows(Module.Row.self)
            category = Module.landCategory?.name ?? ""
            areas = rows.map(\.area)
            id = { rows[$0].id }
        }

        /// The land modules in category-name order (the order of the messages).
        static func all(in project: Project) -> [LandAreas] {
            ModuleKind.allCases.filter { $0.descriptor.landCategory != nil }
                .map { LandAreas($0.descriptor, project: project) }
                .filter { !$0.areas.isEmpty }
                .sorted { $0.category < $1.category }
        }
    }

    /// A land-use-change row with the categories it moves land between.
    struct Conversion {
        var id: String
        var from: String?
        var to: String?
        var fromKey: String
        var area: Triple<Double>

        static func all(in project: Project, perennialSystems: Set<String>) -> [Conversion] {
            // Conversion rows mostly repeat the row before's land uses: the last answer on each side
            // is reused, which saves a set lookup (a hash of the key) per row.
            var from: (key: String, category: String?) = ("", nil)
            var to: (key: String, category: String?) = ("", nil)
            func classify(_ key: String, _ last: inout (key: String, category: String?)) -> String? {
                if last.key.isEmpty || last.key != key { last = (key, category(ofLandUse: key, perennialSystems: perennialSystems)) }
                return last.category
            }
            return project.landUseChange.map { row in
                Conversion(
                    id: row.id, from: classify(row.from.key, &from), to: classify(row.to.key, &to), fromKey: row.from.key, area: row.area)
            }
        }
    }

    /// Row ids for a message: all of them up to ten, else the first ten and how many in all
    /// (the issue itself keeps every id; a message naming thousands helps nobody).
    static func listing(_ ids: [String]) -> String {
        guard ids.count > 10 else { return ids.joined(separator: ", ") }
        return ids.prefix(10).joined(separator: ", ") + ", … (\(ids.count) rows)"
    }

    private static func tolerance(_ value: Double) -> Double { 1e-6 * max(1, abs(value)) }

    private static func hectares(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension ModuleKind {
    /// Σ A_start of the module's rows, in file order.
    func startArea(in project: Project) -> Double {
        func sum<Module: ModuleDescriptor>(_: Module.Type) -> Double { project.rows(Module.Row.self).reduce(0) { $0 + $1.area.start } }
        return sum(descriptor)
    }
}
