import StackPlanCore

/// Renders reports as aligned plain-text tables for a terminal.
public struct TableRenderer: Sendable {
    /// Whether to use ANSI bold for headings.
    public let color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// Every cell, title and note is printed with its control characters as visible escapes, so
    /// a name holding an escape sequence cannot drive the terminal.
    public func render(_ report: Report) -> String {
        var text: [UInt8] = []
        stream(report, chunkSize: .max) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The same text handed to `sink` in chunks of about `chunkSize` bytes (each valid only
    /// during the call), so a large report is never held whole as text.
    /// Rows made as they are read (``Remade``) are read twice — widths, then lines — and not kept;
    /// rows in pieces (``RowPieces``) are measured and written on `parallelism`'s threads.
    public func stream(
        _ report: Report, chunkSize: Int = 1 << 20, parallelism: Parallelism = .serial,
        to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let out = ByteOutput(capacity: min(chunkSize, 1 << 20) + 4096)
        for (index, table) in report.tables.enumerated() {
            if index > 0 { append("\n\n", to: out) }
            if let title = table.title {
                append(bold(TextSafety.visible(title)), to: out)
                out.append(Self.newline)
            }
            if let pieces = table.pieces, parallelism.width > 1 {
                render(table.columns, pieces: pieces, parallelism: parallelism, into: out, sink: sink)
            } else {
                render(table, into: out) { out.flush(ifAtLeast: chunkSize, to: sink) }
            }
        }
        out.append(Self.newline)
        // A blank line, then one line per note.
        var first = true
        for note in report.notes {
            if first { out.append(Self.newline) }
            first = false
            append(TextSafety.visible(note), to: out)
            out.append(Self.newline)
            out.flush(ifAtLeast: chunkSize, to: sink)
        }
        out.flush(to: sink)
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    private func append(_ text: String, to out: ByteOutput) {
        var text = text
        text.withUTF8 { out.append($0) }
    }

    /// The table's lines, separated by newlines, written as bytes: cells padded to their column's
    /// width in characters, columns two spaces apart, no trailing spaces. Cells are made visible
    /// as they are measured and again as they are written, rather than held twice.
    private func render(_ table: LazyTextTable, into out: ByteOutput, afterEachLine: () -> Void) {
        let columns = table.columns
        let (widths, isEmpty) = Self.measure(table.rows, columns: columns)
        head(columns, widths: widths, isEmpty: isEmpty, into: out)
        for row in table.rows {
            out.append(Self.newline)
            Self.line(row, columns: columns, widths: widths, into: out)
            afterEachLine()
        }
    }

    /// The same lines, the pieces measured at the same time and then written at the same time
    /// (``PiecePipeline``); what is in `out` goes to `sink` first.
    private func render(
        _ columns: [TextTable.Column], pieces: RowPieces, parallelism: Parallelism, into out: ByteOutput,
        sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let measured = parallelism.map(pieces.count) { Self.measure(pieces.rows($0), columns: columns) }
        // The titles' widths, widened by every piece's.
        let widths = measured.reduce(columns.map { Self.width($0.title) }) { widths, piece in
            zip(widths, piece.widths).map { max($0, $1) }
        }
        head(columns, widths: widths, isEmpty: measured.allSatisfy(\.isEmpty), into: out)
        out.flush(to: sink)
        PiecePipeline.run(pieces.count, parallelism: parallelism) { piece, out in
            for row in pieces.rows(piece) {
                out.append(Self.newline)
                Self.line(row, columns: columns, widths: widths, into: out)
            }
        } handOn: {
            sink($0)
        }
    }

    /// The width of each column (its title's or its widest cell's) and whether there are no rows.
    private static func measure(
        _ rows: some Sequence<[String]>, columns: [TextTable.Column]
    ) -> (widths: [Int], isEmpty: Bool) {
        var widths = columns.map { width($0.title) }
        var isEmpty = true
        for row in rows {
            isEmpty = false
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], printed(cell).width)
            }
        }
        return (widths, isEmpty)
    }

    /// The heading line, the rule under it, and `(none)` for a table without rows.
    private func head(_ columns: [TextTable.Column], widths: [Int], isEmpty: Bool, into out: ByteOutput) {
        if color { append("\u{1B}[1m", to: out) }
        Self.line(columns.map(\.title), columns: columns, widths: widths, into: out)
        if color { append("\u{1B}[0m", to: out) }
        out.append(Self.newline)
        append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), to: out)
        if isEmpty { append("\n(none)", to: out) }
    }

    /// One line of cells, padded and aligned, without trailing spaces.
    private static func line(
        _ cells: [String], columns: [TextTable.Column], widths: [Int], into out: ByteOutput
    ) {
        let start = out.count
        for (index, cell) in cells.enumerated() {
            if index > 0 {
                out.append(space)
                out.append(space)
            }
            let (text, width) = printed(cell)
            let padding = widths[index] - width
            if columns[index].alignRight { out.append(space, count: padding) }
            var bytes = text
            bytes.withUTF8 { out.append($0) }
            // The last cell's padding would be dropped with the line's trailing spaces below.
            if !columns[index].alignRight, index < cells.count - 1 { out.append(space, count: padding) }
        }
        out.dropTrailing(space, downTo: start)
    }

    /// A cell as printed (``TextSafety/visible(_:)``) and its width, with one scan for the usual
    /// printable-ASCII cell.
    private static func printed(_ cell: String) -> (text: String, width: Int) {
        if TextSafety.isPrintableASCII(cell) { return (cell, cell.utf8.count) }
        let text = TextSafety.visible(cell)
        return (text, width(text))
    }

    /// A cell's width in characters; ASCII text (every cell after ``TextSafety/visible(_:)`` that
    /// has no other script) is counted by its bytes without walking grapheme clusters.
    private static func width(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } } ? text.utf8.count : text.count
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
