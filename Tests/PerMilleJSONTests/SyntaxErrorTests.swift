import PerMilleJSON
import Testing

/// One invalid input and everything its error must say.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    var input: [UInt8]
    var message: String
    var position: String  // "line:column@offset"
    var expected: String
    var found: String

    init(_ text: String, _ message: String, at position: String, expected: String, found: String) {
        self.init(bytes: Array(text.utf8), message, at: position, expected: expected, found: found)
    }

    init(bytes: [UInt8], _ message: String, at position: String, expected: String, found: String) {
        self.input = bytes
        self.message = message
        self.position = position
        self.expected = expected
        self.found = found
    }

    var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }

    func check() {
        guard let error = syntaxError(input) else {
            Issue.record("\(testDescription) parsed, but should fail with \"\(message)\"")
            return
        }
        #expect(error.message == message)
        #expect(error.position.full == position)
        #expect(error.expected == expected)
        #expect(error.found == found)
    }
}

@Suite("Syntax errors")
struct SyntaxErrorTests {
    static let nonFinite = "NaN/Infinity is not a JSON number; write a finite decimal"

    @Test(arguments: [
        ErrorCase("", "the file is empty", at: "1:1@0", expected: "a value", found: "end of file"),
        ErrorCase("  \n\t ", "the file is empty", at: "2:3@5", expected: "a value", found: "end of file"),
        ErrorCase(
            "[1] 2", "unexpected content after the JSON value", at: "1:5@4",
            expected: "end of file", found: "'2'"),
        ErrorCase(
            "{\"a\":1}}", "unexpected content after the JSON value", at: "1:8@7",
            expected: "end of file", found: "'}'"),
        ErrorCase("// note\n{}", "comments are not allowed in JSON", at: "1:1@0", expected: "a value", found: "'//'"),
        ErrorCase(
            "{\"a\": 1 /* c */}", "comments are not allowed in JSON", at: "1:9@8",
            expected: "',' or '}'", found: "'/*'"),
        ErrorCase("{} // done", "comments are not allowed in JSON", at: "1:4@3", expected: "end of file", found: "'//'"),
    ])
    func documentLevel(_ errorCase: ErrorCase) { errorCase.check() }

    // The comma is reported, not the bracket: it is what the user has to delete.
    @Test(arguments: [
        ErrorCase("[1, 2,]", "trailing comma before ']'", at: "1:6@5", expected: "a value", found: "']'"),
        ErrorCase("{\"a\": 1,\n}", "trailing comma before '}'", at: "1:8@7", expected: "a string key", found: "'}'"),
        ErrorCase("[1,\r\n 2,\r\n]", "trailing comma before ']'", at: "2:3@7", expected: "a value", found: "']'"),
    ])
    func trailingCommas(_ errorCase: ErrorCase) { errorCase.check() }

    @Test(arguments: [
        ErrorCase("NaN", nonFinite, at: "1:1@0", expected: "a value", found: "'NaN'"),
        ErrorCase("[Infinity]", nonFinite, at: "1:2@1", expected: "a value", found: "'Infinity'"),
        ErrorCase("{\"x\": -Infinity}", nonFinite, at: "1:7@6", expected: "a value", found: "'-Infinity'"),
        ErrorCase("[+inf]", nonFinite, at: "1:2@1", expected: "a value or ']'", found: "'+inf'"),
        ErrorCase(
            "007", "leading zeros are not allowed in JSON numbers", at: "1:1@0",
            expected: "a number without leading zeros", found: "'007'"),
        ErrorCase(
            "[-01.5]", "leading zeros are not allowed in JSON numbers", at: "1:2@1",
            expected: "a number without leading zeros", found: "'-01.5'"),
        ErrorCase(
            "[+1]", "a JSON number cannot start with '+'; remove it", at: "1:2@1",
            expected: "a value or ']'", found: "'+1'"),
        ErrorCase(
            "[.5]", "a JSON number needs a digit before the decimal point; write '0.5'", at: "1:2@1",
            expected: "a value or ']'", found: "'.5'"),
        ErrorCase(
            "[1.]", "expected a digit after the decimal point, found ']'", at: "1:4@3",
            expected: "a digit after the decimal point", found: "']'"),
        ErrorCase(
            "1.", "expected a digit after the decimal point, found end of file", at: "1:3@2",
            expected: "a digit after the decimal point", found: "end of file"),
        ErrorCase(
            "1e", "expected a digit in the exponent, found end of file", at: "1:3@2",
            expected: "a digit in the exponent", found: "end of file"),
        ErrorCase(
            "[1e+]", "expected a digit in the exponent, found ']'", at: "1:5@4",
            expected: "a digit in the exponent", found: "']'"),
        ErrorCase(
            "-", "expected a digit after '-', found end of file", at: "1:2@1",
            expected: "a digit after '-'", found: "end of file"),
        ErrorCase(
            "[-x]", "expected a digit after '-', found 'x'", at: "1:3@2",
            expected: "a digit after '-'", found: "'x'"),
    ])
    func numbers(_ errorCase: ErrorCase) { errorCase.check() }

    @Test(arguments: [
        ErrorCase(
            "\"a\tb\"", "control characters must be escaped in strings", at: "1:3@2",
            expected: "an escape sequence such as '\\t' or '\\u0000'", found: "tab"),
        ErrorCase(
            "\"a\u{1}\"", "control characters must be escaped in strings", at: "1:3@2",
            expected: "an escape sequence such as '\\t' or '\\u0000'", found: "control character U+0001"),
        ErrorCase(
            "[\"line\nbreak\"]", "line break inside a string; close the string with '\"' or write \\n",
            at: "1:7@6", expected: "'\"'", found: "line break"),
        ErrorCase("\"abc", "unterminated string starting at 1:1", at: "1:5@4", expected: "'\"'", found: "end of file"),
        ErrorCase("[1,\n  \"é", "unterminated string starting at 2:3", at: "2:5@9", expected: "'\"'", found: "end of file"),
        ErrorCase(
            "\"\\x\"", "invalid escape sequence '\\x' in string", at: "1:2@1",
            expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", found: "'\\x'"),
        ErrorCase(
            "\"\\", "expected an escape sequence after '\\', found end of file", at: "1:3@2",
            expected: "an escape sequence after '\\'", found: "end of file"),
        ErrorCase(
            "\"\\u12G4\"", "a \\u escape needs exactly 4 hexadecimal digits", at: "1:6@5",
            expected: "a hexadecimal digit", found: "'G'"),
        ErrorCase(
            "\"\\u12", "a \\u escape needs exactly 4 hexadecimal digits", at: "1:6@5",
            expected: "a hexadecimal digit", found: "end of file"),
        ErrorCase(
            "\"\\uD800\"", "unpaired UTF-16 surrogate '\\uD800' in string", at: "1:2@1",
            expected: "a low surrogate escape '\\uDC00'...'\\uDFFF' after it", found: "'\"'"),
        ErrorCase(
            "\"\\uD800\\u0041\"", "unpaired UTF-16 surrogate '\\uD800' in string", at: "1:2@1",
            expected: "a low surrogate escape '\\uDC00'...'\\uDFFF' after it", found: "'\\u0041'"),
        ErrorCase(
            "\"\\uD83D\\uD83D\"", "unpaired UTF-16 surrogate '\\uD83D' in string", at: "1:2@1",
            expected: "a low surrogate escape '\\uDC00'...'\\uDFFF' after it", found: "'\\uD83D'"),
        ErrorCase(
            "\"x\\uDC00\"", "unpaired UTF-16 surrogate '\\uDC00' in string", at: "1:3@2",
            expected: "a high surrogate escape '\\uD800'...'\\uDBFF' before it", found: "'\\uDC00'"),
    ])
    func strings(_ errorCase: ErrorCase) { errorCase.check() }

    @Test(arguments: [
        ErrorCase(
            "[", "expected a value or ']', found end of file", at: "1:2@1",
            expected: "a value or ']'", found: "end of file"),
        ErrorCase(
            "{\"a\": 1", "expected ',' or '}', found end of file", at: "1:8@7",
            expected: "',' or '}'", found: "end of file"),
        ErrorCase("{\"a\"", "expected ':', found end of file", at: "1:5@4", expected: "':'", found: "end of file"),
        ErrorCase("{\"a\":", "expected a value, found end of file", at: "1:6@5", expected: "a value", found: "end of file"),
        ErrorCase("[1,", "expected a value, found end of file", at: "1:4@3", expected: "a value", found: "end of file"),
        ErrorCase(
            "{", "expected a string key or '}', found end of file", at: "1:2@1",
            expected: "a string key or '}'", found: "end of file"),
        ErrorCase("[tru", "expected 'true', found end of file", at: "1:5@4", expected: "'true'", found: "end of file"),
        ErrorCase("nul", "expected 'null', found end of file", at: "1:4@3", expected: "'null'", found: "end of file"),
    ])
    func truncatedInput(_ errorCase: ErrorCase) { errorCase.check() }

    @Test(arguments: [
        ErrorCase("{\"a\" 1}", "expected ':', found '1'", at: "1:6@5", expected: "':'", found: "'1'"),
        ErrorCase("{\"a\": }", "expected a value, found '}'", at: "1:7@6", expected: "a value", found: "'}'"),
        ErrorCase("[1,,2]", "expected a value, found ','", at: "1:4@3", expected: "a value", found: "','"),
        ErrorCase("[1 2]", "missing ',' between array elements", at: "1:4@3", expected: "',' or ']'", found: "'2'"),
        ErrorCase(
            "{\"a\": 1 \"b\": 2}", "missing ',' between object members", at: "1:9@8",
            expected: "',' or '}'", found: "'\"'"),
        ErrorCase("[1}", "expected ',' or ']', found '}'", at: "1:3@2", expected: "',' or ']'", found: "'}'"),
        ErrorCase(
            "{a: 1}", "object keys must be double-quoted strings", at: "1:2@1",
            expected: "a string key or '}'", found: "'a'"),
        ErrorCase(
            "{1: 1}", "expected a string key or '}', found '1'", at: "1:2@1",
            expected: "a string key or '}'", found: "'1'"),
        ErrorCase("['a']", "strings must use double quotes", at: "1:2@1", expected: "a value or ']'", found: "\"'\""),
        ErrorCase("True", "JSON literals are lowercase; write 'true'", at: "1:1@0", expected: "a value", found: "'True'"),
        ErrorCase("[nul]", "expected a value, found 'nul'", at: "1:2@1", expected: "a value", found: "'nul'"),
        ErrorCase("[\"é\", x]", "expected a value, found 'x'", at: "1:7@7", expected: "a value", found: "'x'"),
        ErrorCase(
            "[\u{A0}1]", "expected a value or ']', found '\u{A0}' (U+00A0)", at: "1:2@1",
            expected: "a value or ']'", found: "'\u{A0}' (U+00A0)"),
    ])
    func structure(_ errorCase: ErrorCase) { errorCase.check() }

    @Test func descriptionLeadsWithThePosition() throws {
        let error = try #require(syntaxError("[1,\n]"))
        #expect(error.description == "1:3: trailing comma before ']'")
    }
}
