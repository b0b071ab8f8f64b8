import PerMille
import PerMilleJSON

/// Readers of the rice, livestock and inputs modules.
extension RowReader {
    static func rice(_ rows: inout RowReader, _ common: Common) -> RiceRow? {
        let area = rows.area(common)
        let vocabulary = rows.vocabulary
        let states = rows.states(common, allowed: ProjectSchema.stateKeys("rice")) { (rows: inout RowReader, fields: Fields, node: JSONNode, path: () -> String) -> RiceState? in
            let water = rows.reader.choice(fields, "water", in: node, path: path(), row: common.id, allowed: vocabulary.riceWater, vocabulary: "rice water regime", required: true)
            let preseason = rows.reader.choice(
                fields, "preseason", in: node, path: path(), row: common.id, allowed: vocabulary.ricePreseason, vocabulary: "rice pre-season water regime", required: true)
            let straw = rows.reader.choice(fields, "straw", in: node, path: path(), row: common.id, allowed: vocabulary.riceStraw, vocabulary: "rice straw handling")
            let strawTonnes = rows.positive(fields, "strawTonnesPerHa", node: node, path: path(), row: common.id)
            var consistent = true
            // An unknown straw value is reported already; no straw at all means it is exported.
            if let strawNode = fields["strawTonnesPerHa"], fields["straw"] == nil || straw != nil, !(straw?.hasPrefix("incorporated") ?? false) {
                let incorporated = vocabulary.riceStraw.filter { $0.hasPrefix("incorporated") }
                rows.reader.report(
                    "practice.inconsistent", "'strawTonnesPerHa' applies to incorporated straw only", at: strawNode.position,
                    path: "\(path()).strawTonnesPerHa", row: common.id,
                    expected: "straw " + incorporated.map { "\"\($0)\"" }.joined(separator: " or "),
                    found: straw.map { "straw \"\($0)\"" } ?? "no straw (exported)")
                consistent = false
            }
            let amendments = rows.amendments(fields["amendments"], path: "\(path()).amendments", row: common.id)
            let days = rows.positive(fields, "cultivationDays", node: node, path: path(), row: common.id, minimum: 1, maximum: 365)
            let seasons = rows.positive(fields, "seasons", node: node, path: path(), row: common.id, minimum: 1, maximum: 3)
            let yield = rows.positive(fields, "yieldTonnesPerHa", node: node, path: path(), row: common.id, minimum: 0, aboveMinimum: true)
            if let days, let seasons, seasons * days > 365 {
                let literal = { (key: String, value: Double) in fields[key]?.number?.literal ?? RowReader.figure(value) }
                rows.reader.report(
                    "rice.season-length", "the seasons of row '\(common.id)' do not fit in one year", at: fields["cultivationDays"]?.position ?? node.position,
                    path: "\(path()).cultivationDays", row: common.id, expected: "seasons × cultivationDays ≤ 365",
                    found: "\(literal("seasons", seasons)) × \(literal("cultivationDays", days)) = \(RowReader.figure(seasons * days)) days")
                consistent = false
            }
            guard let water, let preseason, let amendments, consistent else { return nil }
            return RiceState(
                water: water, preseason: preseason, straw: straw, strawTonnesPerHa: strawTonnes, amendments: amendments,
                cultivationDays: days, seasons: seasons ?? 1, yieldTonnesPerHa: yield)
        }
        guard let area, let states else { return nil }
        return RiceRow(id: common.id, name: common.name, area: area, states: states, dynamics: common.dynamics)
    }

    static func livestock(_ rows: inout RowReader, _ common: Common) -> LivestockRow? {
        let vocabulary = rows.vocabulary
        let species = rows.reader.choice(
            common.fields, "species", in: common.node, path: common.path, row: common.id, allowed: vocabulary.livestockSpecies, vocabulary: "livestock species",
            required: true)
        let productivity = rows.reader.choice(
            common.fields, "productivity", in: common.node, path: common.path, row: common.id, allowed: vocabulary.livestockProductivity,
            vocabulary: "livestock productivity")
        let heads = rows.area(common, quantity: .heads)
        let manure = rows.manureShares(common, "manure")
        let manureWith = rows.manureShares(common, "manureWith")
        guard let species, let heads, let manure, let manureWith else { return nil }
        return LivestockRow(
            id: common.id, name: common.name, species: species, productivity: productivity ?? "default", heads: heads,
            manure: Triple(start: manure.shares, without: manure.shares, with: manureWith.shares ?? manure.shares), dynamics: common.dynamics)
    }

    static func input(_ rows: inout RowReader, _ common: Common) -> InputRow? {
        let vocabulary = rows.vocabulary
        let kind = rows.reader.choice(
            common.fields, "kind", in: common.node, path: common.path, row: common.id, allowed: vocabulary.inputKinds, vocabulary: "input kind", required: true)
        let details = kind.flatMap { vocabulary.inputKindDetails[$0] }
        let amount = rows.area(common, quantity: .amount(unit: details?.unit ?? "the kind's amount_unit"))
        let manufactured = rows.reader.bool(common.fields, "manufacturedInCountry", path: common.path, row: common.id)
        let irrigated = rows.reader.bool(common.fields, "irrigated", path: common.path, row: common.id)
        var fuelUse = rows.reader.choice(
            common.fields, "fuelUse", in: common.node, path: common.path, row: common.id, allowed: Vocabulary.fuelUses, vocabulary: "fuel use")
        if let use = fuelUse, let kind, let details, let node = common.fields["fuelUse"] {
            if details.fuelUses.isEmpty {
                let fuels = vocabulary.inputKinds.filter { !(vocabulary.inputKindDetails[$0]?.fuelUses.isEmpty ?? true) }
                rows.reader.report(
                    "practice.inconsistent", "'fuelUse' applies to fuels only, and '\(kind)' is not one", at: node.position,
                    path: "\(common.path).fuelUse", row: common.id, expected: "a fuel kind: " + fuels.joined(separator: ", "), found: "kind \"\(kind)\"")
                fuelUse = nil
            } else if !details.fuelUses.contains(use) {
                rows.reader.report(
                    "practice.inconsistent", "'\(kind)' has no \(use) emission factor", at: node.position,
                    path: "\(common.path).fuelUse", row: common.id,
                    expected: "a use \(kind) has factors for: " + details.fuelUses.joined(separator: ", "), found: "'\(use)'")
                fuelUse = nil
            }
        }
        guard let kind, let amount, common.fields["fuelUse"] == nil || fuelUse != nil else { return nil }
        return InputRow(
            id: common.id, name: common.name, kind: kind, amount: amount, manufacturedInCountry: manufactured ?? false,
            irrigated: irrigated ?? false, fuelUse: fuelUse ?? "stationary", dynamics: common.dynamics)
    }

    // MARK: - Pieces

    /// `[{kind, tonnesPerHa}…]`, or [] when absent; nil when the list has an error.
    mutating func amendments(_ node: JSONNode?, path: @autoclosure () -> String, row: String) -> [RiceAmendment]? {
        guard let node else { return [] }
        guard let items = node.array else {
            reader.mismatch(node, path: path(), expected: "an array of {kind, tonnesPerHa}", row: row)
            return nil
        }
        var amendments: [RiceAmendment] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = "\(path())[\(index)]"
            guard let fields = reader.object(item, path: itemPath, allowed: ["kind", "tonnesPerHa"], row: row) else {
                failed = true
                continue
            }
            let kind = reader.choice(fields, "kind", in: item, path: itemPath, row: row, allowed: vocabulary.riceAmendments, vocabulary: "rice amendment", required: true)
            let tonnes = positive(fields, "tonnesPerHa", node: item, path: itemPath, row: row, required: true)
            guard let kind, let tonnes else {
                failed = true
                continue
            }
            amendments.append(RiceAmendment(kind: kind, tonnesPerHa: tonnes))
        }
        return failed ? nil : amendments
    }

    /// A manure list as read: `shares` is nil when the row has no such key.
    struct ManureList {
        var shares: [ManureShare]?
    }

    /// A row's `[{system, percent}…]`: known systems, each once, summing to 100 % (± 0.5); nil when the list has an error.
    mutating func manureShares(_ common: Common, _ key: String) -> ManureList? {
        guard let node = common.fields[key] else { return ManureList(shares: nil) }
        let path = { "\(common.path).\(key)" }
        guard let items = node.array else {
            reader.mismatch(node, path: path(), expected: "an array of {system, percent}", row: common.id)
            return nil
        }
        var shares: [ManureShare] = []
        var seen: [String: JSONPosition] = [:]
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = "\(path())[\(index)]"
            guard let fields = reader.object(item, path: itemPath, allowed: ["system", "percent"], row: common.id) else {
                failed = true
                continue
            }
            let system = reader.choice(
                fields, "system", in: item, path: itemPath, row: common.id, allowed: vocabulary.manureSystems, vocabulary: "manure system", required: true)
            let percent = positive(fields, "percent", node: item, path: itemPath, row: common.id, minimum: 0, maximum: 100, required: true)
            if let system, let position = fields["system"]?.position {
                if let earlier = seen.updateValue(position, forKey: system) {
                    seen[system] = earlier
                    reader.report(
                        "manure.duplicate-system", "manure system '\(system)' is listed twice (first at line \(earlier.line))", at: position,
                        path: "\(itemPath).system", row: common.id, expected: "each system once", found: "a second '\(system)'")
                    failed = true
                    continue
                }
            }
            guard let system, let percent else {
                failed = true
                continue
            }
            shares.append(ManureShare(system: system, percent: percent))
        }
        guard !failed else { return nil }
        let total = shares.reduce(0) { $0 + $1.percent }
        guard abs(total - 100) <= 0.5 else {
            reader.report(
                "manure.shares", "the manure shares of '\(key)' add up to \(Self.figure(total)) %, not 100 %", at: node.position, path: path(), row: common.id,
                expected: "shares summing to 100 %", found: "\(Self.figure(total)) %")
            return nil
        }
        return ManureList(shares: shares)
    }

    /// A number as people write it: `390`, `85.5`, without float noise.
    static func figure(_ value: Double) -> String {
        XMLLiteral.number((value * 10_000).rounded() / 10_000)
    }
}
