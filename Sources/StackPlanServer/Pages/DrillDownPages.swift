import Foundation
import StackPlanCore
import StackPlanReports

extension StackPlanServer {
    /// `/steps?customer=&standing=&component=&blockedBy=&dueBefore=`: the plan steps behind a figure.
    func stepsPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let analysis = try await analysis(info)
        let customer = info.query["customer"]
        if let customer, !analysis.inventory.customers.contains(where: { $0.id == customer }) {
            throw .notFound("no customer '\(customer)' in the inventory")
        }
        let standing = try info.choice("standing", as: StepStanding.self)
        let component = info.query["component"]
        let blocker = info.query["blockedBy"]
        for id in [component, blocker].compactMap({ $0 }) where analysis.catalog.component(id) == nil {
            throw .notFound("no component '\(id)' in the catalog")
        }
        var dueBefore: CalendarDay?
        if let text = info.query["dueBefore"] {
            guard let day = CalendarDay(text) else { throw .badParameter("dueBefore takes YYYY-MM-DD, not '\(text)'") }
            dueBefore = day
        }
        let asOf = analysis.asOf
        let selected = analysis.steps.filter { entry in
            // `dueBefore` counts as the forecast's "due in horizon": not projected, due from the date on.
            let due = dueBefore.map { end in
                !entry.step.projected && entry.step.due.map { $0 >= asOf && $0 < end } == true
            }
            return due != false && (customer == nil || entry.cluster.customer == customer)
                && (standing == nil || analysis.standing(entry.step) == standing)
                && (component == nil || entry.step.component == component)
                && (blocker.map { ComponentUse.blocks($0, entry.step) } ?? true)
        }
        var title = "Steps"
        if let standing { title = standing == .overdue ? "Overdue steps" : "At-risk steps" }
        if let customer { title += " of \(customer)" }
        if let component { title += " moving \(component)" }
        if let blocker { title += " blocked by \(blocker)" }
        if let dueBefore { title += " due before \(dueBefore)" }
        let body =
            "<p>As of \(analysis.asOf); counted as the portfolio counts them.</p>\n"
            + Self.stepTable(selected, analysis: analysis, info: info)
        return PageLayout.page(title: title, info: info, body: body)
    }

    /// The steps as a sortable, filterable table, each linked to its customer and cluster.
    static func stepTable(
        _ steps: [(cluster: ClusterPlan, index: Int, step: PlanStep)], analysis: Analysis, info: RequestInfo
    ) -> String {
        let columns: [DataTable.Column] = [
            .init(key: "customer", title: "Customer"), .init(key: "cluster", title: "Cluster"),
            .init(key: "environment", title: "Environment"), .init(key: "step", title: "Step"),
            .init(key: "due", title: "Due"), .init(key: "start", title: "Planned start (window)"),
            .init(key: "end", title: "Planned end"), .init(key: "standing", title: "Standing"),
            .init(key: "blockers", title: "Blocked by / risk"),
        ]
        // The cells' texts, in column order: what the filter searches and what the cells show.
        let texts = { (index: Int) -> [String] in
            let (cluster, _, step) = steps[index]
            var blockers: [String] = []
            if step.blocked { blockers.append(step.reason) }
            if let before = step.blockedBy, before < cluster.steps.count {
                blockers.append("waits for " + StepText.describe(cluster.steps[before]))
            }
            if let risk = step.scheduleRisk { blockers.append(risk.description) }
            return [
                cluster.customer, cluster.cluster.name, cluster.environment, StepText.describe(step),
                StepText.due(step), StepText.start(step), step.plannedEnd?.description ?? "-",
                analysis.standing(step)?.rawValue ?? "-", blockers.isEmpty ? "-" : blockers.joined(separator: "; "),
            ]
        }
        return DataTable(
            id: "steps", columns: columns, count: steps.count, searchText: { texts($0).joined(separator: " ") },
            sortKey: { .text(texts($0)[$1]) }
        ) { index -> [DataTable.Cell] in
            let (cluster, _, _) = steps[index]
            let text = texts(index)
            let customerPath = "/customers/\(QueryParameters.encode(cluster.customer))"
            let clusterLink = PageLayout.link(
                customerPath, esc(cluster.cluster.name), info: info, fragment: "cluster-" + cluster.cluster.name)
            var cells: [DataTable.Cell] = [
                .html(PageLayout.link(customerPath, esc(cluster.customer), info: info), text: cluster.customer),
                .html(clusterLink, text: cluster.cluster.name),
            ]
            cells += text[2...6].map { DataTable.Cell.text($0) }
            let standing = text[7]
            cells.append(
                .html(standing == "-" ? "-" : "<span class=\"\(standing)\">\(standing)</span>", text: standing))
            cells.append(.text(text[8]))
            return cells
        }.render(info: info)
    }

    /// `/incidents?customer=&month=&state=`: the incidents behind credit figures, and the credits.
    func incidentsPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let analysis = try await analysis(info)
        guard analysis.hasIncidentLog else {
            throw .notFound("the server was started without --incidents: there is no incident log")
        }
        let customer = info.query["customer"]
        if let customer, !analysis.inventory.customers.contains(where: { $0.id == customer }) {
            throw .notFound("no customer '\(customer)' in the inventory")
        }
        var month: MonthKey?
        if let text = info.query["month"] {
            guard let value = MonthKey(text) else { throw .badParameter("month takes YYYY-MM, not '\(text)'") }
            month = value
        }
        let state = try info.choice("state", as: ResponseState.self)
        let selected = analysis.portfolio.incidents.filter { assessed in
            (customer == nil || assessed.incident.customer == customer) && (month == nil || assessed.month == month)
                && (state == nil || assessed.state == state)
        }
        let rows: [[DataTable.Cell]] = selected.map { assessed in
            let incident = assessed.incident
            return [
                .text(incident.id),
                .html(
                    PageLayout.link(
                        "/customers/\(QueryParameters.encode(incident.customer))", esc(incident.customer), info: info),
                    text: incident.customer),
                .text(incident.cluster ?? "-"),
                .text(assessed.appliedSeverity.rawValue),
                .text(incident.openedAt.isoUTC),
                .text(assessed.due.isoUTC),
                .text(incident.respondedAt?.isoUTC ?? "-"),
                .text(assessed.state.rawValue),
                .text(
                    assessed.eligible
                        ? "yes" : "no: " + assessed.ineligibleReasons.map(\.rawValue).joined(separator: ", ")),
                .text(assessed.flags.map(\.rawValue).joined(separator: ", ")),
                .text(assessed.month.description),
            ]
        }
        let table = DataTable(
            id: "incidents",
            columns: [
                .init(key: "id", title: "Incident"), .init(key: "customer", title: "Customer"),
                .init(key: "cluster", title: "Cluster"), .init(key: "severity", title: "Severity"),
                .init(key: "opened", title: "Opened (UTC)"), .init(key: "due", title: "Response due (UTC)"),
                .init(key: "responded", title: "Responded (UTC)"), .init(key: "state", title: "State"),
                .init(key: "eligible", title: "Credit eligible"), .init(key: "flags", title: "Flags"),
                .init(key: "month", title: "Month"),
            ], rows: rows)
        let credits = analysis.portfolio.credits.filter { credit in
            (customer == nil || credit.customer == customer) && (month == nil || credit.month == month)
        }
        var body = "<p>Judged at the end of \(analysis.asOf) in the business time zone.</p>\n"
        body += "<h2>Credits per customer and month</h2>\n" + Self.creditTable(credits)
        body += "<h2>Incidents</h2>\n" + table.render(info: info)
        var title = "Incidents"
        if let state { title = "\(state.rawValue.capitalized) incidents" }
        if let customer { title += " of \(customer)" }
        if let month { title += " in \(month)" }
        return PageLayout.page(title: title, info: info, body: body)
    }

    /// Credits per customer and month: missed, eligible, exposure, owed (after the cap) and the cap.
    static func creditTable(_ credits: [CustomerCredit]) -> String {
        PageLayout.table(
            ["Customer", "Month", "Missed", "Eligible", "Exposure", "Owed", "Cap"],
            credits.map { credit in
                [
                    credit.customer, credit.month.description, String(credit.missed), String(credit.eligible),
                    SLAReport.usd(credit.exposure), SLAReport.usd(credit.owed), SLAReport.usd(credit.cap),
                ]
            }, numeric: [2, 3, 4, 5, 6])
    }
}
