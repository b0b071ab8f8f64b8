/// A small direct-mapped cache from short byte sequences to the Strings made from them.
///
/// Making a String costs more than scanning its bytes, and project files repeat the same keys
/// and enumeration values in every row. Sequences of up to 16 bytes are compared as two
/// machine words, so a hit is a few instructions and a copy of an existing String.
struct StringCache: ~Copyable {
    private struct Entry {
        var low: UInt64
        var high: UInt64
        var length: Int
        var string: String
    }

    private static let slotBits = 9
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        let count = 1 << Self.slotBits
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: count)
        entries.initialize(repeating: Entry(low: 0, high: 0, length: -1, string: ""), count: count)
    }

    deinit {
        entries.deinitialize(count: 1 << Self.slotBits)
        entries.deallocate()
    }

    /// The String for `bytes[range]`, which must be valid UTF-8.
    @inline(__always)
    func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard range.count <= 16 else { return makeString(bytes, range) }
        let length = range.count
        let (low, high) = Self.words(bytes, range)
        var hash = low &* 0x9E37_79B9_7F4A_7C15
        hash ^= (high ^ UInt64(truncatingIfNeeded: length)) &* 0xC2B2_AE3D_27D4_EB4F
        let slot = entries + Int(truncatingIfNeeded: hash >> UInt64(64 - Self.slotBits))
        if slot.pointee.length == length, slot.pointee.low == low, slot.pointee.high == high {
            return slot.pointee.string
        }
        let string = makeString(bytes, range)
        slot.pointee = Entry(low: low, high: high, length: length, string: string)
        return string
    }

    /// The bytes as two little-endian words, zero-padded; no read goes past the buffer.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        let length = range.count
        let raw = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
        if range.lowerBound + 16 <= bytes.count {
            var low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            var high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if length < 8 {
                low &= (1 << UInt64(length * 8)) &- 1
                high = 0
            } else if length < 16 {
                high &= (1 << UInt64((length - 8) * 8)) &- 1
            }
            return (low, high)
        }
        // Near the end of the input: assemble byte by byte instead of reading past it.
        var low: UInt64 = 0
        var high: UInt64 = 0
        for i in 0..<length {
            let byte = UInt64(raw.load(fromByteOffset: i, as: UInt8.self))
            if i < 8 { low |= byte << UInt64(i * 8) } else { high |= byte << UInt64((i - 8) * 8) }
        }
        return (low, high)
    }
}

/// A String from bytes already known to be valid UTF-8.
func makeString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
}
