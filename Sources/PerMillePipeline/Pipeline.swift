import Foundation
import PerMille
import PerMilleData
import PerMilleFormats
import PerMilleJSON
import Synchronization

/// read → resolve factors → assess → result: the one sequence every command runs.
///
/// Opened once per run (or per portfolio): the indicators manifest is read when it opens, each
/// factor table the first time a project needs it, and the catalogue once. Safe to share between
/// threads: a portfolio reads its projects in parallel through one pipeline.
public final class Pipeline: Sendable {
    public let folder: IndicatorsFolder
    private let catalogueCache = Mutex<IndicatorCatalogue?>(nil)
    /// Decoders by the tables they read: building one gathers the vocabulary of its tables, which a
    /// portfolio's projects of the same modules share.
    private let decoders = Mutex<[Set<String>: ProjectDecoder]>([:])

    /// Opens the indicators folder (the bundled one when nil).
    public init(indicators: URL? = nil) throws(PipelineFailure) {
        do { folder = try IndicatorsFolder(directory: indicators) } catch {
            throw PipelineFailure(.unreadable, diagnostics: error.diagnostics)
        }
    }

    /// A project read and validated, with the factor tables it can use.
    public struct ReadProject: Sendable {
        public var source: ProjectSource
        public var bytes: [UInt8]
        public var project: Project
        public var factors: FactorSet
        /// Warnings the reader found (a valid project may have some).
        public var warnings: [Diagnostic]
        /// `sha256:` + hex of the project in canonical JSON (the same for its JSON and XML forms).
        public var inputDigest: String
        /// The digest permille ≤ 0.9 wrote (keys in file order), computed only when `verify` asks.
        let legacyDigest: @Sendable () -> String
        public var legacyInputDigest: String { legacyDigest() }
    }

    /// A project assessed: the read project, the assessment and the provenance a result carries.
    public struct AssessedProject: Sendable {
        public var read: ReadProject
        public var assessment: Assessment
        public var provenance: ResultJSON.Provenance

        public var project: Project { read.project }
        public var factors: FactorSet { read.factors }
    }

    /// Method and GWP set (nil keeps the project's own), and the Monte Carlo run if one is asked for.
    public struct Options: Sendable {
        public var method: Method?
        public var gwp: GWPSet?
        public var monteCarlo: MonteCarlo.Settings?

        public init(method: Method? = nil, gwp: GWPSet? = nil, monteCarlo: MonteCarlo.Settings? = nil) {
            self.method = method
            self.gwp = gwp
            self.monteCarlo = monteCarlo
        }
    }

    /// Reads and validates a project from `source`, loading the tables its modules need (and `extraTables`).
    public func read(_ source: ProjectSource, extraTables: Set<String> = []) throws(PipelineFailure) -> ReadProject {
        try read(source.read(), from: source, extraTables: extraTables)
    }

    /// Reads and validates project bytes already in memory.
    public func read(_ bytes: [UInt8], from source: ProjectSource, extraTables: Set<String> = []) throws(PipelineFailure) -> ReadProject {
        let name = source.name
        let isXML = try ProjectSource.encoding(of: bytes, name: name) == .xml
        let catalogue = try self.catalogue()
        let outcome: ProjectDecoder.Outcome
        var factors: FactorSet
        if isXML {
            // The XSD lists every vocabulary, so XML input is checked with every table; it is then
            // assessed with the tables its JSON form would use, so both forms give the same result.
            factors = try load(Set(folder.tableNames))
            outcome = decoder(factors, catalogue: catalogue).decode(xml: bytes, file: name)
            if let needs = outcome.needs {
                factors = try load(TableNeeds.tables(modules: needs.modules, hasOverrides: needs.hasOverrides).union(extraTables))
            }
        } else {
            let root: JSONNode
            do { root = try JSONParser.parse(bytes) } catch {
                throw PipelineFailure(
                    .invalid,
                    diagnostics: [
                        Diagnostic(
                            code: "json.syntax", message: error.message,
                            location: SourceLocation(file: name, line: error.position.line, column: error.position.column, path: ""),
                            expected: error.expected, found: error.found)
                    ], source: bytes)
            }
            let needs = ProjectDecoder.needs(of: root)
            factors = try load(TableNeeds.tables(modules: needs.modules, hasOverrides: needs.hasOverrides).union(extraTables))
            outcome = decoder(factors, catalogue: catalogue).decode(parsed: root, file: name)
        }
        guard let project = outcome.project else { throw PipelineFailure(.invalid, diagnostics: outcome.diagnostics, source: bytes) }
        return ReadProject(
            source: source, bytes: bytes, project: project, factors: factors, warnings: outcome.diagnostics,
            inputDigest: "sha256:" + SHA256Digest.hex(outcome.canonicalDocument),
            legacyDigest: { "sha256:" + SHA256Digest.hex(outcome.legacyCanonicalDocument) })
    }

    /// Assesses a read project with `options`.
    public func assess(_ read: ReadProject, options: Options = Options()) throws(PipelineFailure) -> AssessedProject {
        var assessment: Assessment
        do {
            assessment = try Assessor.assess(read.project, factors: read.factors, method: options.method, gwp: options.gwp)
        } catch {
            throw PipelineFailure(.invalid, diagnostics: located(error.diagnostics, in: read), source: read.bytes)
        }
        // Bounded inputs keep every figure finite; should a factor folder or a path of the engine
        // still produce infinity or NaN, the run stops here with a message instead of writing
        // `null` or `nan` into a result or trapping in a writer.
        let broken = assessment.rows.filter { row in
            let total = row.balance(gwp: assessment.gwpFactors)
            return !total.without.isFinite || !total.with.isFinite || !row.area.start.isFinite || !row.area.without.isFinite || !row.area.with.isFinite
        }
        if !broken.isEmpty || !assessment.projectArea.isFinite {
            throw PipelineFailure(
                .invalid,
                diagnostics: broken.map { row in
                    Diagnostic(
                        code: "internal.non-finite", message: "the assessment of row '\(row.id)' gives a figure too large to compute (infinity or not a number)",
                        rowID: row.id, expected: "finite figures", found: "infinity or NaN",
                        suggestion: "check the row's quantities and the project's overrides; if they are plausible, this is a bug of permille: please report it")
                }
                    + (broken.isEmpty
                        ? [Diagnostic(code: "internal.non-finite", message: "the project's area is too large to compute", expected: "a finite area", found: "infinity or NaN")]
                        : []),
                source: read.bytes)
        }
        if let settings = options.monteCarlo {
            do { assessment.monteCarlo = try MonteCarlo.run(read.project, factors: read.factors, assessment: assessment, settings: settings) } catch {
                throw PipelineFailure(.invalid, diagnostics: [Diagnostic(code: "monte-carlo.failed", message: error.description)], source: read.bytes)
            }
        }
        let provenance = ResultJSON.Provenance(
            projectName: read.project.description.name, inputDigest: read.inputDigest, factorDigests: read.factors.digests(of: Set(read.factors.tables.keys)))
        return AssessedProject(read: read, assessment: assessment, provenance: provenance)
    }

    /// `diagnostics` with each row's position in the file, found again from the bytes: only a
    /// failed assessment needs them, so a successful one never keeps the document for it.
    private func located(_ diagnostics: [Diagnostic], in read: ReadProject) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.rowID != nil && $0.location == nil }) else { return diagnostics }
        let name = read.source.name
        let locations: [String: SourceLocation]
        if (try? ProjectSource.encoding(of: read.bytes, name: name)) == .xml {
            guard let all = try? load(Set(folder.tableNames)), let catalogue = try? catalogue() else { return diagnostics }
            locations = decoder(all, catalogue: catalogue).decode(xml: read.bytes, file: name).rowLocations(file: name)
        } else {
            guard let root = try? JSONParser.parse(read.bytes) else { return diagnostics }
            locations = ProjectDecoder.rowLocations(in: root, file: name)
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.location == nil, let id = diagnostic.rowID, let location = locations[id] else { return diagnostic }
            var placed = diagnostic
            placed.location = location
            placed.path = location.path
            return placed
        }
    }

    /// Reads and assesses in one step.
    public func run(_ source: ProjectSource, options: Options = Options(), extraTables: Set<String> = []) throws(PipelineFailure) -> AssessedProject {
        try assess(read(source, extraTables: extraTables), options: options)
    }

    /// The review documents (catalogue, criteria, practice sheets), their links checked against `factors` when given.
    public func review(criteria: URL? = nil, factors: FactorSet? = nil) throws(PipelineFailure) -> ReviewData {
        do { return try ReviewDataLoader.load(folder: folder, criteria: criteria, factors: factors) } catch {
            throw PipelineFailure(.unreadable, diagnostics: error.diagnostics)
        }
    }

    /// The review documents with the factor tables their practice sheets quote: the sheets are read
    /// once to find those tables, then again with them to check every link. A report passes the
    /// tables to `run(_:options:extraTables:)` so its digests list them.
    public func reviewWithLinkedTables(criteria: URL? = nil) throws(PipelineFailure) -> (review: ReviewData, linkedTables: Set<String>) {
        let linked = ReviewDataLoader.linkedTables(try review(criteria: criteria))
        return (try review(criteria: criteria, factors: load(linked)), linked)
    }

    /// The named tables, read and checked once per pipeline.
    public func load(_ tables: Set<String>) throws(PipelineFailure) -> FactorSet {
        do { return try folder.factors(tables: tables) } catch { throw PipelineFailure(.unreadable, diagnostics: error.diagnostics) }
    }

    /// The decoder for projects read with `factors`, made once per set of tables.
    private func decoder(_ factors: FactorSet, catalogue: IndicatorCatalogue) -> ProjectDecoder {
        let key = Set(factors.tables.keys)
        if let known = decoders.withLock({ $0[key] }) { return known }
        let made = ProjectDecoder(factors: factors, catalogue: catalogue)
        decoders.withLock { $0[key] = made }
        return made
    }

    /// The indicator catalogue, read once.
    private func catalogue() throws(PipelineFailure) -> IndicatorCatalogue {
        if let known = catalogueCache.withLock({ $0 }) { return known }
        let catalogue: IndicatorCatalogue
        do { catalogue = try ReviewDataLoader.catalogue(folder: folder) } catch {
            throw PipelineFailure(.unreadable, diagnostics: error.diagnostics)
        }
        catalogueCache.withLock { $0 = catalogue }
        return catalogue
    }
}

extension ProjectSource {
    public enum Encoding: Sendable { case json, xml }

    /// The encoding of `bytes`: from the content (`<` is XML, anything else JSON); a `.json` file
    /// holding XML, or a `.xml` file holding something else, is refused naming both.
    public static func encoding(of bytes: [UInt8], name: String) throws(PipelineFailure) -> Encoding {
        let content: Encoding = startsLikeXML(bytes) ? .xml : .json
        let lowered = name.lowercased()
        let claimed: Encoding? = lowered.hasSuffix(".xml") ? .xml : lowered.hasSuffix(".json") ? .json : nil
        guard let claimed, claimed != content, !bytes.isEmpty else { return content }
        let found = content == .xml ? "XML (it starts with '<')" : "not XML (it does not start with '<')"
        throw PipelineFailure(
            .invalid,
            diagnostics: [
                Diagnostic(
                    code: "file.encoding-mismatch", message: "\(name) is named .\(claimed == .xml ? "xml" : "json") but its content is \(found)",
                    location: SourceLocation(file: name, line: 1, column: 1, path: ""),
                    expected: claimed == .xml ? "an XML project" : "a JSON project", found: content == .xml ? "XML" : "other content",
                    suggestion: "rename the file .\(content == .xml ? "xml" : "json"), or write it again in the encoding its name says")
            ])
    }

    /// Whether the content starts (after blanks and a byte-order mark) with `<`: XML whatever the name says.
    public static func startsLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }
}
