import PerMille

/// Why the pipeline stopped: every diagnostic, the bytes they point into, and how bad it is.
public struct PipelineFailure: Error, Sendable {
    public enum Stage: Sendable, Hashable {
        /// A file or the indicators folder could not be read (exit 2).
        case unreadable
        /// The project file has errors, or a factor it needs is missing (exit 1).
        case invalid
    }

    public var stage: Stage
    public var diagnostics: [Diagnostic]
    /// The project's bytes, so diagnostics can quote their lines; nil when there is nothing to quote.
    public var source: [UInt8]?

    public init(_ stage: Stage, diagnostics: [Diagnostic], source: [UInt8]? = nil) {
        self.stage = stage
        self.diagnostics = diagnostics
        self.source = source
    }

    init(_ stage: Stage, code: String, _ message: String, file: String) {
        self.init(stage, diagnostics: [Diagnostic(code: code, message: message, location: SourceLocation(file: file, line: 0, column: 0, path: ""))])
    }

    /// The exit status the command-line tool gives this failure.
    public var exitCode: Int32 { stage == .unreadable ? 2 : 1 }
}
