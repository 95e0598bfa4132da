/// A table of text cells, the shape every tabular format renders.
public struct TextTable: Hashable, Sendable {
    /// A column heading and how its cells align.
    public struct Column: Hashable, Sendable {
        public let title: String
        public let alignRight: Bool

        public init(_ title: String, alignRight: Bool = false) {
            self.title = title
            self.alignRight = alignRight
        }
    }

    /// An optional heading shown above the table (Markdown `##`, a plain line in text).
    public let title: String?
    public let columns: [Column]
    public let rows: [[String]]

    public init(title: String? = nil, columns: [Column], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A table whose rows are made each time they are read: for text output too large to hold as
/// strings (a 100,000-customer plan), which the table renderer reads twice — column widths, then
/// lines — without ever keeping the rows.
public struct LazyTextTable {
    public let title: String?
    public let columns: [TextTable.Column]
    /// Read once per pass; each pass makes the rows again.
    public let rows: AnySequence<[String]>

    public init(title: String?, columns: [TextTable.Column], rows: AnySequence<[String]>) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// A table's rows as they are.
    public init(_ table: TextTable) {
        self.init(title: table.title, columns: table.columns, rows: AnySequence(table.rows))
    }

    /// The rows, made once and kept.
    public var materialized: TextTable { TextTable(title: title, columns: columns, rows: Array(rows)) }
}

/// What a command reports: the same values as tables (for table, CSV and Markdown) and as JSON.
public struct Report: Sendable {
    /// The heading of the whole report.
    public let title: String
    /// Tables in order; CSV renders the first one only.
    public let tables: [TextTable]
    /// Lines printed after the tables in text formats (legends, notes).
    public let notes: [String]
    /// The JSON document.
    public let json: any JSONDocument

    public init(title: String, tables: [TextTable], notes: [String] = [], json: any JSONDocument) {
        self.title = title
        self.tables = tables
        self.notes = notes
        self.json = json
    }
}

/// Every output format of every command. Each command accepts the subset it can produce
/// (`stackplan plan --format ics`, `roadmap --format svg`, …).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown, html, svg, ics

    /// The formats every report renders to: `Report.rendered(as:)`.
    public static let listings: [OutputFormat] = [.table, .json, .csv, .markdown]
}

extension Report {
    /// The report as a table (coloured when `color`), JSON, CSV (its first table), Markdown, or an
    /// HTML page of its tables and notes. A report has no drawing or calendar of its own: commands
    /// offering SVG or iCalendar render those themselves and never ask a report for them.
    public func rendered(as format: OutputFormat, color: Bool = false) -> String {
        switch format {
        case .table: TableRenderer(color: color).render(self)
        case .json: json.serialized()
        case .csv: CSVRenderer().render(self)
        case .markdown: MarkdownRenderer().render(self)
        case .html, .svg, .ics: HTMLPage.render(self)
        }
    }
}
