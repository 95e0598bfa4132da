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
    /// Rows made as they are read (``Remade``) are read twice — widths, then lines — and not kept.
    public func stream(_ report: Report, chunkSize: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let out = ByteOutput(capacity: min(chunkSize, 1 << 20) + 4096)
        func flushIfFull() { out.flush(ifAtLeast: chunkSize, to: sink) }
        for (index, table) in report.tables.enumerated() {
            if index > 0 { append("\n\n", to: out) }
            if let title = table.title {
                append(bold(TextSafety.visible(title)), to: out)
                out.append(Self.newline)
            }
            render(table, into: out, afterEachLine: flushIfFull)
        }
        out.append(Self.newline)
        // A blank line, then one line per note.
        var first = true
        for note in report.notes {
            if first { out.append(Self.newline) }
            first = false
            append(TextSafety.visible(note), to: out)
            out.append(Self.newline)
            flushIfFull()
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
        var widths = columns.map { Self.width($0.title) }
        var isEmpty = true
        for row in table.rows {
            isEmpty = false
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.printed(cell).width)
            }
        }
        func line(_ cells: [String]) {
            let start = out.count
            for (index, cell) in cells.enumerated() {
                if index > 0 {
                    out.append(Self.space)
                    out.append(Self.space)
                }
                let (text, width) = Self.printed(cell)
                let padding = max(0, widths[index] - width)
                if columns[index].alignRight { for _ in 0..<padding { out.append(Self.space) } }
                append(text, to: out)
                if !columns[index].alignRight { for _ in 0..<padding { out.append(Self.space) } }
            }
            out.dropTrailing(Self.space, downTo: start)
        }
        if color { append("\u{1B}[1m", to: out) }
        line(columns.map(\.title))
        if color { append("\u{1B}[0m", to: out) }
        out.append(Self.newline)
        append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), to: out)
        if isEmpty { append("\n(none)", to: out) }
        for row in table.rows {
            out.append(Self.newline)
            line(row)
            afterEachLine()
        }
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
