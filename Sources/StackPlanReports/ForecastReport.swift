import StackPlanCore

/// Builds the report of `stackplan forecast`, and its HTML page with a chart of deadlines per month.
public enum ForecastReport {
    public static func make(_ forecast: PortfolioForecast) -> Report {
        let table = TextTable(
            columns: [
                .init("Rank", alignRight: true), .init("Customer"), .init("Qualified"),
                .init("Outside SLA", alignRight: true), .init("Overdue", alignRight: true),
                .init("At risk", alignRight: true), .init("Due in horizon", alignRight: true), .init("Next due"),
                .init("Credit exposure", alignRight: true), .init("Ext. support / month", alignRight: true),
                .init("Risk score", alignRight: true),
            ],
            rows: forecast.customers.map {
                [
                    String($0.riskRank), $0.id, $0.qualified ? "yes" : "no", String($0.clustersOutsideSLA),
                    String($0.overdue), String($0.atRisk), String($0.dueWithinHorizon), $0.firstDue?.description ?? "-",
                    SLAReport.usd($0.creditExposure),
                    SLAReport.usd($0.extendedSupportSurcharge) + ($0.extendedSupportEnds.map { " (to \($0))" } ?? ""),
                    score($0.riskScore),
                ]
            })
        let months = TextTable(
            title: "Upgrade deadlines per month",
            columns: [.init("Month"), .init("Due dates", alignRight: true)],
            rows: forecast.deadlines.map { [$0.month.description, String($0.count)] })
        let json = JSONValue.object([
            ("asOf", .day(forecast.asOf)), ("horizonMonths", .int(forecast.horizonMonths)),
            (
                "customers",
                .array(
                    forecast.customers.map {
                        .object([
                            ("id", .string($0.id)), ("name", .string($0.name)), ("qualified", .bool($0.qualified)),
                            ("clustersOutsideSla", .int($0.clustersOutsideSLA)), ("overdue", .int($0.overdue)),
                            ("atRisk", .int($0.atRisk)), ("dueWithinHorizon", .int($0.dueWithinHorizon)),
                            ("nextDue", .day($0.nextDue)), ("firstDue", .day($0.firstDue)),
                            ("creditExposure", .double($0.creditExposure)),
                            ("extendedSupportSurcharge", .double($0.extendedSupportSurcharge)),
                            ("extendedSupportEnds", .day($0.extendedSupportEnds)),
                            ("riskScore", .double($0.riskScore)), ("riskRank", .int($0.riskRank)),
                        ])
                    })
            ),
            (
                "deadlinesByMonth",
                .array(
                    forecast.deadlines.map {
                        .object([("month", .string($0.month.description)), ("count", .int($0.count))])
                    })
            ),
        ])
        return Report(
            title: "Portfolio risk forecast as of \(forecast.asOf), \(forecast.horizonMonths) months",
            tables: [table, months],
            notes: [
                "Overdue, at risk and due steps come from the upgrade plan; next due is the earliest due date of anything on "
                    + "the customer's clusters, overdue ones included; credit exposure from the incident log; the surcharge is "
                    + "per month for clusters past standard support, until the end of extended support named beside it "
                    + "(when the platform upgrades the cluster by force). Overdue due dates count in the first month."
            ],
            json: json)
    }

    static func score(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The HTML page: the ranking table and an SVG bar chart of due dates per month.
    public static func html(_ forecast: PortfolioForecast) -> String {
        let report = make(forecast)
        let ranking = report.tables[0]
        var out = "<h2>Upgrade deadlines per month</h2>\n" + chart(forecast.deadlines)
        out += "<h2>Customers by risk</h2>\n"
        out += HTMLPage.table(ranking.columns.map(\.title), ranking.rows) { index, _ in
            ranking.columns[index].alignRight ? "n" : nil
        }
        out += "<p>\(HTMLPage.escape(report.notes.joined(separator: " ")))</p>\n"
        return HTMLPage.render(title: report.title, extraStyle: "td.n { text-align: right; }", body: out)
    }

    static func chart(_ deadlines: [MonthlyDeadlines]) -> String {
        let barWidth = 44
        let height = 220
        let top = 20
        let plot = height - top - 40
        let maximum = max(1, deadlines.map(\.count).max() ?? 1)
        let width = 60 + deadlines.count * barWidth
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"system-ui, sans-serif\" font-size=\"11\" role=\"img\" "
        out += "aria-label=\"Upgrade due dates per month\">\n"
        out += "<line x1=\"40\" y1=\"\(top + plot)\" x2=\"\(width - 10)\" y2=\"\(top + plot)\" stroke=\"#888\"/>\n"
        for (index, month) in deadlines.enumerated() {
            let barHeight = month.count * plot / maximum
            let x = 50 + index * barWidth
            out +=
                "<rect x=\"\(x)\" y=\"\(top + plot - barHeight)\" width=\"\(barWidth - 10)\" height=\"\(barHeight)\" "
            out +=
                "fill=\"\(index == 0 ? "#b00020" : "#2f6fb0")\"><title>\(month.month): \(month.count)</title></rect>\n"
            out +=
                "<text x=\"\(x + (barWidth - 10) / 2)\" y=\"\(top + plot - barHeight - 4)\" text-anchor=\"middle\">\(month.count)</text>\n"
            out +=
                "<text x=\"\(x + (barWidth - 10) / 2)\" y=\"\(top + plot + 14)\" text-anchor=\"middle\">"
                + "\(RoadmapSVG.monthLabel(CalendarDay(year: month.month.year, month: month.month.month, day: 1) ?? CalendarDay(dayNumber: 0)))</text>\n"
        }
        out +=
            "<text x=\"50\" y=\"\(height - 6)\" fill=\"#555\">First bar: this month, including overdue due dates.</text>\n"
        return out + "</svg>\n"
    }
}
