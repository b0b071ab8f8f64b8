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
public struct Factor: Sendable, Hashable {
    public var value: Double
    public var unit: String
    public var uncertaintyPercent: Double?
    public var source: String
    /// Table name (manifest name) or `override`.
    public var table: String
    /// The key that selected the row, `column=value` pairs joined by ", ".
    public var key: String
    /// Line of the row in its CSV file (1 = header), 0 for overrides.
    public var line: Int
    public var reliability: Reliability
    /// Why the row was chosen or changed, where the table says.
    public var note: String?

    public init(value: Double, unit: String, uncertaintyPercent: Double?, source: String, table: String, key: String, line: Int, reliability: Reliability, note: String? = nil) {
        self.value = value
        self.unit = unit
        self.uncertaintyPercent = uncertaintyPercent
        self.source = source
        self.table = table
        self.key = key
        self.line = line
        self.reliability = reliability
        self.note = note
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
