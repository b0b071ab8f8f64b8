import Foundation
import PerMille
import PerMilleJSON

/// Reads the review documents of an `Indicators/` folder — indicator catalogue, reference criteria,
/// practice sheets — into a `ReviewData`, checking each against the manifest's digest.
///
/// Every problem (syntax, unknown or missing key, wrong type, unknown operator, module, indicator or
/// value key, a factor link that matches no row) is collected with file:line:column and JSON path
/// before failing, so one run shows a data maintainer everything to fix.
public enum ReviewDataLoader {
    /// Loads the documents listed in the manifest of `directory` (the bundled folder when nil).
    ///
    /// - Parameters:
    ///   - criteria: a replacement criteria file (e.g. the STC's final wording); not checked against
    ///     the manifest, but its digest is reported in `ReviewData.digests` under its file name.
    ///   - factors: when given, every practice factor link must match at least one row of it.
    public static func load(from directory: URL? = nil, criteria: URL? = nil, factors: FactorSet? = nil) throws(DiagnosticsError) -> ReviewData {
        try load(folder: IndicatorsFolder(directory: directory), criteria: criteria, factors: factors)
    }

    /// Loads the review documents of an opened folder; see `load(from:criteria:factors:)`.
    public static func load(folder: IndicatorsFolder, criteria: URL? = nil, factors: FactorSet? = nil) throws(DiagnosticsError) -> ReviewData {
        var documents = DocumentReader(folder: folder)
        let catalogue = documents.catalogue()
        var criteriaSet: CriteriaSet?
        if let document = documents.read("criteria", replacement: criteria) {
            var reader = ReviewJSONReader(file: document.path)
            criteriaSet = reader.criteria(document.bytes, catalogue: catalogue)
            documents.problems += reader.problems
        }
        var practices: [PracticeSheet]?
        if let document = documents.read("practices") {
            var reader = ReviewJSONReader(file: document.path)
            practices = reader.practices(document.bytes, factors: factors)
            documents.problems += reader.problems
        }
        guard documents.problems.isEmpty, let catalogue, let criteriaSet, let practices else {
            throw DiagnosticsError(
                documents.problems.isEmpty
                    ? [Diagnostic(code: "review.incomplete", message: "the review documents could not be read")] : documents.problems)
        }
        return ReviewData(catalogue: catalogue, criteria: criteriaSet, practices: practices, digests: documents.digests)
    }

    /// Only the indicator catalogue, which project files' `indicators` keys are checked against:
    /// what reading a project needs, without the criteria and practice sheets of a report.
    public static func catalogue(folder: IndicatorsFolder) throws(DiagnosticsError) -> IndicatorCatalogue {
        var documents = DocumentReader(folder: folder)
        let catalogue = documents.catalogue()
        guard documents.problems.isEmpty, let catalogue else {
            throw DiagnosticsError(
                documents.problems.isEmpty
                    ? [Diagnostic(code: "review.incomplete", message: "the indicator catalogue could not be read")] : documents.problems)
        }
        return catalogue
    }

    /// The factor tables the practice sheets link to, so a report loads them with the project's own.
    public static func linkedTables(_ review: ReviewData) -> Set<String> {
        Set(review.practices.flatMap { $0.factors.map(\.table) })
    }

    /// Reads the folder's documents, each checked against the manifest's digest, collecting problems and digests.
    private struct DocumentReader {
        let folder: IndicatorsFolder
        var problems: [Diagnostic] = []
        var digests: [String: String] = [:]

        init(folder: IndicatorsFolder) { self.folder = folder }

        /// The indicator catalogue document, read and checked.
        mutating func catalogue() -> IndicatorCatalogue? {
            guard let document = read("indicators") else { return nil }
            var reader = ReviewJSONReader(file: document.path)
            let catalogue = reader.catalogue(document.bytes)
            problems += reader.problems
            return catalogue
        }

        /// Reads one document: from the manifest (digest-checked) or from a replacement file.
        mutating func read(_ name: String, replacement: URL? = nil) -> (bytes: [UInt8], path: String)? {
            if let replacement {
                guard let data = try? Data(contentsOf: replacement) else {
                    problems.append(
                        Diagnostic(
                            code: "review.document-unreadable", message: "cannot read the \(name) file",
                            location: SourceLocation(file: replacement.path, line: 0, column: 0, path: "")))
                    return nil
                }
                let bytes = [UInt8](data)
                digests[replacement.lastPathComponent] = "sha256:" + SHA256Digest.hex(bytes)
                return (bytes, replacement.path)
            }
            let documents = folder.documents
            guard let entry = documents.first(where: { $0.name == name }) else {
                problems.append(
                    Diagnostic(
                        code: "review.document-missing", message: "the manifest lists no '\(name)' document",
                        location: SourceLocation(file: folder.manifestURL.path, line: 0, column: 0, path: "documents"),
                        expected: "a documents entry named '\(name)'", found: "documents: \(documents.map(\.name).joined(separator: ", "))",
                        suggestion: "add {\"name\", \"file\", \"title\", \"sha256\"} and run IndicatorsSource/tools/update-manifest.py (in permille's repository) on the folder"))
                return nil
            }
            let url = folder.directory.appendingPathComponent(entry.file)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(
                    Diagnostic(
                        code: "review.document-unreadable", message: "document '\(name)' listed in the manifest cannot be read",
                        location: SourceLocation(file: url.path, line: 0, column: 0, path: name)))
                return nil
            }
            let bytes = [UInt8](data)
            let digest = SHA256Digest.hex(bytes)
            if digest != entry.sha256 {
                problems.append(
                    Diagnostic(
                        code: "indicators.digest-mismatch", message: "document '\(name)' does not match the digest in the manifest",
                        location: SourceLocation(file: url.path, line: 0, column: 0, path: name),
                        expected: "sha256 \(entry.sha256)", found: "sha256 \(digest)",
                        suggestion: "if the edit is intended, run IndicatorsSource/tools/update-manifest.py (in permille's repository) on the folder"))
                return nil
            }
            digests[url.lastPathComponent] = "sha256:" + digest
            return (bytes, url.path)
        }
    }

    /// The candidate nearest to `word` (edit distance within a third of its length), for "did you mean".
    public static func closest(to word: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: word, among: candidates)
    }
}

extension FactorLink {
    /// The rows of `table` this link designates: every column the link fixes has exactly the link's value.
    public func records(in table: FactorTable) -> [FactorTable.Record] {
        let fixed = key.compactMap { column, value in table.keyColumns.firstIndex(of: column).map { ($0, value) } }
        guard fixed.count == key.count else { return [] }
        return table.records.filter { record in fixed.allSatisfy { record.key[$0.0] == $0.1 } }
    }

    /// Key columns the link leaves open (e.g. `climate_zone`), in table order.
    public func openColumns(in table: FactorTable) -> [String] {
        table.keyColumns.filter { key[$0] == nil }
    }
}

extension ReviewData {
    /// The practice sheet with this key.
    public func practice(_ key: String) -> PracticeSheet? { practices.first { $0.key == key } }

    /// The sheets of practices used by rows of `module` whose state has `field` = `value`.
    public func practices(module: ModuleKind, field: String, value: String) -> [PracticeSheet] {
        practices.filter { sheet in sheet.appliesTo.contains { $0.module == module && $0.field == field && $0.value == value } }
    }

    /// Every value key a criterion condition may name: computed value keys and project-file input keys.
    public var valueKeys: Set<String> {
        Set(catalogue.indicators.flatMap(\.values)).union(catalogue.inputKeys.keys)
    }
}
