import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension StackPlanServer {
    /// `/review/{quarter}`: the board pack with evidence (who runs each candidate, which steps it
    /// blocks) and the decisions recorded for the quarter.
    func reviewPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let quarter = try Self.quarter(info)
        let analysis = try await analysis(info)
        let copy = info.generation.catalogDirectory
        guard let criteria = try? readText(atPath: copy + "/review.yaml") else {
            throw .notFound("the catalog has no review.yaml: there are no review criteria")
        }
        let moves = ReviewFiles.moves(SourceFile(path: "review.yaml", relativePath: "review.yaml", text: criteria))
            .moves
        let reviews = ReviewEvaluator(
            catalog: analysis.catalog, inventory: analysis.inventory, plan: analysis.portfolio.plan, quarter: quarter,
            moves: moves
        ).evaluate()
        var body = "<p>Quarter \(quarter), evaluated on \(analysis.asOf) against the catalog's agreed criteria.</p>\n"
        body += "<table><thead><tr><th>Component</th><th>Tier</th><th>Move</th><th>Candidate</th><th>Criteria</th>"
        body += "<th>Customers</th><th>Blocked steps</th></tr></thead><tbody>\n"
        for review in reviews {
            let component = review.component
            let path = "/catalog/\(QueryParameters.encode(component.id))"
            // The same rules as the criteria in the row (`ComponentUse`).
            let customers = Set(
                ComponentUse.placements(of: component.id, in: analysis.inventory, catalog: analysis.catalog)
                    .map(\.customer.id)
            ).count
            let blocked = analysis.blockedStepCount(component.id)
            for evaluation in review.evaluations {
                let results = evaluation.results.map { result in
                    "\(result.passed ? "✓" : "✗") \(esc(result.criterion.description)): \(esc(result.shown)) (\(esc(result.criterion.threshold)))"
                }.joined(separator: "<br>")
                body +=
                    "<tr><td>\(PageLayout.link(path, esc(component.name), info: info))</td><td>\(component.tier.rawValue)</td>"
                body +=
                    "<td>\(esc(evaluation.move.id))</td><td>\(evaluation.candidate ? "yes" : "no")</td><td>\(results)</td>"
                body += "<td class=\"n\">\(PageLayout.link(path, String(customers), info: info))</td>"
                body +=
                    "<td class=\"n\">\(blocked > 0 ? PageLayout.link("/steps", String(blocked), info: info, ["blockedBy": component.id]) : "0")</td></tr>\n"
            }
        }
        body += "</tbody></table>\n<h2>Recorded decisions</h2>\n"
        if let text = try? readText(atPath: copy + "/reviews/\(quarter).yaml") {
            let path = "reviews/\(quarter).yaml"
            let decisions = ReviewFiles.decisions(SourceFile(path: path, relativePath: path, text: text)).decisions
            body += PageLayout.table(
                ["Component", "From", "To", "Decision", "Effective", "By", "Note"],
                decisions.map { decision in
                    [
                        decision.component, decision.from.rawValue, decision.to.rawValue, decision.decision.rawValue,
                        decision.effective?.description ?? "-", decision.by, decision.note,
                    ]
                })
        } else {
            body += "<p>No decisions recorded for \(quarter) yet.</p>\n"
        }
        return PageLayout.page(title: "Catalog review \(quarter)", info: info, body: body)
    }
}
