/// Writes JSON as it is produced, into a buffer handed to a sink whenever it fills, so a large
/// document is never held as a tree or as one string.
///
/// The layout is `JSONWriter`'s (keys in the order given, two-space indentation, "\n" line ends,
/// the same number spelling), except inside containers opened `inline`: those are written on one
/// line without spaces, which keeps a result's 10 000 rows to one line each.
public struct JSONStreamWriter: ~Copyable {
    /// Receives each filled buffer, in order; a thrown error stops the writer (see `failure`).
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private var buffer: [UInt8] = []
    private let sink: Sink
    private let flushThreshold: Int
    /// One entry per open container: whether it has a member yet, and whether it is inline.
    private var levels: [(hasMember: Bool, inline: Bool)] = []
    /// Set after `key(_:)`: the next value follows on the same line.
    private var afterKey = false
    /// The first error the sink threw; later writes are dropped.
    public private(set) var failure: (any Error)?
    private var spaces: [UInt8] = Array(repeating: 0x20, count: 64)
    /// Whether whole numbers are written without their ".0" (`825`, `0`).
    private let bareWholeNumbers: Bool

    /// `bareWholeNumbers` writes `825` for 825.0: the same JSON number, two bytes shorter, which in
    /// a result of many zero series and whole-hectare figures is a tenth of the file.
    public init(flushThreshold: Int = 1 << 16, bareWholeNumbers: Bool = false, sink: @escaping Sink) {
        self.sink = sink
        self.flushThreshold = flushThreshold
        self.bareWholeNumbers = bareWholeNumbers
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    // MARK: containers

    public mutating func beginObject(inline: Bool = false) { open(UInt8(ascii: "{"), inline: inline) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(inline: Bool = false) { open(UInt8(ascii: "["), inline: inline) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key; the member's value is the next thing written.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        if levels.last?.inline == true { buffer.append(UInt8(ascii: ":")) } else { buffer.append(contentsOf: [UInt8(ascii: ":"), 0x20]) }
        afterKey = true
    }

    // MARK: values

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        done()
    }

    /// A finite number in `JSONWriter.format`'s spelling; a non-finite one is written `null`
    /// (callers check first: the writer never prints `nan` or `inf`).
    public mutating func number(_ value: Double) {
        separate()
        if value.isFinite {
            JSONWriter.appendNumber(value, to: &buffer)
            // Swift spells every whole double in [1, 2^53) and zero with a final ".0", never "0e".
            if bareWholeNumbers, buffer.count >= 2, buffer[buffer.count - 1] == 0x30, buffer[buffer.count - 2] == 0x2E {
                buffer.removeLast(2)
            }
        } else {
            buffer.append(contentsOf: "null".utf8)
        }
        done()
    }

    public mutating func integer(_ value: Int) {
        separate()
        buffer.append(contentsOf: String(value).utf8)
        done()
    }

    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
        done()
    }

    public mutating func null() {
        separate()
        buffer.append(contentsOf: "null".utf8)
        done()
    }

    /// A value built as a tree (small parts of a document), in the same layout.
    public mutating func value(_ value: JSONOutput) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let double): number(double)
        case .integer(let whole): integer(whole)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray(inline: levels.last?.inline ?? false)
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject(inline: levels.last?.inline ?? false)
            for (name, member) in members {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }

    /// Writes the final newline and hands the rest of the buffer to the sink; returns the first
    /// error the sink threw, if any.
    public consuming func finish() -> (any Error)? {
        buffer.append(0x0A)
        flush()
        return failure
    }

    // MARK: layout

    private mutating func open(_ bracket: UInt8, inline: Bool) {
        separate()
        buffer.append(bracket)
        levels.append((false, inline || (levels.last?.inline ?? false)))
    }

    private mutating func close(_ bracket: UInt8) {
        guard let level = levels.popLast() else { return }
        if level.hasMember && !level.inline { newline() }
        buffer.append(bracket)
        done()
    }

    /// The comma and line break before a value or key, unless it follows its key.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = levels.indices.last else { return }
        if levels[last].hasMember { buffer.append(UInt8(ascii: ",")) }
        levels[last].hasMember = true
        if !levels[last].inline { newline() }
    }

    private mutating func done() {
        if buffer.count >= flushThreshold { flush() }
    }

    private mutating func newline() {
        buffer.append(0x0A)
        let width = levels.count * 2
        while spaces.count < width { spaces += spaces }
        buffer.append(contentsOf: spaces[..<width])
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do { try buffer.withUnsafeBytes { try sink($0) } } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendString(_ string: String) {
        JSONWriter.appendString(string, to: &buffer)
    }
}
