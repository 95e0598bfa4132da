/// Everything the portfolio views are computed from on one date: the plan, the incident log
/// judged against its targets, conformance findings and the forecast that combines them. Both
/// `stackplan forecast` and the web pages build it, so their figures cannot drift apart.
public struct PortfolioAnalysis: Sendable {
    /// The upgrade plan of every cluster.
    public let plan: UpgradePlan
    /// Every incident judged at the end of the date in the business time zone (empty without a log).
    public let incidents: [IncidentAssessment]
    /// Credits per customer and month.
    public let credits: [CustomerCredit]
    /// Conformance findings per cluster.
    public let conformance: [ClusterConformance]
    /// The forecast over `horizonMonths`.
    public let forecast: PortfolioForecast

    /// Judges `incidents` (when there is a log), reviews conformance and combines them with `plan`.
    public init(catalog: Catalog, inventory: Inventory, plan: UpgradePlan, incidents: [Incident]?, horizonMonths: Int) {
        if let incidents {
            // Judged at the end of the date in the business time zone, as `sla report` does.
            let judged = catalog.policy.serviceLevels.endOfDay(plan.asOf)
            let assessed = CreditAssessor(catalog: catalog, customers: inventory.customers, asOf: judged).assess(
                incidents)
            self.incidents = assessed.incidents
            self.credits = assessed.customers
        } else {
            self.incidents = []
            self.credits = []
        }
        conformance = ConformanceReview(catalog: catalog, asOf: plan.asOf).review(inventory)
        var findings: [String: Int] = [:]
        for cluster in conformance {
            findings[cluster.customer, default: 0] += cluster.findings.filter { $0.level == .required }.count
        }
        self.plan = plan
        forecast = PortfolioForecast(
            plan: plan, inventory: inventory, catalog: catalog, credits: credits, horizonMonths: horizonMonths,
            requiredFindings: findings)
    }
}
