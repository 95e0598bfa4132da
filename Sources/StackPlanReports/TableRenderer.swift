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
        var sections: [String] = []
        for table in report.tables {
            var lines: [String] = []
            if let title = table.title { lines.append(bold(TextSafety.visible(title))) }
            lines.append(contentsOf: render(table))
            sections.append(lines.joined(separator: "\n"))
        }
        var out = sections.joined(separator: "\n\n") + "\n"
        if !report.notes.isEmpty { out += "\n" + report.notes.map(TextSafety.visible).joined(separator: "\n") + "\n" }
        return out
    }

    private func render(_ unsafe: TextTable) -> [String] {
        let table = TextTable(
            title: unsafe.title, columns: unsafe.columns,
            rows: unsafe.rows.map { $0.map(TextSafety.visible) })
        let widths = table.columns.indices.map { index in
            ([table.columns[index].title] + table.rows.map { index < $0.count ? $0[index] : "" })
                .map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let width = widths[index]
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                return table.columns[index].alignRight ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let header = bold(line(table.columns.map(\.title)))
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        if table.rows.isEmpty { return [header, rule, "(none)"] }
        return [header, rule] + table.rows.map(line)
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
