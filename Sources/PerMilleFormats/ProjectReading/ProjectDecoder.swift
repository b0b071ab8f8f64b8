import PerMille
import PerMilleJSON

/// Reads a `permille/1` project file (JSON) into a validated `Project`, or every problem it has.
public struct ProjectDecoder: Sendable {
    public let factors: FactorSet
    /// The XSD XML input is validated against, written once per decoder and compiled on first use.
    let xsd: CompiledSchema

    /// Allowed keys from the tables, gathered once per decoder.
    let vocabulary: Vocabulary

    /// The indicator catalogue project files' `indicators` keys are checked against; nil accepts any key.
    public let catalogue: IndicatorCatalogue?

    public init(factors: FactorSet, catalogue: IndicatorCatalogue? = nil) {
        self.factors = factors
        self.catalogue = catalogue
        let vocabulary = Vocabulary(factors: factors)
        self.vocabulary = vocabulary
        self.xsd = CompiledSchema(text: { SchemaWriter.xsd(vocabulary: vocabulary) })
    }

    /// The outcome of reading: a project when there are no errors, and all diagnostics (warnings too).
    public struct Outcome: Sendable {
        public var project: Project?
        public var diagnostics: [Diagnostic]
        /// The document as read, kept so its canonical form is written only when asked for.
        var document: JSONNode?

        /// The modules the document has and whether it has overrides (`ProjectDecoder.needs`), nil when unread.
        public var needs: (modules: [ModuleKind], hasOverrides: Bool)? { document.map(ProjectDecoder.needs(of:)) }

        /// Where each row stands in the file, by id (`ProjectDecoder.rowLocations`).
        public func rowLocations(file: String) -> [String: SourceLocation] {
            document.map { ProjectDecoder.rowLocations(in: $0, file: file) } ?? [:]
        }

        /// The document in canonical JSON: the writer's layout, every object's keys sorted by their
        /// UTF-8 bytes, numbers by value (`1.50`, `1.5e0` and `15e-1` alike). The same bytes
        /// whether the file was JSON or XML and however its keys are ordered or spaced, so a result's
        /// input digest proves the content, not the typing.
        public var canonicalDocument: [UInt8] {
            document.map { Array(JSONWriter.write(JSONTree.canonical($0)).utf8) } ?? []
        }

        /// The form permille ≤ 0.9 took the digest over (keys in file order), so results written
        /// then still verify.
        public var legacyCanonicalDocument: [UInt8] {
            document.map { Array(JSONWriter.write(JSONTree.output($0)).utf8) } ?? []
        }
    }

    public func decode(json bytes: [UInt8], file: String) -> Outcome {
        let root: JSONNode
        do { root = try JSONParser.parse(bytes) } catch {
            let diagnostic = Diagnostic(
                code: "json.syntax", message: error.message,
                location: SourceLocation(file: file, line: error.position.line, column: error.position.column, path: ""),
                expected: error.expected, found: error.found)
            return Outcome(project: nil, diagnostics: [diagnostic])
        }
        return decode(root: root, file: file)
    }

    /// Reads the XML encoding (`XMLWriter`'s mapping of the same model); diagnostics use the same paths.
    public func decode(xml bytes: [UInt8], file: String) -> Outcome {
        let root: JSONNode
        let schemaProblems: [XMLReader.SchemaProblem]
        do { (root, schemaProblems) = try XMLReader.parse(bytes, compiled: xsd) } catch {
            let diagnostic = Diagnostic(
                code: "xml.syntax", message: error.message,
                location: SourceLocation(file: file, line: error.line, column: error.column, path: ""),
                expected: error.expected, found: error.found)
            return Outcome(project: nil, diagnostics: [diagnostic])
        }
        var outcome = decode(root: root, file: file)
        // The model's own checks say more about a problem; the XSD speaks only where they found none.
        if outcome.project != nil, !schemaProblems.isEmpty {
            outcome.project = nil
            outcome.diagnostics += schemaProblems.map { problem in
                Diagnostic(
                    code: "xml.schema", message: "the file does not follow the permille XSD: \(problem.message)",
                    location: SourceLocation(file: file, line: max(1, problem.line), column: 1, path: ""),
                    expected: "the structure of `permille schema --format xsd`", found: problem.message)
            }
        }
        return outcome
    }

    /// Reads a JSON document already parsed (by `JSONParser.parse`), e.g. to see its modules first.
    public func decode(parsed root: JSONNode, file: String) -> Outcome {
        decode(root: root, file: file)
    }

    /// What a parsed project document will read before it is read: the modules it has rows in and
    /// whether it has overrides (keys it does not know are left to the reader to report).
    public static func needs(of root: JSONNode) -> (modules: [ModuleKind], hasOverrides: Bool) {
        let modules = (root.member("modules")?.members ?? []).compactMap { ModuleKind(rawValue: $0.key) }
        return (modules, root.member("overrides") != nil)
    }

    /// Where each row stands, by id: the row's object (its first occurrence), with its path
    /// (`modules.grassland[3]`), so a problem found while assessing points at the row.
    public static func rowLocations(in root: JSONNode, file: String) -> [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for module in root.member("modules")?.members ?? [] {
            for (index, row) in (module.value.array ?? []).enumerated() {
                guard let id = row.member("id")?.string, locations[id] == nil else { continue }
                let position = row.position
                locations[id] = SourceLocation(file: file, line: position.line, column: position.column, path: "modules.\(module.key)[\(index)]")
            }
        }
        return locations
    }

    /// Reads either encoding, chosen by the file name: `.xml` is XML, anything else JSON.
    public func decode(_ bytes: [UInt8], file: String) -> Outcome {
        Self.isXML(file) ? decode(xml: bytes, file: file) : decode(json: bytes, file: file)
    }

    public static func isXML(_ file: String) -> Bool { file.lowercased().hasSuffix(".xml") }

    private func decode(root: JSONNode, file: String) -> Outcome {
        var reader = DocumentReader(file: file)
        let project = readProject(root, reader: &reader, vocabulary: vocabulary)
        guard let project, !reader.hasErrors else {
            return Outcome(project: nil, diagnostics: reader.diagnosticsInDocumentOrder)
        }
        return Outcome(project: project, diagnostics: reader.diagnosticsInDocumentOrder, document: root)
    }

    /// Stands in for a broken description while the rest of the file is read for its errors; never assessed.
    private static let placeholderDescription = ProjectDescription(
        name: "", startYear: 0, implementationYears: 1, capitalizationYears: 0,
        climate: .zone(.tropicalMontane), soil: .soilClass(.organic))

    static let supportedModules = ModuleKind.allCases.map(\.rawValue)
    /// Modules a later version will assess: listed in the schema, refused when not empty. None today.
    static let laterModules: [String] = []

    /// `modules.grassland[3].area` of a row, looked up only when a diagnostic names it.
    private static func areaPath(of id: String, in project: Project) -> String {
        for module in ModuleKind.allCases where module.isLand {
            if let index = project.rows.ids(of: module).firstIndex(of: id) { return "modules.\(module.rawValue)[\(index)].area" }
        }
        return "modules"
    }

    private func readProject(_ root: JSONNode, reader: inout DocumentReader, vocabulary: Vocabulary) -> Project? {
        guard let top = reader.object(root, path: "", allowed: ProjectSchema.keys(ProjectSchema.document)) else { return nil }
        if let format = reader.string(top, "format", in: root, path: "", required: true), format != "permille/1" {
            let position = top["format"]?.position ?? root.position
            let version = format.hasPrefix("permille/") ? String(format.dropFirst("permille/".count)) : nil
            let major = version.map { String($0.prefix { $0 != "." }) }
            if major == "1" {
                reader.report(
                    "format.minor-version", "format \(format) is a later revision of permille/1; keys this version does not know are reported below",
                    at: position, path: "format", expected: "\"permille/1\"", found: "\"\(format)\"", severity: .warning)
            } else {
                reader.report(
                    "format.version", major != nil ? "project format version \(major ?? "") is not supported by this permille" : "not a permille project file",
                    at: position, path: "format", expected: "\"permille/1\"", found: "\"\(format)\"")
            }
        }
        guard let projectNode = top["project"] else {
            reader.missing("project", in: root, path: "", expected: "the project description")
            return nil
        }
        let description = DescriptionReader.read(projectNode, reader: &reader, vocabulary: vocabulary)
        // Rows, overrides and indicators are read even when the description is broken, so every error shows.
        var project = Project(description: description ?? Self.placeholderDescription)
        var ids = RowIDs()
        if let modulesNode = top["modules"],
            let modules = reader.object(modulesNode, path: "modules", allowed: Self.supportedModules + Self.laterModules)
        {
            for name in Self.laterModules {
                guard let node = modules[name] else { continue }
                if let list = node.array, list.isEmpty { continue }
                reader.report(
                    "module.unsupported", "module '\(name)' is not assessed by this version of permille; remove it or wait for the release that adds it",
                    at: node.position, path: "modules.\(name)", expected: "one of " + Self.supportedModules.joined(separator: ", "), found: "'\(name)'")
            }
            let decoded = RowSlices.read(modules, file: reader.file, vocabulary: vocabulary, defaultDynamics: description?.dynamics ?? .linear)
            project.rows = decoded.rows
            reader.append(decoded.diagnostics)
            ids = decoded.ids
            for issue in AreaCheck.check(project, perennialSystems: Set(vocabulary.perennialSystems)) {
                // The issue is reported at its first row's area: that is where a holder fixes it.
                let first = issue.rowIDs.first ?? ""
                let path = Self.areaPath(of: first, in: project)
                reader.report(
                    issue.code, issue.message, at: decoded.ids[first] ?? modulesNode.position, path: path, row: first,
                    expected: issue.expected, found: issue.found, severity: issue.severity == .error ? .error : .warning)
            }
            let written = Self.supportedModules.reduce(0) { $0 + (modules[$1]?.array?.count ?? 0) }
            if written == 0 {
                reader.report("modules.empty", "the project has no rows: nothing to assess", at: modulesNode.position, path: "modules", expected: "at least one row", found: "none")
            }
        } else if top["modules"] == nil {
            reader.missing("modules", in: root, path: "", expected: "an object of module row lists")
        }
        if let node = top["overrides"] {
            project.overrides = OverridesReader.read(node, reader: &reader, vocabulary: vocabulary, rowIDs: ids)
        }
        if let node = top["indicators"] {
            project.indicators = OverridesReader.indicators(node, reader: &reader, catalogue: catalogue)
        }
        guard description != nil else { return nil }
        return project
    }
}
