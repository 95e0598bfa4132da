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

/// Values made afresh each time they are read: the rows and notes of a report too large to hold
/// as strings (a 100,000-customer plan). Renderers may read them more than once — the table
/// renderer sizes its columns, then writes — and nothing is kept between reads.
public struct Remade<Element>: Sequence, Sendable {
    private let make: @Sendable () -> AnyIterator<Element>

    /// Values made by `make` on every read.
    public init<Values: Sequence>(_ make: @escaping @Sendable () -> Values) where Values.Element == Element {
        self.make = { AnyIterator(make().makeIterator()) }
    }

    public func makeIterator() -> AnyIterator<Element> { make() }

    /// Whether there are no values (makes at most the first).
    public var isEmpty: Bool { make().next() == nil }
}

/// A table as renderers read it: its rows, possibly made as they are read (``Remade``).
public struct LazyTextTable: Sendable {
    public let title: String?
    public let columns: [TextTable.Column]
    public let rows: Remade<[String]>
    /// The same rows in pieces a renderer may write at the same time, when the table has them.
    public let pieces: RowPieces?

    public init(title: String?, columns: [TextTable.Column], rows: Remade<[String]>) {
        self.title = title
        self.columns = columns
        self.rows = rows
        pieces = nil
    }

    /// A table whose rows come in pieces (``rows`` reads them in turn).
    public init(title: String?, columns: [TextTable.Column], pieces: RowPieces) {
        self.title = title
        self.columns = columns
        rows = pieces.all
        self.pieces = pieces
    }

    /// A table whose rows are already made.
    public init(_ table: TextTable) {
        self.init(title: table.title, columns: table.columns, rows: Remade { table.rows })
    }
}

/// What a command reports: the same values as tables (for table, CSV and Markdown) and as JSON.
public struct Report: Sendable {
    /// The heading of the whole report.
    public let title: String
    /// Tables in order; CSV renders the first one only.
    public let tables: [LazyTextTable]
    /// Lines printed after the tables in text formats (legends, notes).
    public let notes: Remade<String>
    /// The JSON document.
    public let json: any JSONDocument

    public init(title: String, tables: [TextTable], notes: [String] = [], json: any JSONDocument) {
        self.init(title: title, tables: tables.map(LazyTextTable.init), notes: Remade { notes }, json: json)
    }

    /// A report whose rows and notes are made as the renderers read them.
    public init(title: String, tables: [LazyTextTable], notes: Remade<String>, json: any JSONDocument) {
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
