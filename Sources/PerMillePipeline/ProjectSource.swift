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

    /// Project files larger than this are refused before parsing (a real project is a few MB at most).
    public static let maximumProjectBytes = 64 * 1024 * 1024

    /// Reads every byte, refusing more than `limit` (nil: no limit, for results).
    public func read(limit: Int? = ProjectSource.maximumProjectBytes) throws(PipelineFailure) -> [UInt8] {
        let handle: FileHandle
        switch origin {
        case .standardInput: handle = FileHandle.standardInput
        case .file(let path):
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw PipelineFailure(.unreadable, code: "file.unreadable", "cannot read \(path)", file: path)
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
