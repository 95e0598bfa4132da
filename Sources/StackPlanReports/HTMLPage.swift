/// The frame every HTML report shares: one self-contained page with a small stylesheet.
enum HTMLPage {
    static let baseStyle = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f4f6f8; }
        td.d { white-space: nowrap; }
        td.n { text-align: right; }
        svg { max-width: 100%; height: auto; }
        @media (max-width: 40rem) { body { margin: 0.75rem; } th, td { padding: 0.2rem 0.35rem; } }
        @media print {
          body { margin: 0; font-size: 10pt; }
          table { page-break-inside: auto; }
          tr, svg { page-break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }
        """

    /// `<!DOCTYPE html>` … `<body>` with the title as `<h1>`, then `body`, then the closing tags.
    static func render(title: String, extraStyle: String = "", body: String) -> String {
        let name = escape(title)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(name)</title>
            <style>
            \(baseStyle)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
            </style>
            </head>
            <body>
            <h1>\(name)</h1>

            """ + body + "</body>\n</html>\n"
    }

    /// Text safe inside HTML and SVG elements and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A report's tables and notes as a page.
    static func render(_ report: Report) -> String {
        var body = ""
        for table in report.tables {
            if let title = table.title { body += "<h2>\(escape(title))</h2>\n" }
            body += self.table(table.columns.map(\.title), table.rows) { index, _ in
                table.columns[index].alignRight ? "n" : nil
            }
        }
        if !report.notes.isEmpty { body += list(report.notes) }
        return render(title: report.title, body: body)
    }

    /// A table with escaped cells; `cellClass` names a CSS class for a cell (column index, text), if
    /// any. Cells holding dates (`2026-09-30`, `2026-09-01 – 2026-09-07`, instants) never wrap
    /// inside a value (class `d`).
    static func table(_ header: [String], _ rows: [[String]], cellClass: (Int, String) -> String? = { _, _ in nil })
        -> String
    {
        var out = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let attribute = (cellClass(index, cell) ?? (isDate(cell) ? "d" : nil)).map { " class=\"\($0)\"" } ?? ""
                out += "<td\(attribute)>\(escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Whether `text` starts with a `YYYY-MM-DD` date (a date, a window or an instant).
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// A bulleted list, or "None." when empty.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "<p>None.</p>\n" : "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
