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
                .init("Required findings", alignRight: true), .init("Risk score", alignRight: true),
            ],
            rows: forecast.customers.map {
                [
                    String($0.riskRank), $0.id, $0.qualified ? "yes" : "no", String($0.clustersOutsideSLA),
                    String($0.overdue), String($0.atRisk), String($0.dueWithinHorizon), $0.firstDue?.description ?? "-",
                    SLAReport.usd($0.creditExposure),
                    SLAReport.usd($0.extendedSupportSurcharge) + ($0.extendedSupportEnds.map { " (to \($0))" } ?? ""),
                    String($0.requiredFindings), score($0.riskScore),
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
                            ("requiredFindings", .int($0.requiredFindings)), ("riskScore", .double($0.riskScore)),
                            ("riskRank", .int($0.riskRank)),
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

    public static func score(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The HTML page: the ranking table and an SVG bar chart of due dates per month.
    public static func html(_ forecast: PortfolioForecast) -> String {
        let report = make(forecast)
        let ranking = report.tables[0]
        var out = "<h2>Upgrade deadlines per month</h2>\n" + chart(forecast.deadlines)
        out += "<h2>Customers by risk</h2>\n"
        out += HTMLPage.table(ranking.columns.map(\.title), Array(ranking.rows)) { index, _ in
            ranking.columns[index].alignRight ? "n" : nil
        }
        out += "<p>\(HTMLPage.escape(report.notes.joined(separator: " ")))</p>\n"
        return HTMLPage.render(title: report.title, body: out)
    }

    /// Bars of due dates per month with a y axis, month labels and a legend, all inside the
    /// drawing (nothing clipped).
    static func chart(_ deadlines: [MonthlyDeadlines]) -> String {
        let barWidth = 44
        let left = 48
        let top = 20
        let plot = 150
        let maximum = max(1, deadlines.map(\.count).max() ?? 1)
        let width = max(520, left + 10 + deadlines.count * barWidth)
        let height = top + plot + 70
        let baseline = top + plot
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"system-ui, sans-serif\" font-size=\"11\" role=\"img\" "
        out += "aria-label=\"Upgrade due dates per month\">\n"
        // The y axis: 0, half and the maximum, with light grid lines.
        for value in Set([0, maximum / 2, maximum]).sorted() {
            let y = baseline - value * plot / maximum
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#e2e2e2\"/>\n"
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" fill=\"#555\">\(value)</text>\n"
        }
        out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(baseline)\" stroke=\"#888\"/>\n"
        out += "<line x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - 10)\" y2=\"\(baseline)\" stroke=\"#888\"/>\n"
        out += "<text x=\"12\" y=\"\(top + plot / 2)\" transform=\"rotate(-90 12 \(top + plot / 2))\" "
        out += "text-anchor=\"middle\" fill=\"#555\">due dates</text>\n"
        for (index, month) in deadlines.enumerated() {
            let barHeight = month.count * plot / maximum
            let x = left + 10 + index * barWidth
            let center = x + (barWidth - 10) / 2
            let first =
                CalendarDay(year: month.month.year, month: month.month.month, day: 1) ?? CalendarDay(dayNumber: 0)
            out += "<rect x=\"\(x)\" y=\"\(baseline - barHeight)\" width=\"\(barWidth - 10)\" height=\"\(barHeight)\" "
            out +=
                "fill=\"\(index == 0 ? "#b00020" : "#2f6fb0")\"><title>\(month.month): \(month.count)</title></rect>\n"
            out +=
                "<text x=\"\(center)\" y=\"\(baseline - barHeight - 4)\" text-anchor=\"middle\">\(month.count)</text>\n"
            out +=
                "<text x=\"\(center)\" y=\"\(baseline + 14)\" text-anchor=\"middle\">\(RoadmapSVG.monthLabel(first))</text>\n"
        }
        let legend = baseline + 40
        out += "<rect x=\"\(left)\" y=\"\(legend - 10)\" width=\"12\" height=\"10\" fill=\"#b00020\"/>"
        out += "<text x=\"\(left + 16)\" y=\"\(legend)\">this month, overdue due dates included</text>\n"
        out += "<rect x=\"\(left + 250)\" y=\"\(legend - 10)\" width=\"12\" height=\"10\" fill=\"#2f6fb0\"/>"
        out += "<text x=\"\(left + 266)\" y=\"\(legend)\">later months</text>\n"
        return out + "</svg>\n"
    }
}
