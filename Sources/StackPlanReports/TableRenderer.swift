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
        var out: [UInt8] = []
        for (index, table) in report.tables.enumerated() {
            if index > 0 { out.append(contentsOf: "\n\n".utf8) }
            if let title = table.title {
                out.append(contentsOf: bold(TextSafety.visible(title)).utf8)
                out.append(Self.newline)
            }
            render(table, into: &out)
        }
        out.append(Self.newline)
        if !report.notes.isEmpty {
            out.append(contentsOf: ("\n" + report.notes.map(TextSafety.visible).joined(separator: "\n") + "\n").utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    /// The table's lines, separated by newlines, written as bytes: cells padded to their column's
    /// width in characters, columns two spaces apart, no trailing spaces.
    private func render(_ unsafe: TextTable, into out: inout [UInt8]) {
        let rows = unsafe.rows.map { $0.map(TextSafety.visible) }
        let columns = unsafe.columns
        var widths = columns.map { Self.width($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.width(cell))
            }
        }
        func line(_ cells: [String]) {
            let start = out.count
            for (index, cell) in cells.enumerated() {
                if index > 0 { out.append(contentsOf: [Self.space, Self.space]) }
                let padding = repeatElement(Self.space, count: max(0, widths[index] - Self.width(cell)))
                if columns[index].alignRight { out.append(contentsOf: padding) }
                out.append(contentsOf: cell.utf8)
                if !columns[index].alignRight { out.append(contentsOf: padding) }
            }
            while out.count > start, out.last == Self.space { out.removeLast() }
        }
        if color { out.append(contentsOf: "\u{1B}[1m".utf8) }
        line(columns.map(\.title))
        if color { out.append(contentsOf: "\u{1B}[0m".utf8) }
        out.append(Self.newline)
        out.append(contentsOf: widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ").utf8)
        if rows.isEmpty { out.append(contentsOf: "\n(none)".utf8) }
        for row in rows {
            out.append(Self.newline)
            line(row)
        }
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
