/// Renders reports as GitHub-flavoured Markdown.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = "# \(Self.escape(report.title))\n"
        for table in report.tables {
            out += "\n"
            if let title = table.title { out += "## \(Self.escape(title))\n\n" }
            out += row(table.columns.map(\.title))
            out += row(table.columns.map { $0.alignRight ? "---:" : "---" })
            if table.rows.isEmpty { out += row(table.columns.map { _ in "" }) }
            for cells in table.rows { out += row(cells) }
        }
        if !report.notes.isEmpty { out += "\n" + report.notes.map { "- \(Self.escape($0))\n" }.joined() }
        return out
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map(Self.escape).joined(separator: " | ") + " |\n"
    }

    /// `text` safe in a Markdown table cell, heading or list item: HTML-significant characters as
    /// entities (no raw `<script>`), `|` escaped, every line break as `<br>` (the value stays on
    /// its line) and other control characters as visible escapes.
    static func escape(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\n" where previous == "\r": continue
            default:
                if TextSafety.isLineBreak(scalar) {
                    out += "<br>"
                } else if TextSafety.isControl(scalar) {
                    out += TextSafety.visible(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
