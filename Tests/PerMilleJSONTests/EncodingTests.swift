import PerMilleJSON
import Testing

@Suite("Encoding")
struct EncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func utf8ByteOrderMarkIsSkippedAndColumnsIgnoreIt() throws {
        let root = try JSONParser.parse(Self.bom + Array(#"{"a": [1]}"#.utf8))
        // Editors do not show the BOM, so the brace is column 1; the offset still counts it.
        #expect(root.position.full == "1:1@3")
        #expect(root.members?.first?.keyPosition.full == "1:2@4")
        #expect(root.member("a")?.position.full == "1:7@9")
    }

    @Test func onlyOneByteOrderMarkIsSkipped() {
        ErrorCase(
            bytes: Self.bom + Self.bom + Array("1".utf8),
            "expected a value, found '\u{FEFF}' (U+FEFF)", at: "1:1@3",
            expected: "a value", found: "'\u{FEFF}' (U+FEFF)"
        ).check()
    }

    @Test(arguments: [
        ErrorCase(bytes: EncodingTests.bom, "the file is empty", at: "1:1@3", expected: "a value", found: "end of file"),
        ErrorCase(
            bytes: EncodingTests.bom + Array("[x]".utf8), "expected a value, found 'x'", at: "1:2@4",
            expected: "a value", found: "'x'"),
    ])
    func errorsAfterAByteOrderMark(_ errorCase: ErrorCase) { errorCase.check() }

    @Test(arguments: [
        ErrorCase(
            bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
            "the file is encoded as UTF-16 little-endian; save it as UTF-8", at: "1:1@0",
            expected: "UTF-8 text", found: "UTF-16 little-endian byte order mark (FF FE)"),
        ErrorCase(
            bytes: [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D],
            "the file is encoded as UTF-16 big-endian; save it as UTF-8", at: "1:1@0",
            expected: "UTF-8 text", found: "UTF-16 big-endian byte order mark (FE FF)"),
        ErrorCase(
            bytes: [0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00],
            "the file is encoded as UTF-32 little-endian; save it as UTF-8", at: "1:1@0",
            expected: "UTF-8 text", found: "UTF-32 little-endian byte order mark (FF FE 00 00)"),
        ErrorCase(
            bytes: [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x7B],
            "the file is encoded as UTF-32 big-endian; save it as UTF-8", at: "1:1@0",
            expected: "UTF-8 text", found: "UTF-32 big-endian byte order mark (00 00 FE FF)"),
        // Without a BOM, UTF-16 shows up as zero bytes between ASCII characters.
        ErrorCase(
            bytes: [0x7B, 0x00, 0x7D, 0x00],
            "the file contains zero bytes, as UTF-16 or UTF-32 text does; save it as UTF-8", at: "1:2@1",
            expected: "UTF-8 text", found: "control character U+0000"),
    ])
    func otherUnicodeEncodingsAreRejected(_ errorCase: ErrorCase) { errorCase.check() }

    static let utf8Message = "; the file must be UTF-8 encoded"

    @Test(
        arguments: [
            // A stray byte, an overlong encoding, an encoded surrogate, a scalar above U+10FFFF,
            // a sequence cut short by a quote, and one cut short by the end of the file.
            ([0x22, 0x61, 0xFF, 0x22], "1:3@2", 0xFF),
            ([0x22, 0xC0, 0xAF, 0x22], "1:2@1", 0xC0),
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "1:2@1", 0xED),
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "1:2@1", 0xF4),
            ([0x22, 0xC3, 0xA9, 0xE2, 0x82, 0x22], "1:3@3", 0xE2),
            ([0x22, 0xE2, 0x82], "1:2@1", 0xE2),
            ([0x22, 0x5C, 0x6E, 0x80, 0x22], "1:4@3", 0x80),  // after an escape: the slow path
            ([0x5B, 0xFF, 0x5D], "1:2@1", 0xFF),  // outside any string
        ] as [([UInt8], String, UInt8)])
    func invalidUTF8IsReportedAtTheOffendingByte(bytes: [UInt8], position: String, byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        let found = "invalid UTF-8 byte 0x\(hex)"
        ErrorCase(bytes: bytes, found + Self.utf8Message, at: position, expected: "valid UTF-8", found: found).check()
    }

    @Test(
        arguments: [
            [0x22, 0xC3, 0xA9, 0x22],  // é, 2 bytes
            [0x22, 0xE2, 0x82, 0xAC, 0x22],  // €, 3 bytes
            [0x22, 0xEF, 0xBF, 0xBF, 0x22],  // U+FFFF, highest 3-byte scalar
            [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22],  // 😀, 4 bytes
            [0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22],  // U+10FFFF, the last scalar
        ] as [[UInt8]])
    func validMultiByteSequencesAreAccepted(bytes: [UInt8]) throws {
        let string = try #require(JSONParser.parse(bytes).string)
        #expect(Array(string.utf8) == Array(bytes.dropFirst().dropLast()))
    }
}
