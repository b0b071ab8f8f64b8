/// Where a problem is: file, line and column, and the JSON path or XML element path.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String

    public init(file: String, line: Int, column: Int, path: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }
}

/// One problem found in a project file or a factor table, with everything a holder needs to fix it.
///
/// Readers collect all of them before anything is computed; the CLI renders them once, at the edge.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    /// Stable code, e.g. `area.negative`, for tests and tooling.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// Path inside the document (`modules.grassland[0].area.with`), also when no position is known.
    public var path: String?
    public var rowID: String?
    public var expected: String?
    public var found: String?
    public var suggestion: String?

    public init(
        _ severity: Severity = .error, code: String, message: String, location: SourceLocation? = nil,
        path: String? = nil, rowID: String? = nil, expected: String? = nil, found: String? = nil,
        suggestion: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.path = path ?? location?.path
        self.rowID = rowID
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
    }
}

/// A set of diagnostics thrown together because the input cannot be used.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
