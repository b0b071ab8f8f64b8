import PerMille
import PerMilleJSON

/// One table entry of `Indicators/manifest.json`.
struct ManifestEntry: Sendable {
    var name: String
    var file: String
    var title: String
    var keys: [String]
    var values: [String]
    var sha256: String
}

enum Manifest {
    /// The manifest's JSON tree, parsed once for its tables and its documents.
    static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> JSONNode {
        do { return try JSONParser.parse(bytes) } catch {
            throw DiagnosticsError([
                Diagnostic(
                    code: "indicators.manifest-syntax", message: "the indicators manifest is not valid JSON: \(error.message)",
                    location: SourceLocation(file: file, line: error.position.line, column: error.position.column, path: ""))
            ])
        }
    }

    static func entries(in bytes: [UInt8], file: String) throws(DiagnosticsError) -> [ManifestEntry] {
        try entries(in: parse(bytes, file: file), file: file)
    }

    static func entries(in root: JSONNode, file: String) throws(DiagnosticsError) -> [ManifestEntry] {
        guard root.member("format")?.string == "permille-indicators/1", let tables = root.member("tables")?.array else {
            throw DiagnosticsError([
                Diagnostic(
                    code: "indicators.manifest-format", message: "the manifest must have format \"permille-indicators/1\" and a tables list",
                    location: SourceLocation(file: file, line: root.position.line, column: root.position.column, path: ""))
            ])
        }
        var entries: [ManifestEntry] = []
        var problems: [Diagnostic] = []
        for (index, node) in tables.enumerated() {
            guard let name = node.member("name")?.string, let path = node.member("file")?.string,
                let keys = node.member("keys")?.array?.compactMap(\.string),
                let values = node.member("values")?.array?.compactMap(\.string),
                let sha = node.member("sha256")?.string
            else {
                problems.append(
                    Diagnostic(
                        code: "indicators.manifest-entry", message: "manifest entry needs name, file, keys, values and sha256",
                        location: SourceLocation(file: file, line: node.position.line, column: node.position.column, path: "tables[\(index)]")))
                continue
            }
            if let problem = outsideFolder(path, at: node, file: file, path: "tables[\(index)].file") {
                problems.append(problem)
                continue
            }
            entries.append(ManifestEntry(name: name, file: path, title: node.member("title")?.string ?? name, keys: keys, values: values, sha256: sha))
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return entries
    }
}

/// One document entry of `Indicators/manifest.json` (`documents`: catalogue, criteria, practice sheets).
struct ManifestDocument: Sendable {
    var name: String
    var file: String
    var title: String
    var sha256: String
}

extension Manifest {
    /// The `documents` array; an absent array gives no documents (table reading is unchanged).
    static func documents(in root: JSONNode, file: String) throws(DiagnosticsError) -> [ManifestDocument] {
        guard let node = root.member("documents") else { return [] }
        guard let list = node.array else {
            throw DiagnosticsError([
                Diagnostic(
                    code: "indicators.manifest-format", message: "the manifest's documents must be a list",
                    location: SourceLocation(file: file, line: node.position.line, column: node.position.column, path: "documents"),
                    expected: "array", found: node.kindName)
            ])
        }
        var documents: [ManifestDocument] = []
        var problems: [Diagnostic] = []
        for (index, entry) in list.enumerated() {
            guard let name = entry.member("name")?.string, let path = entry.member("file")?.string, let sha = entry.member("sha256")?.string else {
                problems.append(
                    Diagnostic(
                        code: "indicators.manifest-entry", message: "manifest document needs name, file and sha256",
                        location: SourceLocation(file: file, line: entry.position.line, column: entry.position.column, path: "documents[\(index)]")))
                continue
            }
            if let problem = outsideFolder(path, at: entry, file: file, path: "documents[\(index)].file") {
                problems.append(problem)
                continue
            }
            documents.append(ManifestDocument(name: name, file: path, title: entry.member("title")?.string ?? name, sha256: sha))
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return documents
    }

    /// A manifest names files inside its own folder: an absolute path or a `..` step would let a
    /// folder's digests vouch for a file they do not cover.
    static func outsideFolder(_ relative: String, at node: JSONNode, file: String, path: String) -> Diagnostic? {
        let steps = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard relative.hasPrefix("/") || relative.isEmpty || steps.contains("..") || relative.contains("\\") else { return nil }
        let position = node.member("file")?.position ?? node.position
        return Diagnostic(
            code: "indicators.manifest-path", message: "a manifest entry points outside the Indicators folder: '\(relative)'",
            location: SourceLocation(file: file, line: position.line, column: position.column, path: path),
            expected: "a path inside the folder, such as factors/soc-reference.csv", found: relative,
            suggestion: "copy the file into the folder and name it relative to manifest.json")
    }
}
