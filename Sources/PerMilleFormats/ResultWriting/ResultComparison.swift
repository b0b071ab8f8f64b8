import PerMille
import PerMilleJSON

/// Compares a submitted result (`permille assess --format json`) with a rerun of the same project:
/// the input digest, the factor-table digests and every value of the two JSON trees.
///
/// Pure: the caller parses the submitted file, reruns the assessment, renders and re-parses the
/// rerun's document, and passes the digests of the tables it loaded.
public enum ResultComparison {
    /// How far two numbers may be apart and still match: |a − b| ≤ absolute + relative × max(|a|, |b|).
    public struct Tolerance: Sendable, Hashable, CustomStringConvertible {
        public var absolute: Double
        public var relative: Double

        public init(absolute: Double, relative: Double) {
            self.absolute = absolute
            self.relative = relative
        }

        /// Absolute 1e-6 plus relative 1e-9: the writer rounds results to 1e-9, so a rerun on
        /// another platform may differ in the last printed digit, never by more.
        public static let standard = Tolerance(absolute: 1e-6, relative: 1e-9)

        public func accepts(_ a: Double, _ b: Double) -> Bool {
            if a == b { return true }
            guard a.isFinite, b.isFinite else { return false }
            return (a - b).magnitude <= absolute + relative * max(a.magnitude, b.magnitude)
        }

        public var description: String { "absolute \(absolute) + relative \(relative)" }
    }

    /// One place where the two trees disagree.
    public struct Difference: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            /// Two numbers further apart than the tolerance.
            case number
            /// Two strings that differ.
            case string
            /// Two booleans or nulls that differ, or values of different JSON kinds.
            case value
            /// A key or array element the submitted result has and the rerun does not.
            case onlySubmitted
            /// A key or array element the rerun has and the submitted result does not.
            case onlyRecomputed
            /// A key written twice in the same object of the submitted result.
            case duplicateKey
        }

        /// `modules.grassland.rows.G2.byGas.n2o.without`, `years[3].balance`.
        public var path: String
        public var kind: Kind
        /// The submitted value as written (strings quoted), nil when absent.
        public var submitted: String?
        /// The recomputed value as the writer prints it, nil when absent.
        public var recomputed: String?

        public init(path: String, kind: Kind, submitted: String?, recomputed: String?) {
            self.path = path
            self.kind = kind
            self.submitted = submitted
            self.recomputed = recomputed
        }

        public var description: String {
            let label = path.isEmpty ? "(the whole document)" : path
            switch kind {
            case .onlySubmitted: return "\(label): submitted \(submitted ?? "?"), recomputed (absent)"
            case .onlyRecomputed: return "\(label): submitted (absent), recomputed \(recomputed ?? "?")"
            case .duplicateKey: return "\(label): submitted twice (second value \(submitted ?? "?")), recomputed \(recomputed ?? "(absent)")"
            case .number, .string, .value: return "\(label): submitted \(submitted ?? "?"), recomputed \(recomputed ?? "?")"
            }
        }
    }

    /// The outcome of walking two trees.
    public struct TreeComparison: Sendable {
        public var differences: [Difference]
        /// Numbers present on both sides and compared (matching or not).
        public var numbersCompared: Int

        public var numbersDiffering: Int { differences.count(where: { $0.kind == .number }) }
        public var matches: Bool { differences.isEmpty }
    }

    /// Walks both trees in the submitted tree's order, then the keys only the rerun has.
    ///
    /// Objects are compared by key (order does not matter), arrays by position. Top-level keys in
    /// `skipping` are left out (the verifier checks `digests` on its own).
    public static func compare(
        submitted: JSONNode, recomputed: JSONNode, tolerance: Tolerance = .standard, skipping: Set<String> = []
    ) -> TreeComparison {
        var walker = Walker(tolerance: tolerance)
        walker.walk(submitted, recomputed, path: "", skipping: skipping)
        return TreeComparison(differences: walker.differences, numbersCompared: walker.numbers)
    }

    /// A value as a short text for a difference line: numbers as written, strings quoted, containers summarised.
    public static func render(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.literal
        case .string(let string): return String(JSONWriter.write(.string(string)).dropLast())
        case .array(let elements): return "an array of \(elements.count) element\(elements.count == 1 ? "" : "s")"
        case .object(let members): return "an object of \(members.count) key\(members.count == 1 ? "" : "s")"
        }
    }

    private struct Walker {
        let tolerance: Tolerance
        var differences: [Difference] = []
        var numbers = 0

        mutating func walk(_ submitted: JSONNode, _ recomputed: JSONNode, path: String, skipping: Set<String> = []) {
            switch (submitted.value, recomputed.value) {
            case (.number(let a), .number(let b)):
                numbers += 1
                if !tolerance.accepts(a.value, b.value) { record(path, .number, submitted, recomputed) }
            case (.string(let a), .string(let b)):
                if a != b { record(path, .string, submitted, recomputed) }
            case (.bool(let a), .bool(let b)):
                if a != b { record(path, .value, submitted, recomputed) }
            case (.null, .null):
                break
            case (.array(let a), .array(let b)):
                for index in 0..<max(a.count, b.count) {
                    let child = path + "[\(index)]"
                    if index >= b.count {
                        record(child, .onlySubmitted, a[index], nil)
                    } else if index >= a.count {
                        record(child, .onlyRecomputed, nil, b[index])
                    } else {
                        walk(a[index], b[index], path: child)
                    }
                }
            case (.object(let a), .object(let b)):
                var recomputedByKey: [String: JSONNode] = [:]
                for member in b where recomputedByKey[member.key] == nil { recomputedByKey[member.key] = member.value }
                var seen: Set<String> = []
                for member in a where !skipping.contains(member.key) {
                    let child = Self.join(path, member.key)
                    guard seen.insert(member.key).inserted else {
                        record(child, .duplicateKey, member.value, recomputedByKey[member.key])
                        continue
                    }
                    if let other = recomputedByKey[member.key] {
                        walk(member.value, other, path: child)
                    } else {
                        record(child, .onlySubmitted, member.value, nil)
                    }
                }
                for member in b where !skipping.contains(member.key) && !seen.contains(member.key) {
                    seen.insert(member.key)
                    record(Self.join(path, member.key), .onlyRecomputed, nil, member.value)
                }
            default:
                record(path, .value, submitted, recomputed)
            }
        }

        mutating func record(_ path: String, _ kind: Difference.Kind, _ submitted: JSONNode?, _ recomputed: JSONNode?) {
            differences.append(
                Difference(
                    path: path, kind: kind, submitted: submitted.map(ResultComparison.render), recomputed: recomputed.map(ResultComparison.render)))
        }

        static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
    }
}

/// What `permille verify` needs from a submitted result before it can rerun it.
public struct SubmittedResult: Sendable {
    /// `permille-result/1` or `permille-result/2`.
    public var format: String
    /// The version of permille that wrote it (`generator.version`); nil for results of format 1.
    public var generatorVersion: String?
    /// Whether its rows carry their intermediates (`assess --explain`).
    public var explained: Bool
    public var method: Method
    public var gwp: GWPSet
    /// `digests.input`, e.g. `sha256:dac9…`.
    public var inputDigest: String
    /// `digests.factors`, by file name, in the file's order.
    public var factorDigests: [(file: String, digest: String)]

    /// The first key, in document order, that an object of `node` has twice, with both positions.
    public static func firstRepeatedKey(in node: JSONNode) -> (key: String, first: JSONPosition, second: JSONPosition)? {
        var pending = [node]
        while let current = pending.popLast() {
            switch current.value {
            case .object(let members):
                var seen: [String: JSONPosition] = [:]
                for member in members {
                    if let earlier = seen.updateValue(member.keyPosition, forKey: member.key) {
                        return (member.key, earlier, member.keyPosition)
                    }
                }
                pending += members.reversed().map(\.value)
            case .array(let items): pending += items.reversed()
            default: break
            }
        }
        return nil
    }

    /// Why a file is not a result `verify` can check.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads the keys a rerun needs; fails when the document is not a `permille-result/1` result.
    public init(_ document: JSONNode) throws(Invalid) {
        // A second `digests` (or any key) would be read one way here and another way by other
        // JSON readers, which keep the last: a result with a repeated key proves nothing.
        if let repeated = Self.firstRepeatedKey(in: document) {
            throw Invalid(
                message: "key '\(repeated.key)' appears twice in the same object (line \(repeated.first.line) and line \(repeated.second.line)): a result has each key once")
        }
        guard document.members != nil else { throw Invalid(message: "the result is \(document.kindName == "array" ? "an array" : "a " + document.kindName), not an object") }
        guard let format = document.member("format")?.string else { throw Invalid(message: "the result has no \"format\" string") }
        guard format == "permille-result/1" || format == ResultDocument.format else {
            throw Invalid(message: "the result's format is \"\(format)\"; expected \"permille-result/1\" or \"\(ResultDocument.format)\"")
        }
        guard let methodName = document.member("method")?.string else { throw Invalid(message: "the result has no \"method\" string") }
        guard let method = Method(rawValue: methodName) else {
            throw Invalid(message: "the result's method \"\(methodName)\" is unknown; expected " + Method.allCases.map(\.rawValue).joined(separator: " or "))
        }
        guard let gwpName = document.member("gwp")?.string else { throw Invalid(message: "the result has no \"gwp\" string") }
        guard let gwp = GWPSet(rawValue: gwpName) else {
            throw Invalid(message: "the result's GWP set \"\(gwpName)\" is unknown; expected one of " + GWPSet.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let digests = document.member("digests"), let input = digests.member("input")?.string else {
            throw Invalid(message: "the result has no \"digests.input\" string")
        }
        guard let tables = digests.member("factors")?.members else { throw Invalid(message: "the result has no \"digests.factors\" object") }
        var factorDigests: [(file: String, digest: String)] = []
        for member in tables {
            guard let digest = member.value.string else {
                throw Invalid(message: "digests.factors.\(member.key) is \(member.value.kindName == "array" ? "an array" : "a " + member.value.kindName), not a digest string")
            }
            factorDigests.append((member.key, digest))
        }
        self.format = format
        self.method = method
        self.gwp = gwp
        self.inputDigest = input
        self.factorDigests = factorDigests
        self.generatorVersion = document.member("generator")?.member("version")?.string
        // `--explain` results carry each row's intermediates; the rerun writes them too.
        self.explained =
            document.member("modules")?.members?.contains { module in
                module.value.member("rows")?.members?.contains { $0.value.member("intermediates") != nil } ?? false
            } ?? false
    }
}

/// The full check of a submitted result against a rerun: input, factor tables, values.
public struct ResultVerification: Sendable {
    /// One factor table named by either side.
    public struct TableCheck: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            /// Same digest in the submitted result and in the tables loaded now.
            case same
            /// Both sides have it, with different digests.
            case changed
            /// The submitted result lists it; the indicators loaded now have no such table.
            case missingNow
            /// The rerun read it; the submitted result does not list it.
            case notSubmitted
        }

        public var file: String
        public var submitted: String?
        public var now: String?
        public var status: Status
    }

    public var submittedInput: String
    public var recomputedInput: String
    /// The versions of permille that wrote the submitted result and the rerun.
    public var submittedVersion: String?
    public var recomputedVersion: String?
    public var versionDiffers: Bool { submittedVersion != recomputedVersion }
    public var tables: [TableCheck]
    public var values: ResultComparison.TreeComparison
    public var tolerance: ResultComparison.Tolerance

    /// Also accepted as the input's digest: the key-ordered form permille ≤ 0.9 took it over.
    public var legacyInput: String?
    public var inputMatches: Bool { submittedInput == recomputedInput || (legacyInput != nil && submittedInput == legacyInput) }
    public var tablesMatch: Bool { tables.allSatisfy { $0.status == .same } }
    public var matches: Bool { inputMatches && tablesMatch && values.matches }

    /// Compares `submitted` (the file the holder sent) with `recomputed` (the rerun's document, parsed).
    ///
    /// `loadedTables` are the digests of every table loaded now, by file name (`soc-reference.csv`):
    /// a table the submitted result lists is compared with these even when the rerun did not read it.
    public init(
        submitted: JSONNode, recomputed: JSONNode, loadedTables: [String: String], tolerance: ResultComparison.Tolerance = .standard,
        legacyInput: String? = nil
    ) throws(SubmittedResult.Invalid) {
        self.legacyInput = legacyInput
        let claimed = try SubmittedResult(submitted)
        let rerun = try SubmittedResult(recomputed)
        submittedInput = claimed.inputDigest
        recomputedInput = rerun.inputDigest
        submittedVersion = claimed.generatorVersion
        recomputedVersion = rerun.generatorVersion
        var tables: [TableCheck] = []
        var listed: Set<String> = []
        for (file, digest) in claimed.factorDigests where listed.insert(file).inserted {
            let now = loadedTables[file] ?? rerun.factorDigests.first { $0.file == file }?.digest
            let status: TableCheck.Status = now == nil ? .missingNow : now == digest ? .same : .changed
            tables.append(TableCheck(file: file, submitted: digest, now: now, status: status))
        }
        for (file, digest) in rerun.factorDigests where !listed.contains(file) {
            tables.append(TableCheck(file: file, submitted: nil, now: digest, status: .notSubmitted))
        }
        self.tables = tables
        self.tolerance = tolerance
        values = ResultComparison.compare(submitted: submitted, recomputed: recomputed, tolerance: tolerance, skipping: ["digests", "generator"])
    }

    /// The report `permille verify` prints: one line on a match, otherwise every difference and its likely cause.
    public func render() -> String {
        let matched = tables.count(where: { $0.status == .same })
        let versions =
            versionDiffers
            ? "the result was written by permille \(submittedVersion ?? "(no version: format 1)"); this is permille \(recomputedVersion ?? "?")" : nil
        if matches {
            return "matches: \(values.numbersCompared) numbers, \(matched) factor tables, input \(recomputedInput)\n"
                + (versions.map { "note: \($0)\n" } ?? "")
        }
        var lines: [String] = []
        if let versions { lines.append("version differs: \(versions)") }
        if !inputMatches {
            lines.append("input digest differs: submitted \(submittedInput), recomputed \(recomputedInput): the project file is not the one the result was computed from")
        }
        lines += values.differences.map(\.description)
        let changed = tables.filter { $0.status == .changed }
        if !changed.isEmpty {
            lines.append("changed factor tables: " + changed.map { "\($0.file) (submitted \($0.submitted ?? "?"), now \($0.now ?? "?"))" }.joined(separator: ", "))
        }
        let missing = tables.filter { $0.status == .missingNow }
        if !missing.isEmpty {
            lines.append("factor tables missing now: " + missing.map { "\($0.file) (submitted \($0.submitted ?? "?"))" }.joined(separator: ", "))
        }
        let extra = tables.filter { $0.status == .notSubmitted }
        if !extra.isEmpty {
            lines.append("factor tables the rerun read that the submitted result does not list: " + extra.map { "\($0.file) (now \($0.now ?? "?"))" }.joined(separator: ", "))
        }
        let differing = values.numbersDiffering
        if differing > 0 {
            var causes: [String] = []
            if !inputMatches { causes.append("the project file differs") }
            if !changed.isEmpty { causes.append("the changed factor tables") }
            if !missing.isEmpty { causes.append("the factor tables missing now") }
            // A rerun of another project reads other tables; that is a consequence, not a cause.
            if !extra.isEmpty && inputMatches { causes.append("the tables the submitted result does not list") }
            if versionDiffers { causes.append("the other version of permille") }
            lines.append(
                causes.isEmpty
                    ? "likely cause: neither the input, any factor table nor the version changed, so the result was edited"
                    : "likely cause: " + causes.joined(separator: "; "))
        }
        if values.matches {
            lines.append("every value matches: the rerun gives the submitted figures; only the digests above differ")
        }
        var summary: [String] = []
        if !inputMatches { summary.append("input digest") }
        let tableDifferences = tables.count - matched
        if tableDifferences > 0 { summary.append("\(tableDifferences) factor table\(tableDifferences == 1 ? "" : "s")") }
        summary.append("\(differing) of \(values.numbersCompared) numbers")
        let others = values.differences.count - differing
        if others > 0 { summary.append("\(others) other value\(others == 1 ? "" : "s") or key\(others == 1 ? "" : "s")") }
        lines.append("does not match: " + summary.joined(separator: ", ") + " differ (tolerance \(tolerance))")
        return lines.joined(separator: "\n") + "\n"
    }
}
