/// The engagement manager's view of one customer: upgrade deadlines from the plan, credit exposure
/// from the incident log, the extended-support surcharge, and a risk score.
public struct CustomerForecast: Hashable, Sendable {
    public let id: String
    public let name: String
    public let qualified: Bool
    /// Clusters the upgrade SLA does not cover (R5).
    public let clustersOutsideSLA: Int
    /// Steps whose due date is before the date.
    public let overdue: Int
    /// Steps not overdue but at risk: blocked, planned to end late, or due within 30 days and not started.
    public let atRisk: Int
    /// Steps due from the date until the end of the horizon.
    public let dueWithinHorizon: Int
    /// The earliest step due date on or after the date, if any.
    public let nextDue: CalendarDay?
    /// The earliest due date of anything on the customer's clusters, overdue ones included (the
    /// smallest `ClusterPlan.firstDue`): what human views call "Next due".
    public let firstDue: CalendarDay?
    /// USD: credit exposure from the incident log (all months).
    public let creditExposure: Double
    /// USD per month: extended-support surcharge of clusters past standard support and before
    /// the end of extended support.
    public let extendedSupportSurcharge: Double
    /// The earliest end of extended support among the surcharged clusters: the day the platform
    /// upgrades one of them by force.
    public let extendedSupportEnds: CalendarDay?
    /// The risk score (higher is riskier); see Docs/service-levels.md.
    public let riskScore: Double
    /// 1 for the riskiest customer (set once all customers are scored).
    public internal(set) var riskRank: Int
    /// Required conformance findings on the customer's clusters (`stackplan conformance`).
    public let requiredFindings: Int

    public init(
        id: String, name: String, qualified: Bool, clustersOutsideSLA: Int, overdue: Int, atRisk: Int,
        dueWithinHorizon: Int, nextDue: CalendarDay?, creditExposure: Double, extendedSupportSurcharge: Double,
        riskScore: Double, riskRank: Int, firstDue: CalendarDay? = nil, extendedSupportEnds: CalendarDay? = nil,
        requiredFindings: Int = 0
    ) {
        self.requiredFindings = requiredFindings
        self.firstDue = firstDue
        self.extendedSupportEnds = extendedSupportEnds
        self.id = id
        self.name = name
        self.qualified = qualified
        self.clustersOutsideSLA = clustersOutsideSLA
        self.overdue = overdue
        self.atRisk = atRisk
        self.dueWithinHorizon = dueWithinHorizon
        self.nextDue = nextDue
        self.creditExposure = creditExposure
        self.extendedSupportSurcharge = extendedSupportSurcharge
        self.riskScore = riskScore
        self.riskRank = riskRank
    }
}

/// Due dates across the portfolio in one month.
public struct MonthlyDeadlines: Hashable, Sendable {
    public let month: MonthKey
    public let count: Int
}

/// The portfolio forecast: one row per customer, riskiest first, and deadlines per month.
public struct PortfolioForecast: Hashable, Sendable {
    public let asOf: CalendarDay
    public let horizonMonths: Int
    public let customers: [CustomerForecast]
    /// Due dates per month from the date's month to the horizon's; overdue ones count in the first.
    public let deadlines: [MonthlyDeadlines]

    /// Combines a plan with credit results on `asOf` over `horizonMonths`.
    public init(
        plan: UpgradePlan, inventory: Inventory, catalog: Catalog, credits: [CustomerCredit], horizonMonths: Int,
        requiredFindings: [String: Int] = [:]
    ) {
        let asOf = plan.asOf
        let end = asOf.adding(months: horizonMonths)
        let pricing = catalog.policy.extendedSupport
        let qualification = Dictionary(plan.customers.map { ($0.id, $0.qualified) }) { first, _ in first }
        var exposure: [String: Double] = [:]
        for credit in credits { exposure[credit.customer, default: 0] += credit.exposure }
        var byCustomer: [String: [ClusterPlan]] = [:]
        for cluster in plan.clusters { byCustomer[cluster.customer, default: []].append(cluster) }
        var counts: [MonthKey: Int] = [:]
        let firstMonth = MonthKey(year: asOf.year, month: asOf.month)
        var rows: [CustomerForecast] = inventory.customers.map { customer in
            let clusters = byCustomer[customer.id] ?? []
            // Projected steps are estimates: they count in no figure.
            let steps = clusters.flatMap(\.steps).filter { !$0.projected }
            let dues = steps.compactMap(\.due)
            for due in dues where due < end {
                let key = due < asOf ? firstMonth : MonthKey(year: due.year, month: due.month)
                counts[key, default: 0] += 1
            }
            // Overdue steps are counted as overdue, not also as at risk.
            let standings = steps.map { $0.standing(on: asOf, margin: catalog.policy.atRiskWithinDays) }
            let overdue = standings.filter { $0 == .overdue }.count
            let atRisk = standings.filter { $0 == .atRisk }.count
            let upcoming = dues.filter { $0 >= asOf && $0 < end }
            // Past standard support and not yet past extended support (after that the platform
            // has upgraded the cluster by force: no surcharge).
            let extended = clusters.filter { cluster in
                guard cluster.cluster.platform == pricing.platform, let eol = cluster.endOfLife, eol <= asOf else {
                    return false
                }
                return cluster.endOfExtendedSupport.map { asOf < $0 } ?? true
            }
            let surcharge = Double(extended.count) * pricing.monthlySurchargePerCluster
            let credit = exposure[customer.id] ?? 0
            let qualified = qualification[customer.id] ?? Qualification(customer).qualified
            let score = catalog.policy.risk.score(
                overdue: overdue, atRisk: atRisk, dueWithinHorizon: upcoming.count, exposure: credit,
                surcharge: surcharge, qualified: qualified)
            return CustomerForecast(
                id: customer.id, name: customer.name, qualified: qualified,
                clustersOutsideSLA: clusters.filter { !$0.slaApplies }.count, overdue: overdue, atRisk: atRisk,
                dueWithinHorizon: upcoming.count, nextDue: dues.filter { $0 >= asOf }.min(), creditExposure: credit,
                extendedSupportSurcharge: surcharge, riskScore: score, riskRank: 0,
                firstDue: clusters.compactMap(\.firstDue).min(),
                extendedSupportEnds: extended.compactMap(\.endOfExtendedSupport).min(),
                requiredFindings: requiredFindings[customer.id] ?? 0)
        }
        rows.sort { ($1.riskScore, $0.id) < ($0.riskScore, $1.id) }
        for index in rows.indices { rows[index].riskRank = index + 1 }
        self.customers = rows
        var months: [MonthlyDeadlines] = []
        let lastMonth = MonthKey(year: end.year, month: end.month)
        var month = firstMonth
        while month <= lastMonth {
            months.append(MonthlyDeadlines(month: month, count: counts[month] ?? 0))
            month = month.next
        }
        self.asOf = asOf
        self.horizonMonths = horizonMonths
        self.deadlines = months
    }
}
