/// The frame every HTML report shares: one self-contained page with a small stylesheet.
enum HTMLPage {
    static let baseStyle = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f4f6f8; }
        """

    /// `<!DOCTYPE html>` … `<body>` with the title as `<h1>`, then `body`, then the closing tags.
    static func render(title: String, extraStyle: String = "", body: String) -> String {
        let name = escape(title)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
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

    /// A table with escaped cells; `cellClass` names a CSS class for a cell (column index, text), if any.
    static func table(_ header: [String], _ rows: [[String]], cellClass: (Int, String) -> String? = { _, _ in nil })
        -> String
    {
        var out = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let attribute = cellClass(index, cell).map { " class=\"\($0)\"" } ?? ""
                out += "<td\(attribute)>\(escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A bulleted list, or "None." when empty.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "<p>None.</p>\n" : "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
