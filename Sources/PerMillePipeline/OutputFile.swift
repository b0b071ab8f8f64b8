#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// The temporary file being written, for the signal handler to remove: a C string, since the
/// handler may call only async-signal-safe functions (unlink, signal, raise), never Swift runtime code.
/// One command writes one output file at a time; the pointer is set before the handler can see it.
nonisolated(unsafe) private var pendingTemporary: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var handlersInstalled = false

/// Removes the temporary file on SIGINT, SIGTERM or SIGHUP, then dies of the signal as before.
private func installCleanupHandlers() {
    guard !handlersInstalled else { return }
    handlersInstalled = true
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber) { received in
            if let path = pendingTemporary { unlink(path) }
            signal(received, SIG_DFL)
            raise(received)
        }
    }
}

/// Where a command's output goes: standard output, or a file replaced in one step.
///
/// A file is written to a temporary file beside it and renamed over it only when everything was
/// written, so a failed or interrupted run leaves the old file as it was. POSIX calls rather than
/// Foundation: chunks go straight from the writer's buffer to the file, and a write error is a
/// value, never a trap.
public final class OutputFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var code: String
        public var message: String
        public var description: String { "error[\(code)]: \(message)" }
    }

    private let path: String?
    private let temporary: String?
    private let descriptor: Int32
    private var finished = false

    /// Standard output when `path` is nil or `-`; otherwise a new temporary file beside `path`.
    ///
    /// Refuses a target that is one of `inputs` (a project is never overwritten by its result),
    /// a directory, or anything else that is not a regular file.
    public init(path given: String?, inputs: [String] = []) throws(Failure) {
        guard let given, given != "-" else {
            self.path = nil
            self.temporary = nil
            self.descriptor = STDOUT_FILENO
            return
        }
        // A symbolic link is written through: the file it points to is replaced (beside it), and
        // the link stays a link. `realpath` fails for a new file, which is then written as named.
        var path = given
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        var target = stat()
        let exists = stat(path, &target) == 0
        if exists {
            if (target.st_mode & S_IFMT) == S_IFDIR {
                throw Failure(code: "file.unwritable", message: "cannot write \(path): it is a directory; give a file name")
            }
            guard (target.st_mode & S_IFMT) == S_IFREG else {
                throw Failure(code: "file.unwritable", message: "cannot write \(path): it is not a regular file; give a file name")
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino {
                    throw Failure(code: "file.is-input", message: "cannot write \(path): it is the input file \(input); give another output name")
                }
            }
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((directory + "." + name + ".permille-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(code: "file.unwritable", message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        // Keep the permissions of the file being replaced; a new file gets the usual 0666 less umask.
        var mode = exists ? target.st_mode & 0o7777 : 0o666
        if !exists {
            let mask = umask(0)
            umask(mask)
            mode &= ~mask
        }
        fchmod(descriptor, mode)
        installCleanupHandlers()
        pendingTemporary = strdup(temporary)
        self.path = path
        self.temporary = temporary
        self.descriptor = descriptor
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends bytes; a short write is retried, an error thrown.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(code: "file.unwritable", message: "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    public func write(_ text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        let outcome = bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try write(buffer) } }
        try outcome.get()
    }

    /// Puts the file in place (renames the temporary file over the target).
    public func commit() throws(Failure) {
        finished = true
        guard let path, let temporary else { return }
        defer { Self.forgetTemporary() }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(code: "file.unwritable", message: "cannot write \(path): \(reason)")
        }
    }

    /// Drops what was written: the target is left as it was.
    public func abandon() {
        finished = true
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
        Self.forgetTemporary()
    }

    /// Nothing is left for the signal handler to remove.
    private static func forgetTemporary() {
        let old = pendingTemporary
        pendingTemporary = nil
        free(old)
    }
}
