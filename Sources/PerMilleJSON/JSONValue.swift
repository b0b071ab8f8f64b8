/// A JSON number as written in the source, together with its `Double` value.
///
/// The literal is kept because the value alone loses information callers need for messages
/// and checks: `1e309` parses to `+infinity` (the parser accepts it; the caller rejects it and
/// can quote the literal), `-0` stays "-0", and "10" versus "10.0" stays visible.
public struct JSONNumber: Sendable, Hashable {
    /// The number exactly as it appears in the source, e.g. "-0", "1.50", "1e309".
    public var literal: String
    /// The nearest `Double`; ±infinity when the literal is out of range.
    public var value: Double

    /// Creates a number from its literal and value; the parser keeps them consistent.
    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }

    /// The value as an `Int` when it is finite, integral and in range; otherwise nil.
    ///
    /// Counts and years arrive as JSON numbers; this spares every caller the same range check.
    public var integerValue: Int? {
        // Comparisons and a truncating conversion only: the rounding functions would pull in
        // libm, which Linux executables that do not import Foundation fail to link in debug.
        guard value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return nil }
        let integer = Int(value)
        return Double(integer) == value ? integer : nil
    }
}

/// A parsed JSON value whose children carry source positions.
///
/// Children are `JSONNode`s rather than bare values so that every nested value can be
/// reported at its own line and column.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    /// All members in source order, duplicate keys included, so callers can report duplicates.
    case object([JSONMember])

    /// The JSON kind in plain words ("null", "boolean", "number", "string", "array", "object").
    ///
    /// Used in messages such as "expected a number, found a string".
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON value and the position of its first byte.
///
/// This is the unit the parser returns, so any value can be reported where it was written.
public struct JSONNode: Sendable, Equatable {
    /// The value itself.
    public var value: JSONValue
    // Kept in 32-bit fields: a tree has one node per value, and a smaller node means fewer
    // pages to fault in and fill, which measurably speeds up parsing a large file once.
    var packedPosition: PackedPosition

    /// Where the value starts: its '{', '[', '"', first digit or '-', or first letter.
    ///
    /// Line, column and offset are each below 2^32 (the parser reads at most 4 GiB).
    public var position: JSONPosition {
        get { packedPosition.expanded }
        set { packedPosition = PackedPosition(newValue) }
    }

    /// Creates a node; mostly useful for tests and for callers that synthesize values.
    ///
    /// The position's line, column and offset must each be below 2^32.
    public init(value: JSONValue, position: JSONPosition) {
        self.init(value: value, packedPosition: PackedPosition(position))
    }

    init(value: JSONValue, packedPosition: PackedPosition) {
        self.value = value
        self.packedPosition = packedPosition
    }
}

/// One object member: key, key position and value.
///
/// The key has its own position so that duplicate or unknown keys can be reported precisely.
public struct JSONMember: Sendable, Equatable {
    /// The key with escapes decoded.
    public var key: String
    var packedKeyPosition: PackedPosition
    /// The member's value and its position.
    public var value: JSONNode

    /// The position of the key's opening quote.
    ///
    /// Stored compactly like `JSONNode.position`, with the same 2^32 limits.
    public var keyPosition: JSONPosition {
        get { packedKeyPosition.expanded }
        set { packedKeyPosition = PackedPosition(newValue) }
    }

    /// Creates a member; mostly useful for tests and for callers that synthesize values.
    ///
    /// The key position's line, column and offset must each be below 2^32.
    public init(key: String, keyPosition: JSONPosition, value: JSONNode) {
        self.init(key: key, packedKeyPosition: PackedPosition(keyPosition), value: value)
    }

    init(key: String, packedKeyPosition: PackedPosition, value: JSONNode) {
        self.key = key
        self.packedKeyPosition = packedKeyPosition
        self.value = value
    }
}

extension JSONNode {
    /// The kind of this node's value in plain words; see `JSONValue.kindName`.
    ///
    /// Saves a `.value` hop in the many "expected X, found Y" messages callers write.
    public var kindName: String { value.kindName }

    /// The value of the first member named `key`, or nil if this is not an object or has none.
    ///
    /// First match, because duplicates are the caller's to report, not to silently resolve.
    public func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        // Indexed rather than `first(where:)`, which copies every member it passes.
        for index in members.indices where members[index].key == key { return members[index].value }
        return nil
    }

    /// The members if this is an object, in source order with duplicates; otherwise nil.
    ///
    /// Lets callers walk or validate keys without a `switch`.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The elements if this is an array; otherwise nil.
    ///
    /// Lets callers iterate with positions without a `switch`.
    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The string if this is a string; otherwise nil.
    ///
    /// Lets callers read a field in one expression.
    public var string: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// The number (literal and value) if this is a number; otherwise nil.
    ///
    /// For callers that need the literal, e.g. to quote "1e309" in a range error.
    public var number: JSONNumber? {
        if case .number(let number) = value { return number }
        return nil
    }

    /// The `Double` value if this is a number (possibly infinite); otherwise nil.
    ///
    /// The common case for numeric fields; check `isFinite` before using it.
    public var double: Double? {
        if case .number(let number) = value { return number.value }
        return nil
    }

    /// The Boolean if this is `true` or `false`; otherwise nil.
    ///
    /// Lets callers read a flag in one expression.
    public var bool: Bool? {
        if case .bool(let bool) = value { return bool }
        return nil
    }

    /// Whether this is `null`.
    ///
    /// Optional fields may be written as `null`; this reads more clearly than a pattern match.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}
