import StackPlanCore
import StackPlanReports

/// Text escaped for HTML elements and double-quoted attribute values.
func esc(_ text: String) -> String { HTMLPage.escape(text) }

/// The frame of every page: navigation, the date form, input diagnostics, then the content.
/// No inline script or style: the stylesheet and the script come from `/assets/` (the CSP is
/// self-only).
enum PageLayout {
    /// A whole page. `context` keeps `asOf` and `edition` on every navigation link.
    static func page(title: String, info: RequestInfo, body: String) -> CachedResponse {
        let review = "/review/\(Quarter(containing: (try? info.asOf()) ?? info.today))"
        let nav = [("/", "Portfolio"), ("/catalog", "Catalog"), ("/releases", "Releases"), (review, "Review")]
            .map { link($0.0, $0.1, info: info) }.joined(separator: " ")
        var warnings = ""
        if !info.problems.isEmpty {
            warnings =
                "<section class=\"warning\" role=\"alert\"><strong>The inputs changed and are invalid; this is the last valid data.</strong>"
                + "<pre>" + info.problems.map(esc).joined(separator: "\n") + "</pre></section>\n"
        }
        let asOf = (try? info.asOf()) ?? info.today
        let hidden = info.query.with(["asOf": nil]).names.compactMap { name -> String? in
            guard let value = info.query[name] else { return nil }
            return "<input type=\"hidden\" name=\"\(esc(name))\" value=\"\(esc(value))\">"
        }.joined()
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) · StackPlan</title>
            <link rel="stylesheet" href="/assets/app.css">
            <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header><nav>\(nav)</nav>
            <form method="get" class="asof">\(hidden)<label>As of <input type="date" name="asOf" value="\(asOf)"></label> <button>Show</button></form>
            </header>
            <main>
            <h1>\(esc(title))</h1>
            \(warnings)\(body)</main>
            </body>
            </html>

            """
        return CachedResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(html.utf8))
    }

    /// A page for a failed request.
    static func errorPage(_ error: ServerError) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(error.status) · StackPlan</title><link rel="stylesheet" href="/assets/app.css"><link rel="icon" href="/assets/icon.svg" type="image/svg+xml"></head>
        <body><header><nav><a href="/">Portfolio</a> <a href="/catalog">Catalog</a></nav></header>
        <main><h1>\(error.status)</h1><p>\(esc(error.message))</p></main></body>
        </html>

        """
    }

    /// `<a href="path?query">text</a>` with the request's `asOf` and `edition` kept.
    static func link(
        _ path: String, _ text: String, info: RequestInfo, _ extra: [String: String?] = [:], fragment: String? = nil
    ) -> String {
        var kept: [String: String?] = [:]
        for name in ["asOf", "edition"] { kept[name] = info.query[name] }
        let query = QueryParameters(values: [:]).with(kept.merging(extra) { $1 })
        let anchor = fragment.map { "#" + QueryParameters.encode($0) } ?? ""
        return "<a href=\"\(esc(path + query.queryString + anchor))\">\(text)</a>"
    }

    /// A plain-text table (every cell escaped, dates kept whole): the reports' `HTMLPage.table`,
    /// with the columns in `numeric` aligned right.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        HTMLPage.table(header, rows) { index, _ in numeric.contains(index) ? "n" : nil }
    }

    /// A definition list of figures.
    static func figures(_ items: [(String, String)]) -> String {
        "<dl class=\"figures\">" + items.map { "<div><dt>\(esc($0.0))</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>\n"
    }
}

extension StackPlanServer {
    /// The analysis for the request's (inputs, as-of, edition), computed once and shared.
    func analysis(_ info: RequestInfo) async throws(ServerError) -> Analysis {
        let asOf = try info.asOf()
        let edition = info.query["edition"]
        var horizon = 3
        if let text = info.query["horizon"] {
            guard let value = Int(text), (1...36).contains(value) else {
                throw .badParameter("horizon takes 1 to 36 months, not '\(text)'")
            }
            horizon = value
        }
        let generation = info.generation
        let databasePath = configuration.databasePath
        let months = horizon
        let key = "\(asOf)|\(edition ?? "")|\(horizon)"
        return try await analyses.analysis(generation: generation.number, key: key) {
            await offload {
                Analysis.make(generation, asOf: asOf, edition: edition, horizon: months, databasePath: databasePath)
            }
        }.get()
    }
}
