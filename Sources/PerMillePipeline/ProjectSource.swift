import Foundation
import PerMille

/// Where a project (or a submitted result) is read from: a file, or standard input (`-`).
public struct ProjectSource: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case file(String)
        case standardInput
    }

    public var origin: Origin

    public init(_ origin: Origin) { self.origin = origin }

    /// `-` is standard input; anything else a file path.
    public init(argument: String) {
        origin = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name diagnostics use: the path, or `<stdin>`.
    public var name: String {
        switch origin {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }

    /// The file's path, nil for standard input.
    public var path: String? {
        if case .file(let path) = origin { return path }
        return nil
    }

    /// The system's reason a file cannot be opened, in words.
    static func whyUnreadable(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory, not a file" }
        let descriptor = open(path, O_RDONLY)
        guard descriptor < 0 else {
            close(descriptor)
            return "the file could not be opened"
        }
        return String(cString: strerror(errno))
    }

    /// Project files larger than this are refused before parsing (a real project is a few MB at most).
    public static let maximumProjectBytes = 64 * 1024 * 1024

    /// Reads every byte, refusing more than `limit` (nil: no limit, for results).
    public func read(limit: Int? = ProjectSource.maximumProjectBytes) throws(PipelineFailure) -> [UInt8] {
        let handle: FileHandle
        switch origin {
        case .standardInput: handle = FileHandle.standardInput
        case .file(let path):
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw PipelineFailure(.unreadable, code: "file.unreadable", "cannot read \(path): it is a directory, not a file", file: path)
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw PipelineFailure(.unreadable, code: "file.unreadable", "cannot read \(path): \(Self.whyUnreadable(path))", file: path)
            }
            handle = opened
        }
        defer { if case .file = origin { try? handle.close() } }
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw PipelineFailure(.unreadable, code: "file.unreadable", "cannot read \(name): \(error.localizedDescription)", file: name)
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
            if let limit, bytes.count > limit {
                throw PipelineFailure(
                    .unreadable, code: "file.too-large", "\(name) is larger than \(limit) bytes, the limit for project files", file: name)
            }
        }
        return bytes
    }
}
