import StackPlanCore

/// Reports of the history store: editions, edition diffs and snapshot trends.
public enum StoreReports {
    /// One published edition with its component counts per tier.
    public struct EditionRow: Sendable {
        public let name: String
        public let publishedAt: String
        public let dataAsOf: String
        public let contentHash: String
        public let superseded: Bool
        public let tiers: [Tier: Int]

        public init(
            name: String, publishedAt: String, dataAsOf: String, contentHash: String, superseded: Bool,
            tiers: [Tier: Int]
        ) {
            self.name = name
            self.publishedAt = publishedAt
            self.dataAsOf = dataAsOf
            self.contentHash = contentHash
            self.superseded = superseded
            self.tiers = tiers
        }
    }

    public static func editions(_ rows: [EditionRow]) -> Report {
        let tiers: [Tier] = [.infrastructure, .certified, .catalog]
        let table = TextTable(
            columns: [.init("Edition"), .init("Published"), .init("Data as of"), .init("Hash"), .init("Status")]
                + tiers.map { .init($0.rawValue, alignRight: true) },
            rows: rows.map { row in
                [
                    row.name, row.publishedAt, row.dataAsOf, String(row.contentHash.prefix(12)),
                    row.superseded ? "superseded" : "current",
                ]
                    + tiers.map { String(row.tiers[$0] ?? 0) }
            })
        let json = JSONValue.array(
            rows.map { row in
                .object([
                    ("name", .string(row.name)), ("publishedAt", .string(row.publishedAt)),
                    ("dataAsOf", .string(row.dataAsOf)), ("contentHash", .string(row.contentHash)),
                    ("superseded", .bool(row.superseded)),
                    ("components", .object(tiers.map { ($0.rawValue, .int(row.tiers[$0] ?? 0)) })),
                ])
            })
        return Report(title: "Published catalog editions", tables: [table], json: json)
    }

    public static func diff(_ diff: CatalogDiff, from: String, to: String) -> Report {
        let table = TextTable(
            columns: [.init("Change"), .init("Subject"), .init("Detail"), .init("Old"), .init("New")],
            rows: diff.changes.map { [$0.kind.rawValue, $0.subject, $0.detail ?? "", $0.old ?? "-", $0.new ?? "-"] })
        let json = JSONValue.object([
            ("from", .string(from)), ("to", .string(to)),
            (
                "changes",
                .array(
                    diff.changes.map {
                        .object([
                            ("kind", .string($0.kind.rawValue)), ("subject", .string($0.subject)),
                            ("detail", .text($0.detail)), ("old", .text($0.old)), ("new", .text($0.new)),
                        ])
                    })
            ),
        ])
        return Report(
            title: "Catalog changes from \(from) to \(to)", tables: [table],
            notes: ["\(diff.changes.count) change(s)."], json: json)
    }

    public static func history(_ points: [HistoryPointValues]) -> Report {
        let table = TextTable(
            columns: [
                .init("Customer"), .init("As of"), .init("Overdue", alignRight: true),
                .init("At risk", alignRight: true),
                .init("Outside SLA", alignRight: true), .init("Credit exposure", alignRight: true),
                .init("Risk score", alignRight: true),
            ],
            rows: points.map {
                [
                    $0.customer, $0.asOf, String($0.overdue), String($0.atRisk), String($0.clustersOutsideSLA),
                    SLAReport.usd($0.creditExposure), ForecastReport.score($0.riskScore),
                ]
            })
        let json = JSONValue.array(
            points.map {
                .object([
                    ("customer", .string($0.customer)), ("asOf", .string($0.asOf)), ("overdue", .int($0.overdue)),
                    ("atRisk", .int($0.atRisk)), ("clustersOutsideSla", .int($0.clustersOutsideSLA)),
                    ("creditExposure", .double($0.creditExposure)), ("riskScore", .double($0.riskScore)),
                ])
            })
        return Report(title: "Risk history", tables: [table], json: json)
    }

    /// The history as an HTML page with one SVG sparkline per customer (overdue and at-risk steps).
    public static func historyHTML(_ points: [HistoryPointValues]) -> String {
        let esc = HTMLPage.escape
        var out = """
            <p>Per customer over the stored snapshots: overdue steps (red) and at-risk steps (amber).</p>
            <table>
            <thead><tr><th>Customer</th><th>Snapshots</th><th>Trend</th><th>Latest overdue</th><th>Latest at risk</th><th>Latest exposure</th></tr></thead>
            <tbody>

            """
        var order: [String] = []
        var byCustomer: [String: [HistoryPointValues]] = [:]
        for point in points {
            if byCustomer[point.customer] == nil { order.append(point.customer) }
            byCustomer[point.customer, default: []].append(point)
        }
        for customer in order {
            let series = byCustomer[customer] ?? []
            guard let last = series.last else { continue }
            out += "<tr><td>\(esc(customer))</td><td>\(series.count)</td><td>"
            out += sparkline([series.map(\.overdue), series.map(\.atRisk)], colors: ["#b00020", "#e08a00"])
            out +=
                "</td><td>\(last.overdue)</td><td>\(last.atRisk)</td><td>\(esc(SLAReport.usd(last.creditExposure)))</td></tr>\n"
        }
        return HTMLPage.render(title: "Risk history", body: out + "</tbody>\n</table>\n")
    }

    /// A small inline SVG line chart of integer series sharing one scale.
    static func sparkline(_ series: [[Int]], colors: [String]) -> String {
        let width = 120
        let height = 28
        let count = series.map(\.count).max() ?? 0
        let maximum = max(1, series.flatMap { $0 }.max() ?? 1)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"trend\">"
        for (values, color) in zip(series, colors) {
            let points = values.enumerated().map { index, value in
                let x = count > 1 ? 2 + index * (width - 4) / (count - 1) : width / 2
                let y = height - 2 - value * (height - 4) / maximum
                return "\(x),\(y)"
            }
            out +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        }
        return out + "</svg>"
    }
}

/// The figures of one customer in one snapshot, as the history report shows them.
public struct HistoryPointValues: Sendable {
    public let customer: String
    public let asOf: String
    public let overdue: Int
    public let atRisk: Int
    public let clustersOutsideSLA: Int
    public let creditExposure: Double
    public let riskScore: Double

    public init(
        customer: String, asOf: String, overdue: Int, atRisk: Int, clustersOutsideSLA: Int, creditExposure: Double,
        riskScore: Double
    ) {
        self.customer = customer
        self.asOf = asOf
        self.overdue = overdue
        self.atRisk = atRisk
        self.clustersOutsideSLA = clustersOutsideSLA
        self.creditExposure = creditExposure
        self.riskScore = riskScore
    }
}
