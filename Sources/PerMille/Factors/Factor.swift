/// How far a value has been checked (method.md §0.1).
public enum Reliability: String, Sendable, Hashable, CaseIterable {
    /// EX-ACT v9.4 workbook or reference data.
    case exact = "V-EX"
    /// HESTIA's transcription of IPCC 2019 with uncertainty.
    case hestia = "V-HE"
    /// Two independent secondary sources agree.
    case corroborated = "C"
    /// One secondary source.
    case weak = "C-weak"
    /// Unverified recollection: must be checked against the IPCC PDF.
    case unverified = "M"
    /// A Tier 2 value the project supplied with a citation.
    case override = "tier-2"

    /// Values a reviewer must check before trusting a result (`factors list --unverified`).
    public var needsChecking: Bool { self == .unverified || self == .weak }
}

/// A factor value together with its provenance, so reports never look anything up again.
///
/// Rows pass factors around by the thousand, so the fields live in one shared immutable box:
/// a copy costs one reference count, not seven.
public struct Factor: Sendable, Hashable {
    private final class Storage: Sendable {
        let value: Double
        let nominal: Double
        let unit: String
        let uncertaintyPercent: Double?
        let source: String
        let table: String
        let key: String
        let line: Int
        let column: String
        let reliability: Reliability
        let note: String?

        init(
            value: Double, nominal: Double, unit: String, uncertaintyPercent: Double?, source: String, table: String, key: String, line: Int,
            column: String, reliability: Reliability, note: String?
        ) {
            self.value = value
            self.nominal = nominal
            self.unit = unit
            self.uncertaintyPercent = uncertaintyPercent
            self.source = source
            self.table = table
            self.key = key
            self.line = line
            self.column = column
            self.reliability = reliability
            self.note = note
        }
    }

    private let storage: Storage

    public var value: Double { storage.value }
    /// The table's (or override's) own value; differs from `value` only in a Monte Carlo draw, where
    /// `value` is the drawn one. Choices between two tables compare this, so a draw never changes
    /// which table a row takes its factor from.
    public var nominalValue: Double { storage.nominal }
    public var unit: String { storage.unit }
    public var uncertaintyPercent: Double? { storage.uncertaintyPercent }
    public var source: String { storage.source }
    /// Table name (manifest name) or `override`.
    public var table: String { storage.table }
    /// The key that selected the row, `column=value` pairs joined by ", ".
    public var key: String { storage.key }
    /// Line of the row in its CSV file (1 = header), 0 for overrides.
    public var line: Int { storage.line }
    /// The value column of the row the value was read from (`value` for one-value tables and overrides).
    public var column: String { storage.column }
    /// The column name of one-value tables.
    public static let valueColumn = "value"
    public var reliability: Reliability { storage.reliability }
    /// Why the row was chosen or changed, where the table says.
    public var note: String? { storage.note }

    public init(
        value: Double, unit: String, uncertaintyPercent: Double?, source: String, table: String, key: String, line: Int,
        column: String = "value", reliability: Reliability, note: String? = nil
    ) {
        storage = Storage(
            value: value, nominal: value, unit: unit, uncertaintyPercent: uncertaintyPercent, source: source, table: table, key: key,
            line: line, column: column, reliability: reliability, note: note)
    }

    private init(_ storage: Storage) { self.storage = storage }

    /// The same factor with its value multiplied by a Monte Carlo draw; the nominal value is kept.
    public func perturbed(by multiplier: Double) -> Factor {
        Factor(
            Storage(
                value: nominal * multiplier, nominal: nominal, unit: unit, uncertaintyPercent: uncertaintyPercent, source: source, table: table,
                key: key, line: line, column: column, reliability: reliability, note: note))
    }

    private var nominal: Double { storage.nominal }

    /// The same provenance with a derived value (e.g. the midpoint of a range) and why.
    public func deriving(value: Double, note: String) -> Factor {
        Factor(
            value: value, unit: unit, uncertaintyPercent: uncertaintyPercent, source: source, table: table, key: key,
            line: line, column: column, reliability: reliability, note: note)
    }

    public static func == (lhs: Factor, rhs: Factor) -> Bool {
        // Numbers first: two different factors nearly always differ in their line or value, and
        // many defaults share a value (1.0) and a unit, so comparing strings first costs more.
        lhs.storage === rhs.storage
            || (lhs.line == rhs.line && lhs.value == rhs.value && lhs.column == rhs.column && lhs.uncertaintyPercent == rhs.uncertaintyPercent
                && lhs.reliability == rhs.reliability && lhs.table == rhs.table && lhs.key == rhs.key && lhs.unit == rhs.unit
                && lhs.source == rhs.source && lhs.note == rhs.note)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(table)
        hasher.combine(key)
        hasher.combine(line)
    }
}

/// A factor used in a row's calculation, under the name the method gives it.
public struct FactorUse: Sendable, Hashable {
    /// Method name of the factor (`SOCref`, `F_MG(with)`, `EF1_SOM`, …).
    public var name: String
    public var factor: Factor

    public init(_ name: String, _ factor: Factor) {
        self.name = name
        self.factor = factor
    }

    /// The factor first: two uses of one looked-up factor share its box, which compares in one step.
    public static func == (lhs: FactorUse, rhs: FactorUse) -> Bool { lhs.factor == rhs.factor && lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(factor)
        hasher.combine(name)
    }
}

/// A factor the tables do not hold: the assessment refuses rather than use zero.
public struct MissingFactor: Error, Sendable, Hashable, CustomStringConvertible {
    public var table: String
    public var key: String
    public var column: String
    public var rowID: String?
    public var hint: String?

    public init(table: String, key: String, column: String = "value", rowID: String? = nil, hint: String? = nil) {
        self.table = table
        self.key = key
        self.column = column
        self.rowID = rowID
        self.hint = hint
    }

    public var description: String {
        var text = "no value for \(key) in factor table '\(table)'"
        if column != "value" { text += " (column \(column))" }
        if let rowID { text += " needed by row \(rowID)" }
        if let hint { text += "; \(hint)" }
        return text
    }
}
