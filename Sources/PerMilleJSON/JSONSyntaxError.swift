/// Why and where a file is not strict JSON.
///
/// Project files are edited by hand, so an error carries a sentence for people, a position an
/// editor can jump to, and what the parser expected and found, for messages and for tests.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A human sentence, e.g. "trailing comma before '}'".
    public var message: String
    /// Where the problem is: usually where `found` starts; for a trailing comma, the comma.
    public var position: JSONPosition
    /// What would have been valid here, e.g. "a value", "',' or '}'", "a string key".
    public var expected: String
    /// What is actually there, e.g. "'}'", "end of file", "'NaN'", "invalid UTF-8 byte 0xFF".
    public var found: String

    /// Creates an error; the parser is the usual source.
    public init(message: String, position: JSONPosition, expected: String, found: String) {
        self.message = message
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// "line:column: message", the form compilers use.
    public var description: String { "\(position): \(message)" }
}
