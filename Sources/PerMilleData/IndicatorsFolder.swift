import Foundation
import PerMille
import PerMilleJSON
import Synchronization

/// An `Indicators/` folder opened once: its manifest read when opened, each table read, checked
/// against its digest and indexed only when a project first needs it, then kept for later
/// requests (a portfolio's projects share them).
public final class IndicatorsFolder: Sendable {
    public let directory: URL
    let manifestURL: URL
    /// Tables of the manifest in its order, and by name.
    let entries: [ManifestEntry]
    private let entriesByName: [String: ManifestEntry]
    /// The review documents (catalogue, criteria, practice sheets) the manifest lists.
    let documents: [ManifestDocument]
    private let loaded = Mutex<[String: FactorTable]>([:])

    /// Opens the folder (the bundled one when nil) and reads its manifest.
    public init(directory: URL? = nil) throws(DiagnosticsError) {
        let (directory, bytes, url) = try IndicatorsLoader.manifest(in: directory)
        let root = try Manifest.parse(bytes, file: url.path)
        self.directory = directory
        self.manifestURL = url
        self.entries = try Manifest.entries(in: root, file: url.path)
        self.documents = try Manifest.documents(in: root, file: url.path)
        self.entriesByName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Names of every table the manifest lists, in its order.
    public var tableNames: [String] { entries.map(\.name) }

    /// The name of the table whose file is `file` (`soc-reference.csv`), as results list them.
    public func tableName(ofFile file: String) -> String? {
        entries.first { ($0.file.split(separator: "/").last.map(String.init) ?? $0.file) == file }?.name
    }

    /// The named tables (those the manifest lists; other names are left to the lookup that needs
    /// them, which reports the table as absent), each read and checked at most once per folder.
    public func factors(tables names: Set<String>) throws(DiagnosticsError) -> FactorSet {
        let wanted = entries.filter { names.contains($0.name) }
        let known = loaded.withLock { $0 }
        var tables: [FactorTable] = []
        var problems: [Diagnostic] = []
        for entry in wanted {
            if let table = known[entry.name] {
                tables.append(table)
                continue
            }
            switch read(entry) {
            case .success(let table):
                tables.append(table)
                loaded.withLock { $0[entry.name] = table }
            case .failure(let error): problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return FactorSet(tables: tables)
    }

    /// Every table of the manifest (`factors list`, `verify --indicators` comparisons, tests).
    public func allFactors() throws(DiagnosticsError) -> FactorSet {
        try factors(tables: Set(tableNames))
    }

    /// The tables a project with rows in `modules` can read (`TableNeeds`).
    public func factors(modules: some Sequence<ModuleKind>, hasOverrides: Bool) throws(DiagnosticsError) -> FactorSet {
        try factors(tables: TableNeeds.tables(modules: modules, hasOverrides: hasOverrides))
    }

    /// Reads one table's file, checks it against the manifest's digest and parses it.
    private func read(_ entry: ManifestEntry) -> Result<FactorTable, DiagnosticsError> {
        let url = directory.appendingPathComponent(entry.file)
        guard let data = try? Data(contentsOf: url) else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        code: "indicators.table-unreadable", message: "table '\(entry.name)' listed in the manifest cannot be read",
                        location: SourceLocation(file: url.path, line: 0, column: 0, path: entry.name))
                ]))
        }
        let bytes = [UInt8](data)
        let digest = SHA256Digest.hex(bytes)
        guard digest == entry.sha256 else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        code: "indicators.digest-mismatch", message: "table '\(entry.name)' does not match the digest in the manifest",
                        location: SourceLocation(file: url.path, line: 0, column: 0, path: entry.name),
                        expected: "sha256 \(entry.sha256)", found: "sha256 \(digest)",
                        suggestion: "if the edit is intended, run IndicatorsSource/tools/update-manifest.py (in permille's repository) on the folder")
                ]))
        }
        return TableReader.read(bytes, entry: entry, path: url.path, digest: "sha256:" + digest)
    }
}
