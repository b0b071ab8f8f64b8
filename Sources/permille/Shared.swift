import ArgumentParser
import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMilleJSON
import PerMillePipeline
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Options every command that reads data shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Read factor tables from this Indicators folder instead of the bundled one.")
    var indicators: String?

    /// The pipeline over the chosen indicators folder (manifest read; tables read as projects need
    /// them); a folder that cannot be opened is reported in `style`.
    func pipeline(style: DiagnosticsStyle = .text) throws -> Pipeline {
        try reporting(style: style) { () throws(PipelineFailure) in try Pipeline(indicators: indicators.map { URL(fileURLWithPath: $0) }) }
    }

    /// Every factor table of the folder (`factors`, `schema`, `practices`).
    func loadFactors() throws -> FactorSet {
        let pipeline = try pipeline()
        return try reporting { () throws(PipelineFailure) in try pipeline.load(Set(pipeline.folder.tableNames)) }
    }

    /// The indicator catalogue, criteria and practice sheets; `criteria` replaces the bundled criteria file.
    func loadReview(criteria: String? = nil, factors: FactorSet? = nil) throws -> ReviewData {
        let pipeline = try pipeline()
        return try reporting { () throws(PipelineFailure) in try pipeline.review(criteria: criteria.map { URL(fileURLWithPath: $0) }, factors: factors) }
    }
}

/// `--method` and `--gwp`, shared by the commands that assess.
struct MethodOptions: ParsableArguments {
    @Option(help: "Method: ipcc (default) or exact-v9.4; overrides the project's own.")
    var method: String?

    @Option(help: "GWP set: SAR, AR4, AR5, AR5-feedback, AR6; overrides the project's own.")
    var gwp: String?

    func validate() throws {
        if let method, Method(rawValue: method) == nil {
            throw ValidationError("unknown method '\(method)'; expected ipcc or exact-v9.4")
        }
        if let gwp, GWPSet(rawValue: gwp) == nil {
            throw ValidationError("unknown GWP set '\(gwp)'; expected " + GWPSet.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    var options: Pipeline.Options {
        Pipeline.Options(method: method.flatMap(Method.init(rawValue:)), gwp: gwp.flatMap(GWPSet.init(rawValue:)))
    }
}

/// `--monte-carlo N [--seed S]`, shared by assess, report and portfolio.
struct MonteCarloOptions: ParsableArguments {
    @Option(
        name: .customLong("monte-carlo"),
        help: ArgumentHelp(
            "Also propagate the factors' uncertainty by Monte Carlo with N draws (IPCC Approach 2; Docs/method.md §11.1).",
            valueName: "N"))
    var draws: Int?

    @Option(help: ArgumentHelp("Seed of the Monte Carlo draws (default \(MonteCarlo.Settings.defaultSeed)); the same seed gives the same numbers.", valueName: "S"))
    var seed: Int?

    /// Draws beyond this would hold more than a gigabyte of per-draw totals for a project of many modules.
    static let maximumDraws = 10_000_000
    /// JSON numbers above 2^53 lose digits in most readers, and the result must name its seed exactly.
    static let maximumSeed = 9_007_199_254_740_991

    func validate() throws {
        if let draws, !(2...Self.maximumDraws).contains(draws) {
            throw ValidationError("--monte-carlo needs between 2 and \(Self.maximumDraws) draws, got \(draws)")
        }
        if let seed {
            guard draws != nil else { throw ValidationError("--seed is for --monte-carlo; give --monte-carlo N as well") }
            guard (0...Self.maximumSeed).contains(seed) else { throw ValidationError("--seed must be between 0 and \(Self.maximumSeed), got \(seed)") }
        }
    }

    var settings: MonteCarlo.Settings? {
        guard let draws else { return nil }
        return MonteCarlo.Settings(draws: draws, seed: seed.map { UInt64(clamping: $0) } ?? MonteCarlo.Settings.defaultSeed)
    }

    /// `methods`' options with the Monte Carlo settings added.
    func adding(to methods: MethodOptions) -> Pipeline.Options {
        var options = methods.options
        options.monteCarlo = settings
        return options
    }
}

/// How failures are printed: text for people, or `permille-diagnostics/1` JSON for tools.
enum DiagnosticsStyle {
    case text
    /// The JSON document, on standard output (`validate`) or standard error (`assess`), for `file`.
    case json(file: String, toStandardOutput: Bool)
}

/// Runs a pipeline step; on failure prints every diagnostic and exits with `exitCode`, or the failure's own status.
func reporting<Value>(exitCode: Int32? = nil, style: DiagnosticsStyle = .text, _ step: () throws(PipelineFailure) -> Value) throws -> Value {
    do { return try step() } catch {
        switch style {
        case .text:
            Output.error(DiagnosticRenderer.render(error.diagnostics, source: error.source, limit: diagnosticLimit))
        case .json(let file, let toStandardOutput):
            let document = DiagnosticDocument.encode(error.diagnostics, file: file, valid: false)
            if toStandardOutput { Output.print(document) } else { Output.error(document) }
        }
        throw ExitCode(exitCode ?? error.exitCode)
    }
}

/// Prints a read project's warnings, if it has any.
func printWarnings(_ read: Pipeline.ReadProject) {
    if !read.warnings.isEmpty { Output.error(DiagnosticRenderer.render(read.warnings, source: read.bytes, limit: diagnosticLimit)) }
}

/// How many diagnostics a run prints: `PERMILLE_MAX_DIAGNOSTICS` (0: all), else 200.
let diagnosticLimit = DiagnosticRenderer.limit(environment: ProcessInfo.processInfo.environment["PERMILLE_MAX_DIAGNOSTICS"])

enum Output {
    /// Set when standard output or error could not be written: the command then exits 2 (`finish`).
    private static let failed = Atomic<Bool>(false)

    /// Writes to standard error; a failure is remembered, never a trap (FileHandle.write traps on a full device).
    static func error(_ text: String) {
        if let problem = writeAll(STDERR_FILENO, text) {
            failed.store(true, ordering: .relaxed)
            _ = problem
        }
    }

    /// Writes to standard output; a failure is reported on standard error (while that still works).
    static func print(_ text: String) {
        if let problem = writeAll(STDOUT_FILENO, text) {
            failed.store(true, ordering: .relaxed)
            // Reported once: after the first failure every later write fails the same way.
            if !reportedOutput.exchange(true, ordering: .relaxed) {
                _ = writeAll(STDERR_FILENO, "error[output.unwritable]: cannot write standard output: \(problem)\n")
            }
        }
    }
    private static let reportedOutput = Atomic<Bool>(false)

    /// Exits 2 if any write to standard output or error failed, so a truncated output is never a success.
    static func finish() {
        if failed.load(ordering: .relaxed) { exit(2) }
    }

    /// POSIX write, retried on short writes and EINTR; the error's text on failure.
    private static func writeAll(_ descriptor: Int32, _ text: String) -> String? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// Opens standard output (nil) or a file replaced atomically; exits 2 when it cannot be written.
    static func open(_ path: String?, inputs: [String] = []) throws -> OutputFile {
        do { return try OutputFile(path: path, inputs: inputs) } catch {
            Output.error("\(error)\n")
            throw ExitCode(2)
        }
    }

    /// Writes `text` to `path` in one atomic step (no partial file on failure), or to standard output when nil.
    static func write(_ text: String, to path: String?, inputs: [String] = []) throws {
        let file = try open(path, inputs: inputs)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.abandon()
            Output.error("\(error)\n")
            throw ExitCode(2)
        }
    }

    /// Streams a document to `path` (standard output when nil), atomically: `body` writes to the
    /// sink it is given and returns the first error the sink threw.
    static func stream(to path: String?, inputs: [String] = [], _ body: (@escaping JSONStreamWriter.Sink) -> (any Error)?) throws {
        let file = try open(path, inputs: inputs)
        do {
            if let failure = body({ bytes in try file.write(bytes) }) { throw failure }
            try file.commit()
        } catch {
            file.abandon()
            Output.error("\(error)\n")
            throw ExitCode(2)
        }
    }
}

/// Reads a file's bytes (standard input for `-`), refusing files larger than a project can be; exits 2 when unreadable.
func readBytes(_ path: String, limit: Int? = ProjectSource.maximumProjectBytes) throws -> [UInt8] {
    try reporting { () throws(PipelineFailure) in try ProjectSource(argument: path).read(limit: limit) }
}
