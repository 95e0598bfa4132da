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
        let name = RoadmapSVG.escape(title)
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
}
