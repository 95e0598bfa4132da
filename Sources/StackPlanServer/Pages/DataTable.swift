/// A table that sorts, filters and pages on the server through query parameters (`sort`,
/// `order`, `q`, `page`), so it works without JavaScript; the script only filters the rows shown
/// as you type.
struct DataTable {
    /// Rows per page: a 10,000-customer portfolio stays a page a browser renders at once.
    static let pageSize = 100

    struct Column {
        let key: String
        let title: String
        var numeric = false
    }

    /// One cell: its HTML, the text the filter searches and the value it sorts by.
    struct Cell {
        let html: String
        let text: String
        let sortKey: SortKey

        enum SortKey: Comparable {
            case number(Double)
            case text(String)
        }

        /// Escaped text.
        static func text(_ value: String) -> Cell { Cell(html: esc(value), text: value, sortKey: .text(value)) }
        /// A number shown as given.
        static func number(_ value: Double, shown: String) -> Cell {
            Cell(html: esc(shown), text: shown, sortKey: .number(value))
        }
        static func number(_ value: Int) -> Cell { number(Double(value), shown: String(value)) }
        /// Already-safe HTML (a link) sorted by `key`.
        static func html(_ html: String, text: String, sortKey: SortKey? = nil) -> Cell {
            Cell(html: html, text: text, sortKey: sortKey ?? .text(text))
        }
    }

    let id: String
    let columns: [Column]
    /// How many rows there are.
    let count: Int
    /// Builds row `index`: only the rows shown are built unless the request sorts.
    let row: (Int) -> [Cell]
    /// The text the filter searches in row `index`, when it is cheaper than building the row.
    let searchText: ((Int) -> String)?
    /// The sort key of row `index` in a column, when it is cheaper than building the row.
    let sortKey: ((Int, Int) -> Cell.SortKey)?

    init(
        id: String, columns: [Column], count: Int, searchText: ((Int) -> String)? = nil,
        sortKey: ((Int, Int) -> Cell.SortKey)? = nil, row: @escaping (Int) -> [Cell]
    ) {
        self.sortKey = sortKey
        self.id = id
        self.columns = columns
        self.count = count
        self.searchText = searchText
        self.row = row
    }

    init(id: String, columns: [Column], rows: [[Cell]]) {
        self.init(id: id, columns: columns, count: rows.count) { rows[$0] }
    }

    /// The filter form and the table, sorted and filtered as the request asks. The column
    /// headers link to the opposite order.
    func render(info: RequestInfo, caption: String? = nil) -> String {
        let filter = info.query["q"] ?? ""
        let needle = filter.lowercased()
        let sortKey = info.query["sort"]
        let descending = info.query["order"] == "desc"
        let sortColumn = sortKey.flatMap { key in columns.firstIndex { $0.key == key } }
        // Row numbers in the order shown. Cells are built for every matching row only when
        // sorting needs them; filtering uses `searchText` when the table has one.
        var order = Array(0..<count)
        if !needle.isEmpty {
            order = order.filter { index in
                if let searchText { return searchText(index).lowercased().contains(needle) }
                return row(index).contains { $0.text.lowercased().contains(needle) }
            }
        }
        var sorted: [[Cell]] = []
        if let sortColumn {
            // Stable: equal keys keep the default order.
            func sorting<Payload>(_ pairs: [(Int, Payload)], key: (Payload) -> Cell.SortKey) -> [(Int, Payload)] {
                pairs.sorted { left, right in
                    let (a, b) = (key(left.1), key(right.1))
                    if a == b { return left.0 < right.0 }
                    return descending ? b < a : a < b
                }
            }
            if let keyOf = self.sortKey {
                order = sorting(order.map { ($0, keyOf($0, sortColumn)) }) { $0 }.map(\.0)
            } else {
                let pairs = sorting(order.map { ($0, row($0)) }) { $0[sortColumn].sortKey }
                order = pairs.map(\.0)
                sorted = pairs.map(\.1)
            }
        }
        let matching = order.count
        let pages = max(1, (matching + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, Int(info.query["page"] ?? "") ?? 1), pages)
        let first = (page - 1) * Self.pageSize
        let end = min(first + Self.pageSize, matching)
        let shown = sorted.isEmpty ? order[first..<end].map(row) : Array(sorted[first..<end])
        let hidden = info.query.with(["q": nil, "page": nil]).names.compactMap { name -> String? in
            guard let value = info.query[name] else { return nil }
            return "<input type=\"hidden\" name=\"\(esc(name))\" value=\"\(esc(value))\">"
        }.joined()
        var html = "<form method=\"get\" class=\"filter\">\(hidden)<label>Filter <input type=\"search\" name=\"q\" "
        html += "value=\"\(esc(filter))\" data-filter=\"\(esc(id))\"></label> <button>Apply</button> "
        html += "<span class=\"count\">\(matching) of \(count)</span></form>\n"
        if pages > 1 {
            let firstRow = first + 1
            html +=
                "<p class=\"pages\">Rows \(firstRow)–\(first + shown.count) of \(matching) · page \(page) of \(pages)"
            if page > 1 {
                let previous = info.query.with(["page": String(page - 1)])
                html += " · <a rel=\"prev\" href=\"\(esc(info.path + previous.queryString))\">previous</a>"
            }
            if page < pages {
                let next = info.query.with(["page": String(page + 1)])
                html += " · <a rel=\"next\" href=\"\(esc(info.path + next.queryString))\">next</a>"
            }
            html += "</p>\n"
        }
        html += "<div class=\"scroll\"><table id=\"\(esc(id))\">"
        if let caption { html += "<caption>\(esc(caption))</caption>" }
        html += "<thead><tr>"
        for column in columns {
            let active = column.key == sortKey
            let next = active && !descending ? "desc" : "asc"
            let query = info.query.with(["sort": column.key, "order": next, "page": nil])
            let mark = active ? (descending ? " ▼" : " ▲") : ""
            let sortState = active ? (descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : ""
            html +=
                "<th\(sortState)><a href=\"\(esc(info.path + query.queryString))\">\(esc(column.title))\(mark)</a></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in shown {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += columns[index].numeric ? "<td class=\"n\">\(cell.html)</td>" : "<td>\(cell.html)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        return html
    }
}
