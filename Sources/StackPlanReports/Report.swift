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

/// The output formats of listings.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown

    /// Renders `report` in this format; `color` only affects `table`.
    public func render(_ report: Report, color: Bool = false) -> String {
        switch self {
        case .table: TableRenderer(color: color).render(report)
        case .json: report.json.serialized()
        case .csv: CSVRenderer().render(report)
        case .markdown: MarkdownRenderer().render(report)
        }
    }
}
