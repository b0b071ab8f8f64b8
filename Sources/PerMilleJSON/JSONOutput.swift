/// A JSON value to write, with object members in the order they should appear.
///
/// Separate from `JSONValue` because output has no source positions and needs a distinct
/// integer case: counts must print as `3`, measurements as `3.0`, on every platform.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A finite double; written in shortest round-trip form. Non-finite values are a bug.
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONOutput])
    /// Members in output order; the writer keeps this order and does not check for duplicates.
    case object([(String, JSONOutput)])

    /// Structural equality, member order included; `.number(1)` and `.integer(1)` differ
    /// because they are written differently.
    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}
