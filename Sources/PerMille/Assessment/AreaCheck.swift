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
        var rows: [String: [(id: String, area: Triple<Double>)]] = [:]
        for row in project.annualCrops { rows["annual cropland", default: []].append((row.id, row.area)) }
        for row in project.perennialCrops { rows["perennial cropland", default: []].append((row.id, row.area)) }
        for row in project.rice { rows["flooded rice", default: []].append((row.id, row.area)) }
        for row in project.grassland { rows["grassland", default: []].append((row.id, row.area)) }
        for row in project.forestManagement { rows["forest", default: []].append((row.id, row.area)) }

        for outcome in Outcome.allCases {
            for (landCategory, members) in rows.sorted(by: { $0.key < $1.key }) {
                let changing = members.filter { $0.area[outcome] != $0.area.start }
                guard !changing.isEmpty else { continue }
                let change = changing.reduce(0) { $0 + $1.area[outcome] - $1.area.start }
                let into = project.landUseChange.filter { category(ofLandUse: $0.to.key, perennialSystems: perennialSystems) == landCategory && $0.area[outcome] > 0 }
                let out = project.landUseChange.filter { category(ofLandUse: $0.from.key, perennialSystems: perennialSystems) == landCategory && $0.area[outcome] > 0 }
                let inflow = into.reduce(0) { $0 + $1.area[outcome] }
                let outflow = out.reduce(0) { $0 + $1.area[outcome] }
                let ids = changing.map(\.id)
                let text = "\(ids.joined(separator: ", ")) \(change > 0 ? "gain" : "lose") \(hectares(abs(change))) ha of \(landCategory) in '\(outcome.rawValue)'"
                if change > tolerance(change), inflow == 0 {
                    issues.append(Issue(
                        code: "area.unexplained-gain", severity: .error,
                        message: "rows \(text), but no land-use-change row brings land into \(landCategory)",
                        rowIDs: ids, outcome: outcome, expected: "a landUseChange row to \(landCategory) of \(hectares(change)) ha",
                        found: "none"))
                } else if change < -tolerance(change), outflow == 0 {
                    issues.append(Issue(
                        code: "area.unexplained-loss", severity: .error,
                        message: "rows \(text), but no land-use-change row takes land out of \(landCategory)",
                        rowIDs: ids, outcome: outcome, expected: "a landUseChange row from \(landCategory) of \(hectares(-change)) ha",
                        found: "none"))
                } else if abs(change - (inflow - outflow)) > tolerance(change) {
                    issues.append(Issue(
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
                issues.append(Issue(
                    code: "area.organic-total", severity: .error,
                    message: "organic-soil rows total \(hectares(organicEnd)) ha in '\(outcome.rawValue)' but \(hectares(organicStart)) ha at the start; organic soil is not converted, its use changes in the row's states",
                    rowIDs: ids, outcome: outcome, expected: "\(hectares(organicStart)) ha", found: "\(hectares(organicEnd)) ha"))
            }
        }
        return issues
    }

    /// The project's land, each hectare once: Σ A_start of the land rows, plus the land of conversion rows
    /// that no row already holds. A conversion out of a category whose rows lose land takes that land
    /// from them; beyond what they lose (or from land no module describes) it adds land of its own.
    public static func projectArea(_ project: Project, perennialSystems: Set<String>) -> Double {
        var area = project.annualCrops.reduce(0) { $0 + $1.area.start } + project.perennialCrops.reduce(0) { $0 + $1.area.start }
            + project.rice.reduce(0) { $0 + $1.area.start } + project.grassland.reduce(0) { $0 + $1.area.start }
            + project.forestManagement.reduce(0) { $0 + $1.area.start } + project.organicSoils.reduce(0) { $0 + $1.area.start }
        guard !project.landUseChange.isEmpty else { return area }
        var loss: [String: (without: Double, with: Double)] = [:]
        func lose(_ category: String, _ area: Triple<Double>) {
            let before = loss[category] ?? (0, 0)
            loss[category] = (before.without + max(0, area.start - area.without), before.with + max(0, area.start - area.with))
        }
        project.annualCrops.forEach { lose("annual cropland", $0.area) }
        project.perennialCrops.forEach { lose("perennial cropland", $0.area) }
        project.rice.forEach { lose("flooded rice", $0.area) }
        project.grassland.forEach { lose("grassland", $0.area) }
        project.forestManagement.forEach { lose("forest", $0.area) }
        var out: [String: (without: Double, with: Double)] = [:]
        for row in project.landUseChange {
            let key = category(ofLandUse: row.from.key, perennialSystems: perennialSystems) ?? "outside the modules: \(row.from.key)"
            let before = out[key] ?? (0, 0)
            out[key] = (before.without + row.area.without, before.with + row.area.with)
        }
        for (category, converted) in out.sorted(by: { $0.key < $1.key }) {
            let held = loss[category] ?? (0, 0)
            area += max(0, max(converted.without, converted.with) - max(held.without, held.with))
        }
        return area
    }

    private static func tolerance(_ value: Double) -> Double { 1e-6 * max(1, abs(value)) }

    private static func hectares(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
