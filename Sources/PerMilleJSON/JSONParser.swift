/// A strict RFC 8259 JSON parser that records the source position of every value and key.
///
/// Project files are hand-edited, so the parser accepts only standard JSON (no comments,
/// trailing commas, NaN or leading zeros), validates UTF-8, and reports the first problem with
/// a position and an explanation instead of guessing what was meant.
public enum JSONParser {
    /// Parses one JSON document from UTF-8 bytes.
    ///
    /// A single leading UTF-8 byte order mark is skipped, because some editors write one.
    /// `maxDepth` bounds array/object nesting. The parser itself keeps open containers on the
    /// heap, but Swift frees nested arrays recursively, so absurdly deep trees are refused
    /// up front rather than built. Inputs of 4 GiB or more are refused too: positions are
    /// stored in 32 bits to keep the tree small.
    // One pass on one core: parsing the file's two halves on two cores saved 3 % of a 10 000-row
    // assessment measured as a whole process (Benchmarks/README.md), not worth 270 lines.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(JSONSyntaxError) -> JSONNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONNode in
            var parser = Parser(bytes: buffer, maxDepth: maxDepth)
            return try parser.parseDocument()
        }
    }

    /// Parses one JSON document from a string, as `parse(_:maxDepth:)` does for its UTF-8 bytes.
    ///
    /// Convenient for tests and for JSON embedded in code; files should be read as bytes.
    public static func parse(_ text: String, maxDepth: Int = 256) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// Byte values the grammar cares about, named so the parser reads like the grammar.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let asterisk: UInt8 = 0x2A
    static let upperE: UInt8 = 0x45
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let lowerE: UInt8 = 0x65
    static let lowerU: UInt8 = 0x75
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 0x5F
    }
}

/// The parser's cursor over the input, with the line bookkeeping positions need.
///
/// Noncopyable because it owns the memory of its scratch stacks and string cache.
struct Parser: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let maxDepth: Int
    var index = 0
    var depth = 0
    var line = 1
    var lineStart = 0
    // Column = scalars since the line start = bytes minus UTF-8 continuation bytes. Those only
    // occur inside strings, where the validator counts them, so a position costs O(1).
    var continuationBytes = 0
    var continuationBytesAtLineStart = 0
    /// Reused buffer for strings with escapes, so each one does not allocate its own.
    var scratch: [UInt8] = []
    // Elements and members of all open containers. Each container's array is allocated once,
    // at its exact size, when it closes, instead of growing by doubling as it fills.
    var nodeStack = ScratchStack<JSONNode>()
    var memberStack = ScratchStack<JSONMember>()
    /// The arrays and objects opened and not yet closed, innermost on top.
    var containers = ScratchStack<OpenContainer>(capacity: 16)
    /// Keys and short values repeat from row to row; this makes each distinct one once.
    let strings = StringCache()

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.end = bytes.count
        self.maxDepth = maxDepth
    }

    /// A byte offset with its line, for positions reported after the cursor has moved on.
    struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    func mark() -> Mark { Mark(offset: index, line: line, lineStart: lineStart) }

    // MARK: Positions

    /// The position of the cursor.
    @inline(__always)
    func currentPosition() -> PackedPosition {
        let scalars = index &- lineStart &- (continuationBytes &- continuationBytesAtLineStart)
        return PackedPosition(line: line, column: scalars &+ 1, offset: index)
    }

    /// The position of `offset` on the current line; counts, so it is for error paths only.
    func position(at offset: Int) -> JSONPosition {
        position(of: Mark(offset: offset, line: line, lineStart: lineStart))
    }

    func position(of mark: Mark) -> JSONPosition {
        // Bytes before a reported position are valid UTF-8, so every byte that is not a
        // continuation byte (10xxxxxx) starts a scalar.
        var column = 1
        for i in mark.lineStart..<mark.offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return JSONPosition(line: mark.line, column: column, offset: mark.offset)
    }

    // MARK: Document and whitespace

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if end >= Int(UInt32.max) {
            // Positions are stored in 32 bits; no project file comes anywhere near this.
            throw JSONSyntaxError(
                message: "the file is larger than 4 GiB, the most the parser reads",
                position: JSONPosition(line: 1, column: 1, offset: 0),
                expected: "less than 4 GiB", found: "\(end) bytes")
        }
        try rejectOtherEncodings()
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            // The BOM is invisible in editors, so columns start counting after it.
            index = 3
            lineStart = 3
        }
        skipWhitespace()
        guard index < end else {
            throw JSONSyntaxError(
                message: "the file is empty", position: position(at: index),
                expected: "a value", found: "end of file")
        }
        let root = try parseValue()
        try finishDocument()
        return root
    }

    /// After the root value: only whitespace may follow.
    mutating func finishDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        if index < end {
            if let comment = commentError(expected: "end of file") { throw comment }
            throw JSONSyntaxError(
                message: "unexpected content after the JSON value",
                position: position(at: index), expected: "end of file",
                found: describeFound(at: index))
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        var i = index
        while i < end {
            let byte = bytes[i]
            if byte > ASCII.space { break }
            if byte == ASCII.space || byte == ASCII.tab {
                i &+= 1
            } else if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                i &+= 1
                if byte == ASCII.carriageReturn, i < end, bytes[i] == ASCII.lineFeed { i &+= 1 }
                line &+= 1
                lineStart = i
                continuationBytesAtLineStart = continuationBytes
                // Pretty-printed files indent every line; take the spaces eight at a time.
                while i &+ 8 <= end,
                    UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) == Self.eightSpaces
                {
                    i &+= 8
                }
            } else {
                break
            }
        }
        index = i
    }

    static var eightSpaces: UInt64 { 0x2020_2020_2020_2020 }

    // MARK: Values

    /// An array or object that is open: its elements or members so far are on a scratch stack.
    struct OpenContainer {
        var position: PackedPosition
        /// Where its elements (array) or members (object) start on the scratch stack.
        var base: Int
        var isObject: Bool
    }

    /// Parses the value at the cursor, with everything nested in it; whitespace before it must
    /// already be skipped.
    ///
    /// Iterative, with open containers on a heap stack rather than the call stack, so no
    /// nesting depth or thread stack size can make it overflow.
    mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        // What may start here, for the error when nothing valid does.
        var expected: StaticString = "a value"
        value: while true {
            guard index < end else { throw unexpected(expected: expected.description) }
            let position = currentPosition()
            var node: JSONNode
            switch bytes[index] {
            case ASCII.quote:
                node = JSONNode(value: .string(try parseString()), packedPosition: position)
            case ASCII.minus, ASCII.zero...ASCII.nine:
                node = JSONNode(value: .number(try parseNumber()), packedPosition: position)
            case ASCII.openBracket:
                try enterContainer(openedAt: position)
                index &+= 1
                skipWhitespace()
                if index < end, bytes[index] == ASCII.closeBracket {
                    index &+= 1
                    depth &-= 1
                    node = JSONNode(value: .array([]), packedPosition: position)
                } else {
                    containers.push(OpenContainer(position: position, base: nodeStack.count, isObject: false))
                    expected = "a value or ']'"
                    continue value
                }
            case ASCII.openBrace:
                try enterContainer(openedAt: position)
                index &+= 1
                skipWhitespace()
                if index < end, bytes[index] == ASCII.closeBrace {
                    index &+= 1
                    depth &-= 1
                    node = JSONNode(value: .object([]), packedPosition: position)
                } else {
                    containers.push(OpenContainer(position: position, base: memberStack.count, isObject: true))
                    try parseKey(expected: "a string key or '}'")
                    expected = "a value"
                    continue value
                }
            default:
                guard ASCII.isLetter(bytes[index]) else { throw notAValue(expected: expected.description) }
                node = JSONNode(value: try parseWord(), packedPosition: position)
            }

            // `node` is complete: add it to the innermost open container, and close every
            // container whose closing bracket follows.
            while containers.count > 0 {
                let container = containers.top.pointee
                skipWhitespace()
                if container.isObject {
                    memberStack.top.pointee.value = consume node
                    if index < end, bytes[index] == ASCII.comma {
                        let comma = mark()
                        index &+= 1
                        skipWhitespace()
                        if index < end, bytes[index] == ASCII.closeBrace {
                            throw trailingComma(comma, before: "}", expected: "a string key")
                        }
                        try parseKey(expected: "a string key")
                        expected = "a value"
                        continue value
                    }
                    guard index < end, bytes[index] == ASCII.closeBrace else {
                        throw missingSeparator(closer: "}", between: "object members")
                    }
                    node = JSONNode(value: .object(memberStack.popArray(from: container.base)), packedPosition: container.position)
                } else {
                    nodeStack.push(consume node)
                    if index < end, bytes[index] == ASCII.comma {
                        let comma = mark()
                        index &+= 1
                        skipWhitespace()
                        if index < end, bytes[index] == ASCII.closeBracket {
                            throw trailingComma(comma, before: "]", expected: "a value")
                        }
                        expected = "a value"
                        continue value
                    }
                    guard index < end, bytes[index] == ASCII.closeBracket else {
                        throw missingSeparator(closer: "]", between: "array elements")
                    }
                    node = JSONNode(value: .array(nodeStack.popArray(from: container.base)), packedPosition: container.position)
                }
                index &+= 1
                depth &-= 1
                _ = containers.pop()
            }
            return node
        }
    }

    /// Parses `"key":` and the whitespace after it, and pushes the member with a placeholder
    /// value that the value, once parsed, replaces.
    mutating func parseKey(expected: StaticString) throws(JSONSyntaxError) {
        guard index < end, bytes[index] == ASCII.quote else { throw notAKey(expected: expected.description) }
        let keyPosition = currentPosition()
        let key = try parseString()
        skipWhitespace()
        guard index < end, bytes[index] == ASCII.colon else { throw unexpected(expected: "':'") }
        index &+= 1
        skipWhitespace()
        let placeholder = JSONNode(value: .null, packedPosition: keyPosition)
        memberStack.push(JSONMember(key: key, packedKeyPosition: keyPosition, value: placeholder))
    }

    mutating func enterContainer(openedAt position: PackedPosition) throws(JSONSyntaxError) {
        depth &+= 1
        if depth > maxDepth {
            throw JSONSyntaxError(
                message: "nesting deeper than \(maxDepth) levels", position: position.expanded,
                expected: "at most \(maxDepth) levels of nesting",
                found: "'\(UnicodeScalar(bytes[Int(position.offset)]))'")
        }
    }

    /// `true`, `false` or `null`; any other word is an error explained by `invalidWord`.
    mutating func parseWord() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let wordEnd = scanWord(from: start)
        switch wordEnd - start {
        case 4:
            let word = load4(at: start)
            if word == Self.trueWord {
                index = wordEnd
                return .bool(true)
            }
            if word == Self.nullWord {
                index = wordEnd
                return .null
            }
        case 5:
            if bytes[start] == 0x66, load4(at: start + 1) == Self.alseWord {
                index = wordEnd
                return .bool(false)
            }
        default:
            break
        }
        throw invalidWord(start: start, end: wordEnd)
    }

    // Literals compared as one 32-bit load each: "true", "null" and the "alse" of "false".
    static var trueWord: UInt32 { 0x6575_7274 }
    static var nullWord: UInt32 { 0x6C6C_756E }
    static var alseWord: UInt32 { 0x6573_6C61 }

    /// Four bytes as a little-endian word; the caller ensures they are inside the input.
    @inline(__always)
    func load4(at offset: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt32.self))
    }

    func scanWord(from start: Int) -> Int {
        var i = start
        while i < end, ASCII.isWordByte(bytes[i]) { i += 1 }
        return i
    }
}
