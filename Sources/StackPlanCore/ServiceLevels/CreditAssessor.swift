/// Applies the response targets and credit rules to an incident log on a date.
public struct CreditAssessor: Sendable {
    public let policy: ServiceLevelPolicy
    /// Customers by id (fee, onboarding end, breach flag).
    public let customers: [String: Customer]
    /// The instant the log is judged at: open incidents past their due time count as missed.
    public let asOf: Instant

    public init(policy: ServiceLevelPolicy, customers: [Customer], asOf: Instant) {
        self.policy = policy
        self.customers = Dictionary(customers.map { ($0.id, $0) }) { first, _ in first }
        self.asOf = asOf
    }

    /// Assesses one incident.
    public func assess(_ incident: Incident) -> IncidentAssessment {
        let due = policy.due(severity: incident.severity, opened: incident.openedAt)
        let met: Bool? =
            if let responded = incident.respondedAt { responded <= due } else { asOf > due ? false : nil }
        let zone = policy.businessHours.zone
        let openedDay = zone.local(incident.openedAt).day
        var reasons: [IneligibleReason] = []
        switch met {
        case true: reasons.append(.met)
        case nil: reasons.append(.notYetDue)
        case false: break
        }
        if !incident.technical { reasons.append(.nonTechnical) }
        if incident.thirdPartyCause { reasons.append(.thirdPartyCause) }
        let customer = customers[incident.customer]
        if let ends = customer?.onboardingEnds, openedDay < ends { reasons.append(.duringOnboarding) }
        if customer?.inBreach == true { reasons.append(.customerInBreach) }
        let window = due.adding(seconds: policy.credits.requestWindowDays * 86_400)
        let request: CreditRequest =
            if let requested = incident.creditRequestedAt { requested <= window ? .inTime : .late } else { .none }
        return IncidentAssessment(
            incident: incident, due: due, met: met, eligible: reasons.isEmpty, ineligibleReasons: reasons,
            request: request, month: MonthKey(year: openedDay.year, month: openedDay.month))
    }

    /// Assesses every incident and totals credits per customer and month (by customer, then month).
    public func assess(_ incidents: [Incident]) -> (incidents: [IncidentAssessment], customers: [CustomerCredit]) {
        let assessed = incidents.map(assess)
        var groups: [String: [MonthKey: [IncidentAssessment]]] = [:]
        for item in assessed { groups[item.incident.customer, default: [:]][item.month, default: []].append(item) }
        var credits: [CustomerCredit] = []
        for customer in groups.keys.sorted() {
            let fee = customers[customer]?.monthlyFee ?? 0
            let cap = fee * policy.credits.capPercentOfMonthlyFee / 100
            for (month, items) in (groups[customer] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let eligible = items.filter(\.eligible)
                let perEvent = policy.credits.perMissedResponse
                credits.append(
                    CustomerCredit(
                        customer: customer, month: month, missed: items.filter { $0.met == false }.count,
                        eligible: eligible.count, exposure: min(Double(eligible.count) * perEvent, cap),
                        owed: min(Double(eligible.filter { $0.request == .inTime }.count) * perEvent, cap), cap: cap))
            }
        }
        return (assessed, credits)
    }
}
