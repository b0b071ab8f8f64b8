import PerMille
import PerMilleJSON

/// Walks a JSON document while collecting every problem with its position, path and row.
///
/// Each accessor reports what it expected and what it found, then returns nil so reading goes on
/// and the holder sees all problems of the file at once.
struct DocumentReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds diagnostics another reader collected (a slice of rows read on another core).
    mutating func append(_ more: [Diagnostic]) { diagnostics += more }

    /// Diagnostics sorted by where they stand in the file; those with no position keep their order at the end.
    var diagnosticsInDocumentOrder: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location.map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            let right = rhs.element.location.map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    func location(_ position: JSONPosition, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column, path: path)
    }

    mutating func report(
        _ code: String, _ message: String, at position: JSONPosition, path: String, row: String? = nil,
        expected: String? = nil, found: String? = nil, suggestion: String? = nil, severity: Diagnostic.Severity = .error
    ) {
        diagnostics.append(
            Diagnostic(
                severity, code: code, message: message, location: location(position, path), rowID: row,
                expected: expected, found: found, suggestion: suggestion))
    }

    /// The members of an object after checking unknown and duplicate keys; nil if the node is not an object.
    mutating func object(_ node: JSONNode, path: @autoclosure () -> String, allowed: [String], row: String? = nil) -> Fields? {
        guard let members = node.members else {
            mismatch(node, path: path(), expected: "an object", row: row)
            return nil
        }
        // The usual case, every key known and none twice, needs no copy of the members: each key
        // is found once in `allowed`, and a bit per allowed key tells whether it came already.
        if allowed.count <= 64, Self.allKnownOnce(members, allowed: allowed) {
            return Fields(members: members)
        }
        var kept: [JSONMember] = []
        kept.reserveCapacity(members.count)
        // Objects are small; past a few dozen keys a dictionary keeps hostile files linear.
        var seen: [String: JSONPosition]? = members.count > 32 ? [:] : nil
        for member in members {
            let earlier = seen.map { $0[member.key] } ?? kept.first { $0.key == member.key }?.keyPosition
            if let earlier {
                let parent = path()
                report(
                    "key.duplicate", "key '\(member.key)' appears twice in the same object (first at line \(earlier.line))",
                    at: member.keyPosition, path: joinPath(parent, member.key), row: row, expected: "each key once", found: "a second '\(member.key)'")
                continue
            }
            guard allowed.contains(member.key) else {
                let parent = path()
                let suggestion = Suggestions.closest(to: member.key, among: allowed)
                report(
                    "key.unknown", "unknown key '\(member.key)'", at: member.keyPosition, path: joinPath(parent, member.key), row: row,
                    expected: "one of " + allowed.joined(separator: ", "), found: "'\(member.key)'",
                    suggestion: suggestion.map { "did you mean '\($0)'?" })
                seen?[member.key] = member.keyPosition
                continue
            }
            seen?[member.key] = member.keyPosition
            kept.append(member)
        }
        return Fields(members: kept)
    }

    private static func allKnownOnce(_ members: [JSONMember], allowed: [String]) -> Bool {
        var seen: UInt64 = 0
        for member in members {
            guard let slot = allowed.firstIndex(where: { sameKey($0, member.key) }) else { return false }
            let bit: UInt64 = 1 << UInt64(slot)
            guard seen & bit == 0 else { return false }
            seen |= bit
        }
        return true
    }

    mutating func mismatch(_ node: JSONNode, path: @autoclosure () -> String, expected: String, row: String? = nil) {
        report(
            "type.mismatch", "expected \(expected), found \(Self.describe(node))", at: node.position, path: path(), row: row,
            expected: expected, found: Self.describe(node))
    }

    mutating func missing(_ key: String, in node: JSONNode, path: @autoclosure () -> String, row: String? = nil, expected: String) {
        let fieldPath = joinPath(path(), key)
        report(
            "field.missing", "missing required field '\(key)'", at: node.position, path: fieldPath, row: row,
            expected: expected, found: "no '\(key)'")
    }

    mutating func string(_ fields: Fields, _ key: String, in parent: JSONNode, path: @autoclosure () -> String, row: String? = nil, required: Bool = false) -> String? {
        guard let node = fields[key] else {
            if required { missing(key, in: parent, path: path(), row: row, expected: "a string") }
            return nil
        }
        guard let text = node.string else {
            mismatch(node, path: joinPath(path(), key), expected: "a string", row: row)
            return nil
        }
        return text
    }

    /// A finite number; 1e309 and friends are refused here, since the parser keeps them as infinity.
    mutating func number(_ node: JSONNode, path: @autoclosure () -> String, row: String? = nil) -> Double? {
        guard let number = node.number else {
            mismatch(node, path: path(), expected: "a number", row: row)
            return nil
        }
        guard number.value.isFinite else {
            report(
                "number.not-finite", "number \(number.literal) is too large to be a finite value", at: node.position, path: path(),
                row: row, expected: "a finite decimal", found: number.literal)
            return nil
        }
        // 1e-400 reads as 0 and 1e-310 loses its digits: a value the holder wrote as not zero must
        // not become zero (or noise) without a word, so it is refused rather than rounded.
        if number.value.magnitude < Double.leastNormalMagnitude, Self.hasNonZeroDigit(number.literal) {
            report(
                "number.underflow", "number \(number.literal) is too small to be told apart from 0", at: node.position, path: path(),
                row: row, expected: "0, or a magnitude of at least 1e-300", found: number.literal,
                suggestion: "write 0 if the quantity is nothing")
            return nil
        }
        // The last guard of every quantity (each has its own, tighter range): no figure of a
        // project comes near this, and below it no product the engine forms can overflow.
        guard number.value.magnitude <= Self.largestNumber else {
            report(
                "value.out-of-range", "number \(number.literal) is larger than any quantity of a project", at: node.position, path: path(),
                row: row, expected: "a magnitude of at most 1e15", found: number.literal)
            return nil
        }
        return number.value == 0 ? 0 : number.value
    }

    /// The largest magnitude any number of a project may have (format.md, "Bounds").
    static let largestNumber = 1e15

    /// Whether the mantissa of a number literal has a digit other than 0 (`0.0e5` has none, `1e-400` has).
    static func hasNonZeroDigit(_ literal: String) -> Bool {
        for byte in literal.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    /// A number within `bound`, or nil after reporting where and why it is out of range.
    mutating func number(
        _ fields: Fields, _ key: String, in parent: JSONNode, path: @autoclosure () -> String, row: String? = nil, required: Bool = false, bound: Bound
    ) -> Double? {
        guard let value = number(fields, key, in: parent, path: path(), row: row, required: required) else { return nil }
        guard bound.contains(value) else {
            let node = fields[key] ?? parent
            report(
                "value.out-of-range", "'\(key)' must be \(bound.description)", at: node.position, path: joinPath(path(), key), row: row,
                expected: bound.expected, found: node.number?.literal ?? XMLLiteral.number(value), suggestion: bound.why)
            return nil
        }
        return value
    }

    mutating func number(_ fields: Fields, _ key: String, in parent: JSONNode, path: @autoclosure () -> String, row: String? = nil, required: Bool = false) -> Double? {
        guard let node = fields[key] else {
            if required { missing(key, in: parent, path: path(), row: row, expected: "a number") }
            return nil
        }
        return number(node, path: joinPath(path(), key), row: row)
    }

    mutating func integer(_ fields: Fields, _ key: String, in parent: JSONNode, path: @autoclosure () -> String, range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let node = fields[key] else {
            if required { missing(key, in: parent, path: path(), expected: "a whole number") }
            return nil
        }
        guard let value = number(node, path: joinPath(path(), key)) else { return nil }
        guard value == value.rounded(), let whole = Int(exactly: value), range.contains(whole) else {
            report(
                "value.out-of-range", "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                at: node.position, path: joinPath(path(), key), expected: "\(range.lowerBound)…\(range.upperBound)", found: node.number?.literal ?? "")
            return nil
        }
        return whole
    }

    mutating func bool(_ fields: Fields, _ key: String, path: @autoclosure () -> String, row: String? = nil) -> Bool? {
        guard let node = fields[key] else { return nil }
        guard let value = node.bool else {
            mismatch(node, path: joinPath(path(), key), expected: "true or false", row: row)
            return nil
        }
        return value
    }

    /// A key from a closed or data-defined vocabulary, with a "did you mean" when it is close to one.
    mutating func choice(
        _ fields: Fields, _ key: String, in parent: JSONNode, path: @autoclosure () -> String, row: String? = nil,
        allowed: [String], vocabulary: String, required: Bool = false, code: String = "practice.unknown"
    ) -> String? {
        guard let text = string(fields, key, in: parent, path: path(), row: row, required: required) else { return nil }
        guard allowed.contains(where: { sameKey($0, text) }) else {
            let node = fields[key] ?? parent
            let suggestion = Suggestions.closest(to: text, among: allowed)
            let listing = allowed.count <= 12 ? allowed.joined(separator: ", ") : allowed.prefix(12).joined(separator: ", ") + ", … (\(allowed.count) keys)"
            report(
                code, "unknown \(vocabulary) '\(text)'", at: node.position, path: joinPath(path(), key), row: row,
                expected: "one of \(listing)", found: "'\(text)'", suggestion: suggestion.map { "did you mean '\($0)'?" })
            return nil
        }
        return text
    }

    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let number): "the number \(number.literal)"
        case .string(let text): "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The plausible range of a quantity, in its unit (format.md, "Bounds"): a value outside it is a
/// typing error (a missing decimal point, hectares given in m²), never a project.
struct Bound: Sendable {
    var minimum: Double
    var maximum: Double
    var unit: String
    /// The minimum itself is out (a yield must be above 0).
    var aboveMinimum = false
    /// What the range stands for, shown as help (`the planet's land area`).
    var why: String? = nil

    func contains(_ value: Double) -> Bool {
        (aboveMinimum ? value > minimum : value >= minimum) && value <= maximum
    }

    /// `between 0 and 15 000 000 000 hectares`.
    var description: String {
        let unitText = unit.isEmpty ? "" : " " + unit
        return aboveMinimum
            ? "above \(XMLLiteral.number(minimum)) and at most \(XMLLiteral.number(maximum))\(unitText)"
            : "between \(XMLLiteral.number(minimum)) and \(XMLLiteral.number(maximum))\(unitText)"
    }

    var expected: String {
        "\(aboveMinimum ? ">" : "")\(XMLLiteral.number(minimum))…\(XMLLiteral.number(maximum))\(unit.isEmpty ? "" : " " + unit)"
    }
}

/// An object's members after checking, looked up by key (objects are small: a linear scan wins).
struct Fields {
    var members: [JSONMember]

    subscript(key: String) -> JSONNode? {
        // Indexed, not `first(where:)`: that copies each member it passes and destroys an
        // optional member through the generic value witnesses, several times per row.
        for index in members.indices where sameKey(members[index].key, key) { return members[index].value }
        return nil
    }

    var count: Int { members.count }
    var keys: [String] { members.map(\.key) }
}

/// Whether two keys are the same text, byte for byte (RFC 8259 compares names code unit by code unit).
///
/// Most comparisons in a key scan are between different short keys, where `==` takes a slow path;
/// the byte count, stored in the string, turns most of them away first.
@inline(__always)
func sameKey(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && lhs == rhs
}

/// `a.b` paths for diagnostics; a free function so lazily built paths capture nothing mutable.
func joinPath(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
