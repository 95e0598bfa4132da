/// The frame every HTML report shares: one self-contained page with a small stylesheet.
public enum HTMLPage {
    static let baseStyle = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f4f6f8; }
        .d { white-space: nowrap; }
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
    public static func escape(_ text: String) -> String {
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
            body += self.table(table.columns.map(\.title), Array(table.rows)) { index, _ in
                table.columns[index].alignRight ? "n" : nil
            }
        }
        if !report.notes.isEmpty { body += list(Array(report.notes)) }
        return render(title: report.title, body: body)
    }

    /// A table with escaped cells; `cellClass` names a CSS class for a cell (column index, text), if
    /// any. Dates in cells (`2026-09-30`, instants) never wrap inside the value.
    public static func table(
        _ header: [String], _ rows: [[String]], cellClass: (Int, String) -> String? = { _, _ in nil }
    )
        -> String
    {
        var out = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let attribute = cellClass(index, cell).map { " class=\"\($0)\"" } ?? ""
                out += "<td\(attribute)>\(keepingDatesWhole(escape(cell)))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// `html` with every `YYYY-MM-DD` date (alone or starting an instant) in a no-wrap span, so a
    /// narrow column never breaks a date at its hyphens.
    static func keepingDatesWhole(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.count >= 10 else { return html }
        func digit(_ index: Int) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
        func isDate(at start: Int) -> Bool {
            guard start + 10 <= bytes.count, start == 0 || !digit(start - 1) else { return false }
            for offset in 0..<10 {
                let ok = offset == 4 || offset == 7 ? bytes[start + offset] == UInt8(ascii: "-") : digit(start + offset)
                if !ok { return false }
            }
            return start + 10 == bytes.count || !digit(start + 10)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if isDate(at: index) {
                var end = index + 10
                // An instant keeps its time and offset with it: 2026-11-25T20:00:00Z.
                while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "<"),
                    bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: ";")
                {
                    end += 1
                }
                out += Array("<span class=\"d\">".utf8) + bytes[index..<end] + Array("</span>".utf8)
                index = end
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A bulleted list, or "None." when empty.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "<p>None.</p>\n" : "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
