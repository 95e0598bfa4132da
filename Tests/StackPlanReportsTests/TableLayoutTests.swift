import StackPlanCore
import Testing

@testable import StackPlanReports

/// The terminal table's lines against a reference written from the rule alone: each cell made
/// visible, padded to its column's width in Characters (on the left when the column aligns right),
/// columns two spaces apart, trailing spaces dropped. Rows of printable ASCII are written whole
/// and the others cell by cell, so the samples mix both on the same table, with pads and cells
/// longer than the eight- and sixteen-byte steps of the fast path.
@Suite("Terminal table layout")
struct TableLayoutTests {
    private static let samples = [
        "", "a", "ab", "abc", "abcd", "seven..", "eight...", "exactly sixteen.", "seventeen bytes..",
        String(repeating: "w", count: 33), String(repeating: "x", count: 70), "trailing  ", "  leading",
        "Müller", "Kubernetes 1.29–1.33", "tab\there", "line\nbreak", "e\u{301}", "日本", "🇺🇸 flag",
    ]

    /// The lines of a table of `columns` (titles and alignment) and `rows`, by the rule.
    private static func reference(_ columns: [TextTable.Column], _ rows: [[String]]) -> String {
        let shown = rows.map { $0.map(TextSafety.visible) }
        var widths = columns.map { $0.title.count }
        for row in shown {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return columns[column].alignRight ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [
            line(columns.map(\.title)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
        ]
        if rows.isEmpty { lines.append("(none)") }
        return (lines + shown.map(line)).joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func linesFollowTheRule(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 1...6, using: &random)
        let columns = (0..<count).map { column in
            TextTable.Column(
                "C\(column)" + String(repeating: "t", count: Int.random(in: 0...9, using: &random)),
                alignRight: Bool.random(using: &random))
        }
        // Mostly printable ASCII, as in a fleet's plan; some rows shorter than the columns.
        let ascii = Self.samples.filter { $0.utf8.allSatisfy { (0x20..<0x7F).contains($0) } }
        let rows = (0..<Int.random(in: 0...60, using: &random)).map { _ in
            let pool = Int.random(in: 0..<4, using: &random) == 0 ? Self.samples : ascii
            return (0..<Int.random(in: max(count - 1, 1)...count, using: &random)).map { _ in
                pool[Int.random(in: 0..<pool.count, using: &random)]
            }
        }
        let expected = Self.reference(columns, rows)
        let whole = Report(
            title: "t", tables: [TextTable(columns: columns, rows: rows)], notes: [], json: JSONValue.null)
        #expect(TableRenderer(color: false).render(whole) == expected, "rows, seed \(seed)")
        let pieces = RowPieces(count: (rows.count + 6) / 7) { piece in
            rows[(piece * 7)..<min(piece * 7 + 7, rows.count)]
        }
        let piecewise = Report(
            title: "t", tables: [LazyTextTable(title: nil, columns: columns, pieces: pieces)], notes: Remade { [] },
            json: JSONValue.null)
        #expect(TableRenderer(color: false).render(piecewise) == expected, "pieces, seed \(seed)")
    }
}
