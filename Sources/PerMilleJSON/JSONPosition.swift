/// A place in the source text: 1-based line and column, 0-based byte offset.
///
/// Diagnostics about project files must point at what the user sees in an editor, so the
/// column counts Unicode scalars (not bytes) from the start of the line, and "\r\n" counts as
/// one line break. The byte offset is kept for tools that slice the original bytes.
public struct JSONPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based byte offset from the start of the input (a skipped UTF-8 BOM included).
    public var offset: Int

    /// Creates a position; the parser is the usual source, tests and callers may build their own.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// "line:column", the form editors and compilers use, so messages can be clicked through.
    public var description: String { "\(line):\(column)" }

    /// Orders by byte offset, which is the source order for positions from the same input.
    public static func < (lhs: JSONPosition, rhs: JSONPosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// A `JSONPosition` in 12 bytes instead of 24, as stored in parsed nodes and members.
struct PackedPosition: Sendable, Hashable {
    var line: UInt32
    var column: UInt32
    var offset: UInt32

    /// For the parser, which rejects inputs of 4 GiB or more, so nothing here can overflow.
    @inline(__always)
    init(line: Int, column: Int, offset: Int) {
        self.line = UInt32(truncatingIfNeeded: line)
        self.column = UInt32(truncatingIfNeeded: column)
        self.offset = UInt32(truncatingIfNeeded: offset)
    }

    init(_ position: JSONPosition) {
        let limit = Int(UInt32.max)
        precondition(
            (0...limit).contains(position.line) && (0...limit).contains(position.column)
                && (0...limit).contains(position.offset),
            "JSON positions are stored in 32 bits; got \(position.line):\(position.column) at \(position.offset)")
        self.init(line: position.line, column: position.column, offset: position.offset)
    }

    var expanded: JSONPosition {
        JSONPosition(line: Int(line), column: Int(column), offset: Int(offset))
    }
}
