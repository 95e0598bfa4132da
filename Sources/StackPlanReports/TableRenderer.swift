import StackPlanCore

/// Renders reports as aligned plain-text tables for a terminal.
public struct TableRenderer: Sendable {
    /// Whether to use ANSI bold for headings.
    public let color: Bool

    /// How many bytes of a large table's rows are kept from sizing its columns to writing its
    /// lines (``RowPieces/map(parallelism:keeping:_:)``); the other rows are made again.
    let keptBytes: Int

    /// Up to 32 MB of rows kept: a 10,000-customer plan's steps whole (31 MB), a larger fleet's first
    /// pieces.
    public init(color: Bool) {
        self.init(color: color, keptBytes: 32 << 20)
    }

    init(color: Bool, keptBytes: Int) {
        self.color = color
        self.keptBytes = keptBytes
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
    /// rows in pieces (``RowPieces``) are measured and written on `parallelism`'s threads, the
    /// rows of as many pieces as fit in ``keptBytes`` kept between the two.
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
            if let pieces = table.pieces {
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
    /// width in characters, columns two spaces apart, no trailing spaces. Each row is written as
    /// cells (``CellRows``) as it is measured and again as it is written, rather than held.
    private func render(_ table: LazyTextTable, into out: ByteOutput, afterEachLine: () -> Void) {
        let columns = table.columns
        let cells = CellRows()
        var widths = columns.map { Self.width($0.title) }
        var isEmpty = true
        for row in table.rows {
            isEmpty = false
            cells.removeAll()
            cells.row(row)
            Self.measure(cells, into: &widths)
        }
        let layout = Layout(columns: columns, widths: widths)
        head(columns, layout: layout, isEmpty: isEmpty, into: out)
        for row in table.rows {
            cells.removeAll()
            cells.row(row)
            out.append(Self.newline)
            Self.line(cells, row: 0, layout: layout, into: out)
            afterEachLine()
        }
    }

    /// The same lines, the pieces measured at the same time and then written at the same time
    /// (``PiecePipeline``); what is in `out` goes to `sink` first.
    private func render(
        _ columns: [TextTable.Column], pieces: RowPieces, parallelism: Parallelism, into out: ByteOutput,
        sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // The titles' widths, widened by every piece's.
        let titles = columns.map { Self.width($0.title) }
        let (measured, kept) = pieces.map(parallelism: parallelism, keeping: keptBytes) { cells in
            var widths = titles
            Self.measure(cells, into: &widths)
            return (widths: widths, isEmpty: cells.count == 0)
        }
        let widths = measured.reduce(titles) { widths, piece in zip(widths, piece.widths).map { max($0, $1) } }
        let layout = Layout(columns: columns, widths: widths)
        head(columns, layout: layout, isEmpty: measured.allSatisfy(\.isEmpty), into: out)
        out.flush(to: sink)
        pieces.write(parallelism: parallelism, kept: kept) { cells, row, out in
            out.append(Self.newline)
            Self.line(cells, row: row, layout: layout, into: out)
        } handOn: {
            sink($0)
        }
    }

    /// Widens `widths` to every cell of `cells` (cells beyond the columns are not counted). A row
    /// that is printable ASCII throughout (nearly every row) is checked once, its cells' widths
    /// then being their lengths.
    private static func measure(_ cells: CellRows, into widths: inout [Int]) {
        widths.withUnsafeMutableBufferPointer { widths in
            for row in 0..<cells.count {
                let range = cells.cells(ofRow: row)
                if ByteWord.isPrintableASCII(cells.bytes(ofRow: row)) {
                    for cell in range.prefix(widths.count) {
                        let column = cell - range.lowerBound
                        widths[column] = max(widths[column], cells.end(ofCell: cell) - cells.start(ofCell: cell))
                    }
                } else {
                    for (column, cell) in range.enumerated() where column < widths.count {
                        widths[column] = max(widths[column], printedWidth(cells[cell]))
                    }
                }
            }
        }
    }

    /// The heading line, the rule under it, and `(none)` for a table without rows.
    private func head(_ columns: [TextTable.Column], layout: Layout, isEmpty: Bool, into out: ByteOutput) {
        if color { append("\u{1B}[1m", to: out) }
        let titles = CellRows()
        titles.row(columns.map(\.title))
        Self.line(titles, row: 0, layout: layout, into: out)
        if color { append("\u{1B}[0m", to: out) }
        out.append(Self.newline)
        append(layout.widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), to: out)
        if isEmpty { append("\n(none)", to: out) }
    }

    /// One line of cells, padded and aligned, without trailing spaces: a row whose every cell prints
    /// as it is (``TextSafety/plainWidth(_:)``; nearly every row, most of them printable ASCII
    /// throughout, which one check tells) written whole after one capacity check, any other cell
    /// by cell.
    private static func line(_ cells: CellRows, row: Int, layout: Layout, into out: ByteOutput) {
        let range = cells.cells(ofRow: row)
        let bytes = cells.bytes(ofRow: row)
        guard range.count <= layout.widths.count, let source = bytes.baseAddress
        else { return lineCellByCell(cells, row: row, layout: layout, into: out) }
        let ascii = ByteWord.isPrintableASCII(bytes)
        let first = cells.start(ofCell: range.lowerBound)
        var plain = true
        // No cell is wider than its column (they were measured); were one wider, the line would
        // still fit in its own bytes and every column's width.
        out.append(atMost: bytes.count + layout.length + 8) { target in
            var written = 0
            var start = first
            for column in 0..<range.count {
                let end = cells.end(ofCell: range.lowerBound + column)
                let length = end - start
                let width: Int
                if ascii {
                    width = length
                } else if let plainWidth = TextSafety.plainWidth(
                    UnsafeBufferPointer(start: source + (start - first), count: length))
                {
                    width = plainWidth
                } else {
                    // Nothing is kept: the line is written cell by cell instead.
                    plain = false
                    return 0
                }
                if column > 0 {
                    UnsafeMutableRawPointer(target + written).storeBytes(of: 0x2020, as: UInt16.self)
                    written += 2
                }
                let padding = max(layout.widths[column] - width, 0)
                if layout.alignRight[column] {
                    spaces(padding, at: target + written)
                    written += padding
                }
                ByteOutput.copy(source + (start - first), count: length, to: target + written)
                written += length
                // The last cell's padding would be dropped with the line's trailing spaces below.
                if !layout.alignRight[column], column < range.count - 1 {
                    spaces(padding, at: target + written)
                    written += padding
                }
                start = end
            }
            while written > 0, target[written - 1] == space { written -= 1 }
            return written
        }
        if !plain { lineCellByCell(cells, row: row, layout: layout, into: out) }
    }

    /// `count` spaces at `target`, eight at a time: up to seven bytes after them are overwritten
    /// too (room the caller has, and writes over next).
    @inline(__always)
    private static func spaces(_ count: Int, at target: UnsafeMutablePointer<UInt8>) {
        var offset = 0
        while offset < count {
            UnsafeMutableRawPointer(target + offset).storeBytes(of: ByteWord.spaces, as: UInt64.self)
            offset += 8
        }
    }

    /// ``line(_:row:layout:into:)`` for a row with a cell beyond printable ASCII: each cell made
    /// visible (``TextSafety/visible(_:)``) where it does not print as it is, and measured in
    /// characters.
    private static func lineCellByCell(_ cells: CellRows, row: Int, layout: Layout, into out: ByteOutput) {
        let start = out.count
        let range = cells.cells(ofRow: row)
        for (index, cell) in range.enumerated() {
            if index > 0 {
                out.append(space)
                out.append(space)
            }
            let bytes = cells[cell]
            // A cell that prints as it is, straight from its bytes; the rest made visible first.
            var visible: String?
            let width: Int
            if let plain = TextSafety.plainWidth(bytes) {
                width = plain
            } else {
                let text = TextSafety.visible(String(decoding: bytes, as: UTF8.self))
                (visible, width) = (text, text.count)
            }
            let columnWidth = index < layout.widths.count ? layout.widths[index] : width
            let alignRight = index < layout.widths.count && layout.alignRight[index]
            let padding = columnWidth - width
            if alignRight { out.append(space, count: padding) }
            if var visible { visible.withUTF8 { out.append($0) } } else { out.append(bytes) }
            // The last cell's padding would be dropped with the line's trailing spaces below.
            if !alignRight, index < range.count - 1 { out.append(space, count: padding) }
        }
        out.dropTrailing(space, downTo: start)
    }

    /// A cell's width in characters as printed (``TextSafety/visible(_:)``), counted on its bytes
    /// for text that prints as it is.
    private static func printedWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        TextSafety.plainWidth(bytes) ?? TextSafety.visible(String(decoding: bytes, as: UTF8.self)).count
    }

    /// A title's width in characters as printed.
    private static func width(_ text: String) -> Int {
        var text = text
        return text.withUTF8(printedWidth)
    }

    /// How a table's lines are laid out: each column's width and alignment, read for every cell.
    private struct Layout: Sendable {
        let widths: [Int]
        let alignRight: [Bool]
        /// The longest a line of cells as wide as their columns can be: the widths, two spaces
        /// between columns.
        let length: Int

        init(columns: [TextTable.Column], widths: [Int]) {
            self.widths = widths
            alignRight = columns.map(\.alignRight)
            length = widths.reduce(0, +) + 2 * widths.count
        }
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
