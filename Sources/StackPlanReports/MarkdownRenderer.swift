/// Renders reports as GitHub-flavoured Markdown.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = "# \(report.title)\n"
        for table in report.tables {
            out += "\n"
            if let title = table.title { out += "## \(title)\n\n" }
            out += row(table.columns.map(\.title))
            out += row(table.columns.map { $0.alignRight ? "---:" : "---" })
            if table.rows.isEmpty { out += row(table.columns.map { _ in "" }) }
            for cells in table.rows { out += row(cells) }
        }
        if !report.notes.isEmpty { out += "\n" + report.notes.map { "- \($0)\n" }.joined() }
        return out
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map(Self.escape).joined(separator: " | ") + " |\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: "<br>")
    }
}
