import StackPlanCore
import StackPlanReports
import StackPlanStore

extension StackPlanServer {
    /// `/customers/{id}`: the roadmap timeline, steps with windows and blockers, clusters,
    /// conformance findings, incidents and credits per month, and the stored trend.
    func customerPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let id = info.parameter("id")
        let analysis = try await analysis(info)
        guard let customer = analysis.inventory.customers.first(where: { $0.id == id }) else {
            throw .notFound("no customer '\(id)' in the inventory")
        }
        let plan = analysis.portfolio.plan
        let clusters = plan.clusters.filter { $0.customer == id }
        let findings = analysis.portfolio.conformance.filter { $0.customer == id }
        let roadmap = Roadmap(
            customer: customer, plan: plan, months: 12, conformance: findings, catalog: analysis.catalog)
        let qualification = Qualification(customer)
        let row = analysis.portfolio.forecast.customers.first { $0.id == id }
        func steps(_ count: Int, _ standing: StepStanding) -> String {
            count == 0
                ? "0"
                : PageLayout.link("/steps", String(count), info: info, ["customer": id, "standing": standing.rawValue])
        }
        var body = PageLayout.figures([
            ("Qualified", qualification.qualified ? "yes" : "no"),
            ("Pod", esc(customer.pod)),
            ("Monthly fee", SLAReport.usd(customer.monthlyFee)),
            (
                "Overdue steps",
                steps(row?.overdue ?? 0, .overdue)
            ),
            (
                "At-risk steps",
                steps(row?.atRisk ?? 0, .atRisk)
            ),
            ("Next due", row?.firstDue?.description ?? "-"),
            ("Risk rank", row.map { String($0.riskRank) } ?? "-"),
        ])
        body += "<p>\(esc(qualification.reason))</p>\n"
        body += "<h2>Timeline</h2>\n<div class=\"timeline\">\(RoadmapSVG().render(roadmap))</div>\n"
        body += "<h2 id=\"upgrade-steps\">Steps</h2>\n"
        body += Self.stepTable(
            clusters.flatMap { cluster in cluster.steps.enumerated().map { (cluster, $0.offset, $0.element) } },
            analysis: analysis, info: info)
        body += "<h2 id=\"clusters\">Clusters</h2>\n" + Self.clusterTable(clusters, info: info)
        body += "<h2 id=\"conformance\">Conformance findings</h2>\n" + Self.findingTable(findings)
        body += "<h2 id=\"incidents\">Incidents and credits</h2>\n"
        if analysis.hasIncidentLog {
            let credits = analysis.portfolio.credits.filter { $0.customer == id }
            let count = analysis.portfolio.incidents.filter { $0.incident.customer == id }.count
            body +=
                "<p>" + PageLayout.link("/incidents", "\(count) incident(s)", info: info, ["customer": id]) + "</p>\n"
            body += Self.creditTable(credits)
        } else {
            body += "<p>The server was started without an incident log.</p>\n"
        }
        body += "<h2 id=\"trend\">Trend</h2>\n" + trendTable(customer: id)
        return PageLayout.page(title: customer.name, info: info, body: body)
    }

    static func clusterTable(_ clusters: [ClusterPlan], info: RequestInfo) -> String {
        var html = "<table><thead><tr><th>Cluster</th><th>Environment</th><th>Platform</th><th>Version</th>"
        html += "<th>Nodes</th><th>Target</th><th>Status</th><th>Next due</th><th>Outside SLA because</th>"
        html += "<th>Components</th></tr></thead><tbody>\n"
        for plan in clusters {
            let cluster = plan.cluster
            let components = cluster.components.map {
                PageLayout.link("/catalog/\(QueryParameters.encode($0.id))", esc("\($0.id) \($0.version)"), info: info)
            }.joined(separator: ", ")
            html += "<tr id=\"cluster-\(esc(cluster.name))\"><td>\(esc(cluster.name))</td>"
            html += "<td>\(esc(plan.environment)) (\(plan.kind.rawValue))</td>"
            html +=
                "<td>\(PageLayout.link("/releases/\(QueryParameters.encode(cluster.platform))", esc(cluster.platform), info: info))</td>"
            html +=
                "<td>\(esc(cluster.version.description))</td><td>\(esc(cluster.nodeVersion?.description ?? "-"))</td>"
            html += "<td>\(esc(plan.target?.description ?? "-"))</td><td>\(plan.status.rawValue)</td>"
            html += "<td>\(plan.firstDue?.description ?? "-")</td>"
            html += "<td>\(plan.slaReasons.map(\.rawValue).joined(separator: ", "))</td><td>\(components)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static func findingTable(_ clusters: [ClusterConformance]) -> String {
        let rows = clusters.flatMap { cluster in cluster.findings.map { (cluster, $0) } }
        guard !rows.isEmpty else { return "<p>No findings.</p>\n" }
        return PageLayout.table(
            ["Cluster", "Level", "Code", "Finding", "Remedy"],
            rows.map { [$0.0.cluster, $0.1.level.rawValue, $0.1.code, $0.1.message, $0.1.remedy] })
    }

    /// The stored snapshots of one customer (`stackplan snapshot`), oldest first.
    func trendTable(customer: String) -> String {
        let points = Analysis.trend(customer: customer, databasePath: configuration.databasePath)
        guard !points.isEmpty else { return "<p>No stored snapshots (see <code>stackplan snapshot</code>).</p>\n" }
        var html = "<table><thead><tr><th>As of</th><th>Overdue</th><th>At risk</th><th>Outside SLA</th>"
        html += "<th>Credit exposure</th><th>Risk score</th></tr></thead><tbody>\n"
        for point in points {
            html +=
                "<tr><td>\(esc(point.asOf))</td><td class=\"n\">\(point.overdue)</td><td class=\"n\">\(point.atRisk)</td>"
            html +=
                "<td class=\"n\">\(point.clustersOutsideSLA)</td><td class=\"n\">\(SLAReport.usd(point.creditExposure))</td>"
            html += "<td class=\"n\">\(ForecastReport.score(point.riskScore))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
