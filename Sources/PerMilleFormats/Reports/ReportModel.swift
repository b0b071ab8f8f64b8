import PerMille
import PerMilleJSON

/// One neutral description of a project report: titled sections of paragraphs, facts, tables,
/// lists and charts. `HTMLReport` and `MarkdownReport` render the same document, so the two carry
/// the same content; `ReportBuilder` fills it from an assessment and its review.
public struct ReportDocument: Sendable {
    public var title: String
    public var subtitle: String
    public var sections: [ReportSection]

    public init(title: String, subtitle: String, sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

public struct ReportSection: Sendable {
    /// Anchor (`headline`, `charts`, …), stable across runs.
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public indirect enum ReportBlock: Sendable {
    case paragraph(String)
    /// A caveat the reader must not miss (shown emphasised).
    case note(String)
    /// Label: value pairs.
    case facts([ReportFact])
    case table(ReportTable)
    case chart(ReportChart)
    case list([String])
    /// A titled group of blocks (a practice sheet, …).
    case item(title: String, blocks: [ReportBlock])
}

public struct ReportFact: Sendable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

public struct ReportTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Numbers align right.
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public enum Style: String, Sendable { case plain, strong, flag, status, code }
        public var text: String
        public var style: Style
        /// For `status` cells: the status word, used as a CSS class.
        public var status: String?

        public init(_ text: String, style: Style = .plain, status: String? = nil) {
            self.text = text
            self.style = style
            self.status = status
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// How many of the last rows are totals (printed bold, set apart).
    public var totalRows: Int

    public init(caption: String, columns: [Column], rows: [[Cell]], totalRows: Int = 0) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows
    }
}

/// A chart's data: categories × series, with the attribute names each drawn mark carries
/// (`data-module`, `data-gas`, `data-year`, `data-scenario`) and its exact number in `data-value`.
public struct ReportChart: Sendable {
    public enum Kind: Sendable {
        /// Horizontal bars, one per category, segments stacked by series (negatives left of zero).
        case stackedBars
        /// Horizontal bars, one per category × series.
        case groupedBars
        /// One line per series over the categories (years).
        case lines
        /// Vertical bars of counts over equal bins (categories, left to right), with `markers` drawn across.
        case histogram
    }

    public struct Key: Sendable {
        public var key: String
        public var label: String
        /// The series' colour wherever it is drawn (`SeriesColor`); nil takes the palette's next.
        public var color: String?

        public init(_ key: String, _ label: String, color: String? = nil) {
            self.key = key
            self.label = label
            self.color = color
        }
    }

    public var id: String
    public var title: String
    public var unit: String
    public var kind: Kind
    public var categoryAttribute: String
    public var seriesAttribute: String
    public var categories: [Key]
    public var series: [Key]
    /// values[series][category].
    public var values: [[Double]]
    /// A dashed reference line (the 4 ‰ target).
    public var reference: (value: Double, label: String)?
    /// Decimals of the printed numbers (labels and the Markdown table).
    public var decimals: Int
    /// For stacked bars: the net of each category, drawn as a marker.
    public var showNet: Bool
    /// For histograms: the bins' range, and values marked by vertical lines (interval bounds, deterministic value).
    public var range: (low: Double, high: Double)?
    public var markers: [(value: Double, label: String, emphasis: Bool)] = []

    public init(
        id: String, title: String, unit: String, kind: Kind, categoryAttribute: String, seriesAttribute: String,
        categories: [Key], series: [Key], values: [[Double]], reference: (value: Double, label: String)? = nil,
        decimals: Int = 1, showNet: Bool = false
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.kind = kind
        self.categoryAttribute = categoryAttribute
        self.seriesAttribute = seriesAttribute
        self.categories = categories
        self.series = series
        self.values = values
        self.reference = reference
        self.decimals = decimals
        self.showNet = showNet
    }

    /// The table behind the chart: one row per category, one column per series.
    public var table: ReportTable {
        var columns = [ReportTable.Column(categoryAttribute.capitalizedFirst)]
        columns += series.map { ReportTable.Column($0.label, numeric: true) }
        if showNet { columns.append(ReportTable.Column("Net", numeric: true)) }
        let rows: [[ReportTable.Cell]] = categories.indices.map { index in
            var cells = [ReportTable.Cell(categories[index].label)]
            cells += series.indices.map { ReportTable.Cell(ReportText.number(values[$0][index], decimals: decimals)) }
            if showNet {
                let net = series.indices.reduce(0) { $0 + values[$1][index] }
                cells.append(ReportTable.Cell(ReportText.number(net, decimals: decimals), style: .strong))
            }
            return cells
        }
        return ReportTable(caption: "\(title) (\(unit))", columns: columns, rows: rows)
    }
}

/// Number and text formats shared by the report writers.
public enum ReportText {
    /// Fixed decimals with space thousands grouping (`-2 475.0`), never `-0.0`.
    public static func number(_ value: Double, decimals: Int) -> String {
        value.isFinite ? TextReport.number(value, decimals: decimals) : "n/a"
    }

    /// With an explicit sign (`+0.31`), for changes and balances read in isolation.
    public static func signed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let text = number(value, decimals: decimals)
        return text.hasPrefix("-") || text.allSatisfy({ $0 == "0" || $0 == "." }) ? text : "+" + text
    }

    /// The exact value written into `data-value` attributes: float noise below 1e-9 removed, shortest digits.
    public static func exact(_ value: Double) -> String { value.isFinite && ResultJSON.clean(value).isFinite ? JSONWriter.format(ResultJSON.clean(value)) : "n/a" }

    /// A factor or input value without trailing noise (`0.48`, `150`).
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let rounded = (value * 1e6).rounded() / 1e6
        guard rounded.isFinite else { return String(value) }
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    public static func value(_ value: IndicatorValue) -> String {
        switch value {
        case .number(let amount):
            if amount == amount.rounded() && abs(amount) < 1e15 { return number(amount, decimals: 0) }
            return abs(amount) >= 100 ? number(amount, decimals: 1) : String((amount * 1000).rounded() / 1000)
        case .text(let text): return text
        case .flag(let flag): return flag ? "yes" : "no"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

/// The formats `permille report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, markdown, csv, json
}

/// Renders a project report in one format; the same input gives the same bytes.
public enum ProjectReport {
    public static func render(_ input: ReportInput, format: ReportFormat) -> String {
        switch format {
        case .html: HTMLReport.render(ReportBuilder.document(input))
        case .markdown: MarkdownReport.render(ReportBuilder.document(input))
        case .csv: CSVReport.render(input.assessment)
        case .json: ReportJSON.encode(input)
        }
    }
}
