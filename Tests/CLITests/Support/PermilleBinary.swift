import Foundation
import Testing

/// Runs the built `permille` binary the way a user does.
///
/// The binary must be built before `swift test --skip-build`: `swift build --build-tests` builds it
/// beside the test bundle, in whichever build folder and configuration the tests were built in.
enum PermilleBinary {
    /// The package root, found from this file's path (Tests/CLITests/Support/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `PERMILLE_BINARY` when set, else `permille` in the folder of the running test bundle (the
    /// build's products folder: `.build/debug`, a `--scratch-path`, a release build…).
    static let executable: URL = {
        if let given = ProcessInfo.processInfo.environment["PERMILLE_BINARY"], !given.isEmpty { return URL(fileURLWithPath: given) }
        var folders: [URL] = []
        if let runner = Bundle.main.executableURL { folders.append(runner.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        for folder in folders {
            // The test bundle may be a folder (`….xctest/`) inside the products folder.
            for candidate in [folder, folder.deletingLastPathComponent()] {
                let binary = candidate.appendingPathComponent("permille")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/permille")
    }()

    /// What one run produced.
    struct Run {
        var exitCode: Int32
        var stdout: Data
        var stderr: Data
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }

        /// Whether standard error reports the error `code`, as text (`error[code]`) or, with
        /// `--format json`, in a permille-diagnostics/1 document.
        func reportsError(_ code: String) -> Bool {
            stderrText.contains("error[\(code)]") || (stderrText.contains("\"code\": \"\(code)\"") && stderrText.contains("\"severity\": \"error\""))
        }

        /// The standard output parsed as a JSON object.
        func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: stdout)
            return try #require(object as? [String: Any], "stdout is not a JSON object", sourceLocation: sourceLocation)
        }
    }

    /// Runs `permille arguments…` in the package root (so `Fixtures/…` paths work) and waits for it.
    ///
    /// Output goes to temporary files rather than pipes, so a large report cannot fill a pipe and block.
    static func run(
        _ arguments: [String], executable: URL = executable, in directory: URL = packageRoot, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "permille binary not found at \(executable.path): run `swift build --build-tests` before `swift test --skip-build`",
            sourceLocation: sourceLocation)
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(exitCode: process.terminationStatus, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
    }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("permille-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A JSON number as a Double (JSONSerialization gives NSNumber).
func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

/// Follows keys through nested JSON objects.
func lookup(_ object: [String: Any], _ keys: String...) -> Any? {
    var current: Any? = object
    for key in keys { current = (current as? [String: Any])?[key] }
    return current
}
