// Error construction lives apart from the grammar: it runs once per parse at most, so it can
// afford Strings and look-ahead to explain the likely mistake.

extension Parser {
    static let nonFiniteMessage = "NaN/Infinity is not a JSON number; write a finite decimal"

    func error(_ message: String, at offset: Int, expected: String, found: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position(at: offset), expected: expected, found: found)
    }

    /// The generic error at the cursor, sharpened for comments and invalid UTF-8.
    func unexpected(expected: String) -> JSONSyntaxError {
        if let comment = commentError(expected: expected) { return comment }
        if index < end, bytes[index] >= 0x80, utf8SequenceLength(at: index) == nil { return invalidUTF8() }
        let found = describeFound(at: index)
        return error("expected \(expected), found \(found)", at: index, expected: expected, found: found)
    }

    func commentError(expected: String) -> JSONSyntaxError? {
        guard index + 1 < end, bytes[index] == ASCII.slash,
            bytes[index + 1] == ASCII.slash || bytes[index + 1] == ASCII.asterisk
        else { return nil }
        let found = bytes[index + 1] == ASCII.slash ? "'//'" : "'/*'"
        return error("comments are not allowed in JSON", at: index, expected: expected, found: found)
    }

    func invalidUTF8() -> JSONSyntaxError {
        let found = describeFound(at: index)
        return error("\(found); the file must be UTF-8 encoded", at: index, expected: "valid UTF-8", found: found)
    }

    /// A value was expected but the byte at the cursor cannot start one (and is not a letter).
    func notAValue(expected: String) -> JSONSyntaxError {
        let byte = bytes[index]
        let next = index + 1 < end ? bytes[index + 1] : 0
        if byte == ASCII.apostrophe {
            return error("strings must use double quotes", at: index, expected: expected, found: describeFound(at: index))
        }
        if byte == ASCII.plus, ASCII.isLetter(next) {
            let word = text(index..<scanWord(from: index + 1))
            if isNonFiniteName(word.dropFirst()) {
                return error(Self.nonFiniteMessage, at: index, expected: expected, found: quoted(word))
            }
        }
        if byte == ASCII.plus, ASCII.isDigit(next) {
            return error(
                "a JSON number cannot start with '+'; remove it", at: index,
                expected: expected, found: quoted(numberLikeText(from: index)))
        }
        if byte == ASCII.dot, ASCII.isDigit(next) {
            let literal = numberLikeText(from: index)
            return error(
                "a JSON number needs a digit before the decimal point; write '0\(literal)'",
                at: index, expected: expected, found: quoted(literal))
        }
        return unexpected(expected: expected)
    }

    /// An object key was expected; catches the usual unquoted and single-quoted keys.
    func notAKey(expected: String) -> JSONSyntaxError {
        if index < end, ASCII.isLetter(bytes[index]) {
            return error(
                "object keys must be double-quoted strings", at: index, expected: expected,
                found: quoted(text(index..<scanWord(from: index))))
        }
        if index < end, bytes[index] == ASCII.apostrophe {
            return error("strings must use double quotes", at: index, expected: expected, found: describeFound(at: index))
        }
        return unexpected(expected: expected)
    }

    /// A word that is not `true`, `false` or `null` where a value was expected.
    func invalidWord(start: Int, end wordEnd: Int) -> JSONSyntaxError {
        let word = text(start..<wordEnd)
        if isNonFiniteName(word[...]) {
            return error(Self.nonFiniteMessage, at: start, expected: "a value", found: quoted(word))
        }
        for literal in ["true", "false", "null"] {
            if word.lowercased() == literal {
                return error(
                    "JSON literals are lowercase; write '\(literal)'", at: start,
                    expected: "a value", found: quoted(word))
            }
            if wordEnd == end, literal.hasPrefix(word) {
                return error(
                    "expected '\(literal)', found end of file", at: end,
                    expected: "'\(literal)'", found: "end of file")
            }
        }
        let found = quoted(word)
        return error("expected a value, found \(found)", at: start, expected: "a value", found: found)
    }

    /// The cursor is just after a '-' (or at the start) and no digit follows.
    func invalidNumberStart(numberStart: Int) -> JSONSyntaxError {
        if index < end, ASCII.isLetter(bytes[index]) {
            let wordEnd = scanWord(from: index)
            if isNonFiniteName(text(index..<wordEnd)[...]) {
                return error(
                    Self.nonFiniteMessage, at: numberStart, expected: "a value",
                    found: quoted(text(numberStart..<wordEnd)))
            }
        }
        return unexpected(expected: "a digit after '-'")
    }

    func leadingZero(numberStart: Int) -> JSONSyntaxError {
        error(
            "leading zeros are not allowed in JSON numbers", at: numberStart,
            expected: "a number without leading zeros", found: quoted(numberLikeText(from: numberStart)))
    }

    func trailingComma(_ comma: Mark, before closer: String, expected: String) -> JSONSyntaxError {
        JSONSyntaxError(
            message: "trailing comma before '\(closer)'", position: position(of: comma),
            expected: expected, found: "'\(closer)'")
    }

    /// After an element or member, neither ',' nor the closer follows.
    func missingSeparator(closer: String, between items: String) -> JSONSyntaxError {
        let expected = "',' or '\(closer)'"
        guard index < end else { return unexpected(expected: expected) }
        let byte = bytes[index]
        let startsItem =
            closer == "}"
            ? byte == ASCII.quote
            : byte == ASCII.quote || byte == ASCII.openBrace || byte == ASCII.openBracket
                || byte == ASCII.minus || ASCII.isDigit(byte) || ASCII.isLetter(byte)
        guard startsItem else { return unexpected(expected: expected) }
        return error("missing ',' between \(items)", at: index, expected: expected, found: describeFound(at: index))
    }

    func unescapedControlCharacter() -> JSONSyntaxError {
        let byte = bytes[index]
        let found = describeFound(at: index)
        if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
            return error(
                "line break inside a string; close the string with '\"' or write \\n",
                at: index, expected: "'\"'", found: found)
        }
        return error(
            "control characters must be escaped in strings", at: index,
            expected: "an escape sequence such as '\\t' or '\\u0000'", found: found)
    }

    func unterminatedString(open: Int) -> JSONSyntaxError {
        let start = position(at: open)
        return error("unterminated string starting at \(start)", at: end, expected: "'\"'", found: "end of file")
    }

    func invalidEscape(backslash: Int) -> JSONSyntaxError {
        let expected = "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        let byte = bytes[index]
        guard byte >= 0x21, byte < 0x7F else {
            return error("invalid escape sequence in string", at: index, expected: expected, found: describeFound(at: index))
        }
        let escape = "\\" + String(UnicodeScalar(byte))
        return error(
            "invalid escape sequence '\(escape)' in string", at: backslash,
            expected: expected, found: "'\(escape)'")
    }

    func badHexDigit() -> JSONSyntaxError {
        if index < end, bytes[index] >= 0x80, utf8SequenceLength(at: index) == nil { return invalidUTF8() }
        let found = describeFound(at: index)
        return error(
            "a \\u escape needs exactly 4 hexadecimal digits", at: index,
            expected: "a hexadecimal digit", found: found)
    }

    func unpairedSurrogate(_ unit: UInt32, backslash: Int, found: String) -> JSONSyntaxError {
        let isHigh = unit < 0xDC00
        let expected =
            isHigh
            ? "a low surrogate escape '\\uDC00'...'\\uDFFF' after it"
            : "a high surrogate escape '\\uD800'...'\\uDBFF' before it"
        return error(
            "unpaired UTF-16 surrogate '\\u\(hex4(unit))' in string", at: backslash,
            expected: expected, found: found)
    }

    /// Rejects UTF-16 and UTF-32 up front: byte by byte they would give baffling errors.
    func rejectOtherEncodings() throws(JSONSyntaxError) {
        func starts(with prefix: [UInt8]) -> Bool {
            end >= prefix.count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] }
        }
        let encodings: [(bom: [UInt8], name: String)] = [
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 big-endian"),
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 little-endian"),
            ([0xFE, 0xFF], "UTF-16 big-endian"),
            ([0xFF, 0xFE], "UTF-16 little-endian"),
        ]
        for (bom, name) in encodings where starts(with: bom) {
            let hex = bom.map { hex2($0) }.joined(separator: " ")
            throw error(
                "the file is encoded as \(name); save it as UTF-8", at: 0,
                expected: "UTF-8 text", found: "\(name) byte order mark (\(hex))")
        }
        if end >= 2, bytes[0] == 0 || bytes[1] == 0 {
            let zero = bytes[0] == 0 ? 0 : 1
            throw error(
                "the file contains zero bytes, as UTF-16 or UTF-32 text does; save it as UTF-8",
                at: zero, expected: "UTF-8 text", found: describeFound(at: zero))
        }
    }

    // MARK: Describing input

    /// What is at `offset`, in the words an error's `found` uses.
    func describeFound(at offset: Int) -> String {
        guard offset < end else { return "end of file" }
        let byte = bytes[offset]
        switch byte {
        case ASCII.lineFeed, ASCII.carriageReturn: return "line break"
        case ASCII.tab: return "tab"
        case ..<0x20, 0x7F: return "control character U+\(hex4(UInt32(byte)))"
        case ASCII.apostrophe: return "\"'\""
        case ..<0x80: return "'\(UnicodeScalar(byte))'"
        default: break
        }
        guard let length = utf8SequenceLength(at: offset) else { return "invalid UTF-8 byte 0x\(hex2(byte))" }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        // The code point makes invisible characters (no-break space, BOM) identifiable.
        return "'\(scalar)' (U+\(hex4(scalar.unicodeScalars.first!.value)))"
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Quotes a word for `found`, shortened so a runaway token cannot flood the message.
    func quoted(_ word: String) -> String {
        word.count > 40 ? "'\(word.prefix(40))...'" : "'\(word)'"
    }

    /// The run of characters that could belong to a number, for quoting a malformed one whole.
    func numberLikeText(from start: Int) -> String {
        var i = start
        while i < end {
            let byte = bytes[i]
            guard
                ASCII.isDigit(byte) || byte == ASCII.dot || byte == ASCII.plus || byte == ASCII.minus
                    || byte | 0x20 == ASCII.lowerE
            else { break }
            i += 1
        }
        return text(start..<i)
    }

    func isNonFiniteName(_ word: Substring) -> Bool {
        ["nan", "inf", "infinity"].contains(word.lowercased())
    }
}

func hex2(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
}
