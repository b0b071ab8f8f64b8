extension Parser {
    /// Parses the string whose opening quote is at the cursor and returns its decoded text.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        let contentStart = open &+ 1
        let base = bytes.baseAddress!
        var i = contentStart
        while true {
            if i &+ 8 <= end {
                // Skip eight ordinary bytes at a time; most strings end within one or two words.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let special = Self.specialByteMask(word)
                if special == 0 {
                    i &+= 8
                    continue
                }
                i &+= special.trailingZeroBitCount &>> 3
            } else if i >= end {
                index = i
                throw unterminatedString(open: open)
            }
            let byte = base[i]
            if byte == ASCII.quote {
                index = i &+ 1
                // Fast path: the slice is already validated UTF-8 with nothing to decode.
                return strings.string(bytes, contentStart..<i)
            }
            if byte == ASCII.backslash {
                index = i
                return try parseEscapedString(open: open, contentStart: contentStart)
            }
            if byte < ASCII.space {
                index = i
                throw unescapedControlCharacter()
            }
            if byte < 0x80 {
                i &+= 1  // only near the end of the input, where words are not read
            } else {
                guard let length = utf8SequenceLength(at: i) else {
                    index = i
                    throw invalidUTF8()
                }
                i &+= length
                continuationBytes &+= length &- 1
            }
        }
    }

    /// High bit set in each byte of `word` that is '"', '\\', a control character or non-ASCII.
    ///
    /// The classic "has zero byte" trick: borrows can only mark bytes above a true match, so
    /// the lowest set bit is always exact.
    @inline(__always)
    static func specialByteMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & (ones &* 0x80)
    }

    /// The slow path, taken from the first backslash: decodes into `scratch`, copying plain
    /// runs in one piece.
    mutating func parseEscapedString(open: Int, contentStart: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = contentStart
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.quote || byte == ASCII.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == ASCII.quote {
                    index &+= 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                try decodeEscape()
                runStart = index
            } else if byte < ASCII.space {
                throw unescapedControlCharacter()
            } else if byte < 0x80 {
                index &+= 1
            } else {
                guard let length = utf8SequenceLength(at: index) else { throw invalidUTF8() }
                index &+= length
                continuationBytes &+= length &- 1
            }
        }
        throw unterminatedString(open: open)
    }

    /// Decodes the escape sequence whose backslash is at the cursor into `scratch`.
    mutating func decodeEscape() throws(JSONSyntaxError) {
        let backslash = index
        index &+= 1
        guard index < end else { throw unexpected(expected: "an escape sequence after '\\'") }
        let decoded: UInt8
        switch bytes[index] {
        case ASCII.quote: decoded = ASCII.quote
        case ASCII.backslash: decoded = ASCII.backslash
        case ASCII.slash: decoded = ASCII.slash
        case 0x62: decoded = 0x08  // \b
        case 0x66: decoded = 0x0C  // \f
        case 0x6E: decoded = ASCII.lineFeed  // \n
        case 0x72: decoded = ASCII.carriageReturn  // \r
        case 0x74: decoded = ASCII.tab  // \t
        case ASCII.lowerU:
            index &+= 1
            appendUTF8(try decodeUnicodeEscape(backslash: backslash))
            return
        default:
            throw invalidEscape(backslash: backslash)
        }
        scratch.append(decoded)
        index &+= 1
    }

    /// Decodes `\uXXXX` (cursor just after the `u`), joining a surrogate pair into one scalar.
    mutating func decodeUnicodeEscape(backslash: Int) throws(JSONSyntaxError) -> UInt32 {
        let unit = try readHexQuad()
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < end, bytes[index] == ASCII.backslash, bytes[index + 1] == ASCII.lowerU else {
                throw unpairedSurrogate(unit, backslash: backslash, found: describeFound(at: index))
            }
            index &+= 2
            let low = try readHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw unpairedSurrogate(unit, backslash: backslash, found: "'\\u\(hex4(low))'")
            }
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw unpairedSurrogate(unit, backslash: backslash, found: "'\\u\(hex4(unit))'")
        default:
            return unit
        }
    }

    mutating func readHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < end, let digit = hexDigitValue(bytes[index]) else {
                throw badHexDigit()
            }
            value = value << 4 | digit
            index &+= 1
        }
        return value
    }

    func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length (2...4) of the well-formed UTF-8 sequence starting with the non-ASCII byte at
    /// `i`, or nil if it is ill-formed: stray continuation, overlong, surrogate, above U+10FFFF
    /// or cut off by the end of the input.
    func utf8SequenceLength(at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return nil
        }
        guard end - i >= length else { return nil }
        let second = bytes[i + 1]
        guard second >= low, second <= high else { return nil }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }
}

func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
