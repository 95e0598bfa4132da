import StackPlanCore
import StackPlanReports

extension StackPlanServer {
    /// `/`: the forecast with every figure a link to what is behind it.
    func portfolioPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let analysis = try await analysis(info)
        let forecast = analysis.portfolio.forecast
        let month = MonthKey(year: analysis.asOf.year, month: analysis.asOf.month)
        var monthExposure: [String: Double] = [:]
        var monthOwed: [String: Double] = [:]
        for credit in analysis.portfolio.credits where credit.month == month {
            monthExposure[credit.customer, default: 0] += credit.exposure
            monthOwed[credit.customer, default: 0] += credit.owed
        }
        let clusters = Dictionary(grouping: analysis.portfolio.plan.clusters, by: \.customer).mapValues(\.count)
        let unknown = analysis.hasIncidentLog ? nil : "no log"
        func money(_ value: Double, _ path: String, _ extra: [String: String?]) -> DataTable.Cell {
            let shown = unknown ?? SLAReport.usd(value)
            let html = value > 0 ? PageLayout.link(path, esc(shown), info: info, extra) : esc(shown)
            return .html(html, text: shown, sortKey: .number(value))
        }
        func count(_ value: Int, _ path: String, _ extra: [String: String?], fragment: String? = nil) -> DataTable.Cell
        {
            let html = value > 0 ? PageLayout.link(path, String(value), info: info, extra, fragment: fragment) : "0"
            return .html(html, text: String(value), sortKey: .number(Double(value)))
        }
        let horizonEnd = analysis.asOf.adding(months: forecast.horizonMonths).description
        let makeRow = { (index: Int) -> [DataTable.Cell] in
            let row = forecast.customers[index]
            let page = "/customers/\(QueryParameters.encode(row.id))"
            return [
                .number(row.riskRank),
                .html(
                    PageLayout.link("/customers/\(QueryParameters.encode(row.id))", esc(row.name), info: info),
                    text: row.name),
                .text(row.qualified ? "yes" : "no"),
                count(clusters[row.id] ?? 0, page, [:], fragment: "clusters"),
                count(row.clustersOutsideSLA, page, [:], fragment: "clusters"),
                count(row.overdue, "/steps", ["customer": row.id, "standing": StepStanding.overdue.rawValue]),
                count(row.atRisk, "/steps", ["customer": row.id, "standing": StepStanding.atRisk.rawValue]),
                count(row.dueWithinHorizon, "/steps", ["customer": row.id, "dueBefore": horizonEnd]),
                .text(row.firstDue?.description ?? "-"),
                money(row.creditExposure, "/incidents", ["customer": row.id, "state": "missed"]),
                money(monthExposure[row.id] ?? 0, "/incidents", ["customer": row.id, "month": month.description]),
                money(monthOwed[row.id] ?? 0, "/incidents", ["customer": row.id, "month": month.description]),
                .html(
                    row.extendedSupportSurcharge > 0
                        ? PageLayout.link(
                            page, SLAReport.usd(row.extendedSupportSurcharge), info: info, fragment: "clusters")
                        : SLAReport.usd(0),
                    text: SLAReport.usd(row.extendedSupportSurcharge), sortKey: .number(row.extendedSupportSurcharge)
                ),
                count(row.requiredFindings, page, [:], fragment: "conformance"),
                .number(row.riskScore, shown: ForecastReport.score(row.riskScore)),
            ]
        }
        let table = DataTable(
            id: "portfolio",
            columns: [
                .init(key: "rank", title: "Rank", numeric: true), .init(key: "customer", title: "Customer"),
                .init(key: "qualified", title: "Qualified"), .init(key: "clusters", title: "Clusters", numeric: true),
                .init(key: "outside", title: "Outside SLA", numeric: true),
                .init(key: "overdue", title: "Overdue", numeric: true),
                .init(key: "atrisk", title: "At risk", numeric: true),
                .init(key: "due", title: "Due in horizon", numeric: true), .init(key: "next", title: "Next due"),
                .init(key: "exposure", title: "Credit exposure", numeric: true),
                .init(key: "monthexposure", title: "Exposure \(month)", numeric: true),
                .init(key: "monthowed", title: "Owed \(month)", numeric: true),
                .init(key: "surcharge", title: "Surcharge / month", numeric: true),
                .init(key: "findings", title: "Required findings", numeric: true),
                .init(key: "score", title: "Risk score", numeric: true),
            ], count: forecast.customers.count, row: makeRow)
        let totalExposure = forecast.customers.reduce(0) { $0 + $1.creditExposure }
        /// A total, linked to what is behind it when there is something behind it.
        func total(_ shown: String, _ value: Double, _ path: String, _ extra: [String: String?]) -> String {
            value > 0 ? PageLayout.link(path, esc(shown), info: info, extra) : esc(shown)
        }
        let overdue = forecast.customers.reduce(0) { $0 + $1.overdue }
        let atRisk = forecast.customers.reduce(0) { $0 + $1.atRisk }
        let monthTotal = monthExposure.values.reduce(0, +)
        let owedTotal = monthOwed.values.reduce(0, +)
        let figures = PageLayout.figures([
            ("Customers", String(forecast.customers.count)),
            ("Clusters", String(analysis.portfolio.plan.clusters.count)),
            ("Overdue steps", total(String(overdue), Double(overdue), "/steps", ["standing": "overdue"])),
            ("At-risk steps", total(String(atRisk), Double(atRisk), "/steps", ["standing": "at-risk"])),
            (
                "Credit exposure",
                unknown ?? total(SLAReport.usd(totalExposure), totalExposure, "/incidents", ["state": "missed"])
            ),
            (
                "Exposure \(month)",
                unknown ?? total(SLAReport.usd(monthTotal), monthTotal, "/incidents", ["month": month.description])
            ),
            (
                "Owed \(month)",
                unknown ?? total(SLAReport.usd(owedTotal), owedTotal, "/incidents", ["month": month.description])
            ),
            ("Surcharge / month", SLAReport.usd(forecast.customers.reduce(0) { $0 + $1.extendedSupportSurcharge })),
        ])
        var body =
            "<p>Catalog \(esc(analysis.catalog.version.description))\(analysis.edition.map { " (edition \(esc($0)))" } ?? "") · "
        body += "as of \(analysis.asOf) · horizon \(forecast.horizonMonths) months · riskiest first.</p>\n"
        body += figures + "<h2>Customers</h2>\n" + table.render(info: info)
        body += "<h2>Deadlines per month</h2>\n"
        body += PageLayout.table(
            ["Month", "Steps due"], forecast.deadlines.map { [$0.month.description, String($0.count)] }, numeric: [1])
        return PageLayout.page(title: "Portfolio", info: info, body: body)
    }
}
