import PerMille
import PerMilleJSON

/// Strict reading of the review documents with positioned diagnostics.
struct ReviewJSONReader {
    let file: String
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    // MARK: documents

    mutating func catalogue(_ bytes: [UInt8]) -> IndicatorCatalogue? {
        guard let root = parse(bytes),
            let top = object(root, path: "", required: ["format", "indicators"])
        else { return nil }
        format(top, "permille-indicators/1")
        guard let list = top["indicators"], let items = array(list, path: "indicators") else { return nil }
        var indicators: [IndicatorDefinition] = []
        var ids: Set<String> = []
        var inputKeys: [String: String] = [:]
        var valueKeys: Set<String> = []
        for (index, node) in items.enumerated() {
            let path = "indicators[\(index)]"
            guard let fields = object(node, path: path, required: ["id", "name", "unit", "type", "how", "criteria", "sdgs", "values", "inputs"]) else { continue }
            let id = string(fields["id"], path + ".id")
            let kind: IndicatorDefinition.Kind? = choice(fields["type"], path + ".type")
            let values = strings(fields["values"], path + ".values")
            var inputs: [IndicatorInput] = []
            if let inputList = fields["inputs"], let inputNodes = array(inputList, path: path + ".inputs") {
                for (inputIndex, inputNode) in inputNodes.enumerated() {
                    let inputPath = path + ".inputs[\(inputIndex)]"
                    if let input = input(inputNode, path: inputPath) {
                        if let owner = inputKeys[input.key] {
                            report("review.duplicate-key", "input key '\(input.key)' is already defined by indicator '\(owner)'", at: inputNode, path: inputPath + ".key")
                        } else if valueKeys.contains(input.key) {
                            report("review.duplicate-key", "input key '\(input.key)' is also a computed value key", at: inputNode, path: inputPath + ".key")
                        }
                        inputKeys[input.key] = id ?? "?"
                        inputs.append(input)
                    }
                }
            }
            for (valueIndex, value) in values.enumerated() where valueKeys.contains(value) || inputKeys[value] != nil {
                report(
                    "review.duplicate-key", "value key '\(value)' is defined twice in the catalogue", at: fields["values"]?.array?[valueIndex] ?? node,
                    path: path + ".values[\(valueIndex)]")
            }
            valueKeys.formUnion(values)
            if let id, !ids.insert(id).inserted {
                report("review.duplicate-id", "indicator id '\(id)' is defined twice", at: fields["id"] ?? node, path: path + ".id")
            }
            guard let id, let kind, let name = string(fields["name"], path + ".name"), let unit = string(fields["unit"], path + ".unit"),
                let how = string(fields["how"], path + ".how")
            else { continue }
            indicators.append(
                IndicatorDefinition(
                    id: id, name: name, unit: unit, kind: kind, how: how, criteria: strings(fields["criteria"], path + ".criteria"),
                    sdgs: strings(fields["sdgs"], path + ".sdgs"), values: values, inputs: inputs))
        }
        return IndicatorCatalogue(indicators: indicators)
    }

    mutating func criteria(_ bytes: [UInt8], catalogue: IndicatorCatalogue?) -> CriteriaSet? {
        guard let root = parse(bytes),
            let top = object(root, path: "", required: ["format", "source", "criteria"])
        else { return nil }
        format(top, "permille-criteria/1")
        let source = string(top["source"], "source") ?? ""
        guard let list = top["criteria"], let items = array(list, path: "criteria") else { return nil }
        let valueKeys = catalogue.map { Set($0.indicators.flatMap(\.values)).union($0.inputKeys.keys) }
        let inputs = catalogue?.inputKeys
        var criteria: [Criterion] = []
        var ids: Set<String> = []
        for (index, node) in items.enumerated() {
            let path = "criteria[\(index)]"
            guard let fields = object(node, path: path, required: ["id", "step", "type", "name", "wording", "provisional", "sdgs", "indicators", "rule"]) else { continue }
            let id = string(fields["id"], path + ".id")
            if let id, !ids.insert(id).inserted {
                report("review.duplicate-id", "criterion id '\(id)' is defined twice", at: fields["id"] ?? node, path: path + ".id")
            }
            let step = integer(fields["step"], path + ".step")
            let provisional = bool(fields["provisional"], path + ".provisional")
            let indicatorIDs = strings(fields["indicators"], path + ".indicators")
            if let catalogue, let listNode = fields["indicators"]?.array {
                for (position, indicatorID) in indicatorIDs.enumerated() where catalogue.indicator(indicatorID) == nil {
                    let known = catalogue.indicators.map(\.id)
                    report(
                        "review.unknown-indicator", "criterion names indicator '\(indicatorID)', which is not in the catalogue",
                        at: position < listNode.count ? listNode[position] : node, path: path + ".indicators[\(position)]",
                        expected: "an indicator id of the catalogue", found: "'\(indicatorID)'", suggestion: Self.didYouMean(indicatorID, known))
                }
            }
            var rule: CriterionRule?
            if let ruleNode = fields["rule"], let ruleFields = object(ruleNode, path: path + ".rule", required: ["met"], optional: ["appliesIf", "partlyMet"]) {
                let appliesIf = conditions(ruleFields["appliesIf"], path + ".rule.appliesIf", keys: valueKeys, inputs: inputs)
                let met = conditions(ruleFields["met"], path + ".rule.met", keys: valueKeys, inputs: inputs)
                let partly = conditions(ruleFields["partlyMet"], path + ".rule.partlyMet", keys: valueKeys, inputs: inputs)
                if let appliesIf, let met, let partly { rule = CriterionRule(appliesIf: appliesIf, met: met, partlyMet: partly) }
            }
            guard let id, let step, let provisional, let rule, let type = string(fields["type"], path + ".type"),
                let name = string(fields["name"], path + ".name"), let wording = string(fields["wording"], path + ".wording")
            else { continue }
            criteria.append(
                Criterion(
                    id: id, step: step, type: type, name: name, wording: wording, provisional: provisional,
                    sdgs: strings(fields["sdgs"], path + ".sdgs"), indicators: indicatorIDs, rule: rule))
        }
        return CriteriaSet(source: source, criteria: criteria)
    }

    mutating func practices(_ bytes: [UInt8], factors: FactorSet?) -> [PracticeSheet]? {
        guard let root = parse(bytes),
            let top = object(root, path: "", required: ["format", "practices"])
        else { return nil }
        format(top, "permille-practices/1")
        guard let list = top["practices"], let items = array(list, path: "practices") else { return nil }
        var sheets: [PracticeSheet] = []
        var keys: Set<String> = []
        for (index, node) in items.enumerated() {
            let path = "practices[\(index)]"
            guard
                let fields = object(
                    node, path: path,
                    required: [
                        "key", "name", "description", "mechanism", "climates", "soils", "factors", "expectedChange", "coEffects",
                        "costsAndBarriers", "references", "appliesTo",
                    ])
            else { continue }
            let key = string(fields["key"], path + ".key")
            if let key, !keys.insert(key).inserted {
                report("review.duplicate-id", "practice key '\(key)' is defined twice", at: fields["key"] ?? node, path: path + ".key")
            }
            var links: [FactorLink] = []
            if let linkList = fields["factors"], let linkNodes = array(linkList, path: path + ".factors") {
                for (linkIndex, linkNode) in linkNodes.enumerated() {
                    if let link = factorLink(linkNode, path: path + ".factors[\(linkIndex)]", factors: factors) { links.append(link) }
                }
            }
            var expected: ExpectedChange?
            var expectedOK = true
            if let changeNode = fields["expectedChange"], !changeNode.isNull {
                expectedOK = false
                if let change = object(changeNode, path: path + ".expectedChange", required: ["low", "high", "unit", "source"]),
                    let low = number(change["low"], path + ".expectedChange.low"), let high = number(change["high"], path + ".expectedChange.high"),
                    let unit = string(change["unit"], path + ".expectedChange.unit"), let source = string(change["source"], path + ".expectedChange.source")
                {
                    if low > high { report("review.range", "expectedChange.low is above high", at: changeNode, path: path + ".expectedChange") }
                    if source.trimmingCharacters(in: .whitespaces).isEmpty {
                        report("review.source-missing", "an expected change needs its source", at: changeNode, path: path + ".expectedChange.source")
                    }
                    expected = ExpectedChange(low: low, high: high, unit: unit, source: source)
                    expectedOK = true
                }
            }
            var coEffects: [String: String] = [:]
            if let coNode = fields["coEffects"], let coFields = object(coNode, path: path + ".coEffects", required: [], optional: ["yield", "water", "n2o", "biodiversity"]) {
                for (name, value) in coFields { if let text = string(value, path + ".coEffects." + name) { coEffects[name] = text } }
            }
            var matches: [PracticeMatch] = []
            if let matchList = fields["appliesTo"], let matchNodes = array(matchList, path: path + ".appliesTo") {
                for (matchIndex, matchNode) in matchNodes.enumerated() {
                    let matchPath = path + ".appliesTo[\(matchIndex)]"
                    guard let match = object(matchNode, path: matchPath, required: ["module", "field", "value"]) else { continue }
                    let module: ModuleKind? = choice(match["module"], matchPath + ".module")
                    if let module, let field = string(match["field"], matchPath + ".field"), let value = string(match["value"], matchPath + ".value") {
                        matches.append(PracticeMatch(module: module, field: field, value: value))
                    }
                }
            }
            guard let key, expectedOK, let name = string(fields["name"], path + ".name"),
                let description = string(fields["description"], path + ".description"),
                let mechanism = string(fields["mechanism"], path + ".mechanism"),
                let costs = string(fields["costsAndBarriers"], path + ".costsAndBarriers")
            else { continue }
            sheets.append(
                PracticeSheet(
                    key: key, name: name, description: description, mechanism: mechanism,
                    climates: strings(fields["climates"], path + ".climates"), soils: strings(fields["soils"], path + ".soils"),
                    factors: links, expectedChange: expected, coEffects: coEffects, costsAndBarriers: costs,
                    references: strings(fields["references"], path + ".references"), appliesTo: matches))
        }
        return sheets
    }

    // MARK: parts

    private mutating func input(_ node: JSONNode, path: String) -> IndicatorInput? {
        guard let fields = object(node, path: path, required: ["key", "kind", "unit", "help"], optional: ["minimum", "maximum", "choices"]) else { return nil }
        let key = string(fields["key"], path + ".key")
        let kind: IndicatorInput.Kind? = choice(fields["kind"], path + ".kind")
        let minimum = fields["minimum"].flatMap { number($0, path + ".minimum") }
        let maximum = fields["maximum"].flatMap { number($0, path + ".maximum") }
        let choices = fields["choices"].map { strings($0, path + ".choices") } ?? []
        if kind == .choice, choices.isEmpty {
            report("review.choices-missing", "an input of kind choice needs a non-empty choices list", at: node, path: path + ".choices")
        }
        if kind != nil, kind != .choice, fields["choices"] != nil {
            report("review.choices-unexpected", "only an input of kind choice has choices", at: fields["choices"] ?? node, path: path + ".choices")
        }
        if let minimum, let maximum, minimum > maximum {
            report("review.range", "minimum is above maximum", at: node, path: path)
        }
        guard let key, let kind, let unit = string(fields["unit"], path + ".unit"), let help = string(fields["help"], path + ".help") else { return nil }
        return IndicatorInput(key: key, kind: kind, unit: unit, help: help, minimum: minimum, maximum: maximum, choices: choices)
    }

    private mutating func conditions(
        _ node: JSONNode?, _ path: String, keys: Set<String>?, inputs: [String: (indicator: String, input: IndicatorInput)]?
    ) -> [Condition]? {
        guard let node else { return [] }
        guard let items = array(node, path: path) else { return nil }
        var result: [Condition] = []
        var ok = true
        for (index, item) in items.enumerated() {
            let itemPath = path + "[\(index)]"
            guard let fields = object(item, path: itemPath, required: ["value", "op"], optional: ["than"]) else {
                ok = false
                continue
            }
            let value = string(fields["value"], itemPath + ".value")
            let op: Condition.Operator? = choice(fields["op"], itemPath + ".op")
            if let value, let keys, !keys.contains(value), let valueNode = fields["value"] {
                report(
                    "review.unknown-value-key", "condition names '\(value)', which is neither a computed value nor an input key of the catalogue",
                    at: valueNode, path: itemPath + ".value", expected: "a value key of the catalogue", found: "'\(value)'",
                    suggestion: Self.didYouMean(value, keys.sorted()))
                ok = false
            }
            var than: IndicatorValue?
            if let thanNode = fields["than"] {
                switch thanNode.value {
                case .number(let number): than = .number(number.value)
                case .string(let text): than = .text(text)
                case .bool(let flag): than = .flag(flag)
                default:
                    report(
                        "review.type", "'than' must be a number, a string or a boolean", at: thanNode, path: itemPath + ".than",
                        expected: "number, string or boolean", found: thanNode.kindName)
                    ok = false
                }
            }
            if let op {
                if op == .present, let thanNode = fields["than"] {
                    report("review.than-unexpected", "an operator 'present' takes no 'than'", at: thanNode, path: itemPath + ".than")
                    ok = false
                } else if op != .present, fields["than"] == nil {
                    report("review.than-missing", "operator '\(op.rawValue)' needs a 'than'", at: item, path: itemPath + ".than")
                    ok = false
                } else if [.greater, .greaterOrEqual, .less, .lessOrEqual].contains(op), let than, !Self.isNumber(than) {
                    report("review.type", "operator '\(op.rawValue)' compares numbers", at: fields["than"] ?? item, path: itemPath + ".than", expected: "number")
                    ok = false
                }
            }
            if let value, let entry = inputs?[value], entry.input.kind == .choice, case .text(let text)? = than, !entry.input.choices.contains(text) {
                report(
                    "review.unknown-choice", "'\(text)' is not a choice of input '\(value)'", at: fields["than"] ?? item, path: itemPath + ".than",
                    expected: "one of \(entry.input.choices.joined(separator: ", "))", found: "'\(text)'")
                ok = false
            }
            if let value, let op { result.append(Condition(value: value, op: op, than: than)) } else { ok = false }
        }
        return ok ? result : nil
    }

    private mutating func factorLink(_ node: JSONNode, path: String, factors: FactorSet?) -> FactorLink? {
        guard let fields = object(node, path: path, required: ["label", "table", "key"]) else { return nil }
        let label = string(fields["label"], path + ".label")
        let tableName = string(fields["table"], path + ".table")
        var key: [String: String] = [:]
        if let keyNode = fields["key"], let members = keyNode.members {
            for member in members {
                if let text = member.value.string {
                    key[member.key] = text
                } else {
                    report(
                        "review.type", "a factor key value must be a string", at: member.value, path: path + ".key." + member.key,
                        expected: "string", found: member.value.kindName)
                }
            }
        } else if let keyNode = fields["key"] {
            report("review.type", "'key' must be an object of column → value", at: keyNode, path: path + ".key", expected: "object", found: keyNode.kindName)
        }
        guard let label, let tableName else { return nil }
        let link = FactorLink(label: label, table: tableName, key: key)
        if let factors {
            guard let table = factors.tables[tableName] else {
                report(
                    "review.unknown-table", "no factor table '\(tableName)'", at: fields["table"] ?? node, path: path + ".table",
                    expected: "a table of the manifest", found: "'\(tableName)'", suggestion: Self.didYouMean(tableName, factors.tables.keys.sorted()))
                return nil
            }
            let unknown = key.keys.filter { !table.keyColumns.contains($0) }.sorted()
            if !unknown.isEmpty {
                report(
                    "review.unknown-column", "table '\(tableName)' has no key column \(unknown.map { "'\($0)'" }.joined(separator: ", "))",
                    at: fields["key"] ?? node, path: path + ".key", expected: "key columns \(table.keyColumns.joined(separator: ", "))")
                return nil
            }
            if link.records(in: table).isEmpty {
                let keyText = key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                report(
                    "review.link-unresolved", "factor link matches no row of table '\(tableName)'", at: fields["key"] ?? node, path: path + ".key",
                    expected: "at least one row", found: keyText)
                return nil
            }
        }
        return link
    }

    // MARK: primitives

    private mutating func parse(_ bytes: [UInt8]) -> JSONNode? {
        do { return try JSONParser.parse(bytes) } catch {
            problems.append(
                Diagnostic(
                    code: "review.syntax", message: "not valid JSON: \(error.message)",
                    location: SourceLocation(file: file, line: error.position.line, column: error.position.column, path: ""),
                    expected: error.expected, found: error.found))
            return nil
        }
    }

    private mutating func format(_ top: [String: JSONNode], _ expected: String) {
        guard let node = top["format"] else { return }
        if node.string != expected {
            report(
                "review.format", "unknown document format", at: node, path: "format", expected: "\"\(expected)\"",
                found: node.string.map { "\"\($0)\"" } ?? node.kindName)
        }
    }

    /// An object's members by key; reports a wrong kind, unknown and duplicate keys, and missing required keys.
    private mutating func object(_ node: JSONNode, path: String, required: [String], optional: [String] = []) -> [String: JSONNode]? {
        guard let members = node.members else {
            report("review.type", "expected an object", at: node, path: path, expected: "object", found: node.kindName)
            return nil
        }
        let allowed = required + optional
        var fields: [String: JSONNode] = [:]
        for member in members {
            let memberPath = path.isEmpty ? member.key : path + "." + member.key
            if !allowed.contains(member.key) {
                problems.append(
                    Diagnostic(
                        code: "review.unknown-key", message: "unknown key '\(member.key)'",
                        location: SourceLocation(file: file, line: member.keyPosition.line, column: member.keyPosition.column, path: memberPath),
                        expected: "one of \(allowed.joined(separator: ", "))", found: "'\(member.key)'",
                        suggestion: Self.didYouMean(member.key, allowed)))
            } else if fields[member.key] != nil {
                problems.append(
                    Diagnostic(
                        code: "review.duplicate-key", message: "key '\(member.key)' is given twice",
                        location: SourceLocation(file: file, line: member.keyPosition.line, column: member.keyPosition.column, path: memberPath)))
            } else {
                fields[member.key] = member.value
            }
        }
        for key in required where fields[key] == nil {
            report("review.missing-key", "missing key '\(key)'", at: node, path: path.isEmpty ? key : path + "." + key, expected: "'\(key)'")
        }
        return fields
    }

    private mutating func array(_ node: JSONNode, path: String) -> [JSONNode]? {
        guard let items = node.array else {
            report("review.type", "expected an array", at: node, path: path, expected: "array", found: node.kindName)
            return nil
        }
        return items
    }

    private mutating func string(_ node: JSONNode?, _ path: String) -> String? {
        guard let node else { return nil }
        guard let text = node.string else {
            report("review.type", "expected a string", at: node, path: path, expected: "string", found: node.kindName)
            return nil
        }
        return text
    }

    private mutating func strings(_ node: JSONNode?, _ path: String) -> [String] {
        guard let node, let items = array(node, path: path) else { return [] }
        return items.enumerated().compactMap { string($0.element, path + "[\($0.offset)]") }
    }

    private mutating func number(_ node: JSONNode?, _ path: String) -> Double? {
        guard let node else { return nil }
        guard let value = node.double, value.isFinite else {
            report("review.type", "expected a finite number", at: node, path: path, expected: "number", found: node.kindName)
            return nil
        }
        return value
    }

    private mutating func integer(_ node: JSONNode?, _ path: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.number?.integerValue else {
            report("review.type", "expected a whole number", at: node, path: path, expected: "integer", found: node.kindName)
            return nil
        }
        return value
    }

    private mutating func bool(_ node: JSONNode?, _ path: String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool else {
            report("review.type", "expected true or false", at: node, path: path, expected: "boolean", found: node.kindName)
            return nil
        }
        return value
    }

    /// A string from a closed vocabulary (a `RawRepresentable` enum's raw values).
    private mutating func choice<Value: RawRepresentable & CaseIterable>(_ node: JSONNode?, _ path: String) -> Value? where Value.RawValue == String {
        guard let text = string(node, path), let node else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue)
            report(
                "review.unknown-value", "'\(text)' is not allowed here", at: node, path: path,
                expected: "one of \(allowed.joined(separator: ", "))", found: "'\(text)'", suggestion: Self.didYouMean(text, allowed))
            return nil
        }
        return value
    }

    private mutating func report(
        _ code: String, _ message: String, at node: JSONNode, path: String, expected: String? = nil, found: String? = nil, suggestion: String? = nil
    ) {
        problems.append(
            Diagnostic(
                code: code, message: message,
                location: SourceLocation(file: file, line: node.position.line, column: node.position.column, path: path),
                expected: expected, found: found, suggestion: suggestion))
    }

    static func isNumber(_ value: IndicatorValue) -> Bool {
        if case .number = value { return true }
        return false
    }

    static func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        Suggestions.closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }
}
