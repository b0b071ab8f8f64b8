/// A deterministic pretty-printer for `JSONOutput`.
///
/// Results are compared and archived byte for byte, so the same value must produce the same
/// bytes on every run and platform: keys keep the given order, numbers use Swift's own
/// shortest round-trip formatting (not the C library's), and line ends are always "\n".
public enum JSONWriter {
    /// Pretty-printed with `indent` spaces, keys in the given order, "\n" line ends, a trailing newline at top level; empty array "[]", empty object "{}".
    ///
    /// One layout for every file keeps diffs between results small and reviewable.
    public static func write(_ value: JSONOutput, indent: Int = 2) -> String {
        precondition(indent >= 0, "JSONWriter indent must not be negative")
        var emitter = Emitter(indentWidth: indent)
        emitter.write(value, level: 0)
        emitter.bytes.append(0x0A)
        return String(decoding: emitter.bytes, as: UTF8.self)
    }

    /// The JSON text for a finite double, as `write` prints it.
    ///
    /// Shortest round-trip digits, so reading the file back gives the same `Double`; `-0.0` is
    /// written "0.0" (a sign on zero only confuses readers), and exponents are spelled out for
    /// magnitudes in [1e-6, 1e15) so ordinary quantities never appear as "1e-05".
    /// A non-finite number is written `null`, as `JSONStreamWriter` does: JSON has no spelling
    /// for it, and a writer that traps would turn one bad value into a crash. Callers check first
    /// (the pipeline refuses a non-finite result as an internal error), so this is the last guard.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == 0 { return "0.0" }
        let text = number.description
        guard text.utf8.contains(UInt8(ascii: "e")) else { return text }
        let magnitude = number.magnitude
        guard magnitude >= 1e-6, magnitude < 1e15 else { return text }
        return plainDecimal(fromExponentForm: text)
    }

    /// Appends `format(number)`'s bytes.
    ///
    /// Results are nearly all values rounded to 1e-9 (`ResultJSON.clean`) below a million; those
    /// are spelled from one integer (value × 1e9) here, without making a String, because that
    /// spelling is exactly Swift's shortest round-trip one (see `fixedPointDigits`). Anything else
    /// goes through `format`.
    public static func appendNumber(_ number: Double, to bytes: inout [UInt8]) {
        if number == 0 {
            bytes.append(contentsOf: [0x30, 0x2E, 0x30])
            return
        }
        if let nanos = fixedPointDigits(number) {
            appendFixedPoint(nanos, to: &bytes)
            return
        }
        bytes.append(contentsOf: format(number).utf8)
    }

    /// `number` × 1e9 as an integer when that is exact and the decimal it spells is the shortest
    /// round-trip form: magnitude in [1e-6, 1e6) and the number is the double nearest n / 1e9.
    /// Then n has at most 15 significant digits, and two decimals of at most 15 digits never round
    /// to the same double, so no shorter spelling reads back as `number`.
    static func fixedPointDigits(_ number: Double) -> Int64? {
        let magnitude = number.magnitude
        guard magnitude >= 1e-6, magnitude < 1e6 else { return nil }
        let scaled = (number * 1e9).rounded()
        guard Double(scaled) / 1e9 == number else { return nil }
        return Int64(scaled)
    }

    /// Writes n / 1e9 as "-12.5", "0.000001", "3.0": integer part, point, fraction without trailing zeros.
    private static func appendFixedPoint(_ nanos: Int64, to bytes: inout [UInt8]) {
        if nanos < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = nanos.magnitude
        appendDigits(magnitude / 1_000_000_000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % 1_000_000_000
        guard fraction != 0 else {
            bytes.append(0x30)
            return
        }
        var width = 9
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            for position in stride(from: width - 1, through: 0, by: -1) {
                buffer[position] = 0x30 + UInt8(fraction % 10)
                fraction /= 10
            }
            bytes.append(contentsOf: buffer[..<width])
        }
    }

    private static func appendDigits(_ value: UInt64, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &bytes) }
        bytes.append(0x30 + UInt8(value % 10))
    }

    /// Appends `string` quoted, escaping only what JSON requires; other non-ASCII text stays readable UTF-8.
    public static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        // Most strings need no escaping and are copied in one piece.
        var string = string
        let copied = string.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied {
            bytes.append(0x22)
            return
        }
        for byte in string.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case ..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }

    /// Rewrites "-1.5e-06" as "-0.0000015" using the same digits, so the value is unchanged.
    static func plainDecimal(fromExponentForm text: String) -> String {
        let parts = text.split(separator: "e", maxSplits: 1)
        var mantissa = parts[0]
        let exponent = Int(parts[1])!
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let pointIndex =
            mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        var digits = String(mantissa.filter { $0 != "." })
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        let point = pointIndex + exponent
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }
}

/// Appends UTF-8 to one buffer; the String is made once at the end.
private struct Emitter {
    let indentWidth: Int
    var bytes: [UInt8] = []
    /// Spaces to copy indentation from, grown as deeper levels need.
    var spaces: [UInt8] = []

    init(indentWidth: Int) {
        self.indentWidth = indentWidth
    }

    mutating func write(_ value: JSONOutput, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): JSONWriter.appendNumber(number, to: &bytes)
        case .integer(let integer): append(String(integer))
        case .string(let string): writeString(string)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                newline(level: level + 1)
                write(element, level: level + 1)
                if i < elements.count - 1 { bytes.append(UInt8(ascii: ",")) }
            }
            newline(level: level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
            for (i, (key, member)) in members.enumerated() {
                newline(level: level + 1)
                writeString(key)
                append(": ")
                write(member, level: level + 1)
                if i < members.count - 1 { bytes.append(UInt8(ascii: ",")) }
            }
            newline(level: level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(level: Int) {
        bytes.append(0x0A)
        let width = level * indentWidth
        while spaces.count < width { spaces.append(contentsOf: spaces.isEmpty ? [0x20] : spaces) }
        bytes.append(contentsOf: spaces[..<width])
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func writeString(_ string: String) {
        JSONWriter.appendString(string, to: &bytes)
    }
}
