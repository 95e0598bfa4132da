/// Applies the response targets and credit rules to an incident log on an instant.
///
/// Nothing after the as-of instant counts: incidents opened after it are left out, a response or a
/// credit request recorded after it is not known yet. `sla report` and `forecast` both judge
/// through `assess(_:)`, so they agree on every figure.
public struct CreditAssessor: Sendable {
    public let policy: ServiceLevelPolicy
    /// Customers by id (fee, onboarding end, breach flag).
    public let customers: [String: Customer]
    /// The instant the log is judged at.
    public let asOf: Instant
    /// The clusters incidents may name, with their support on a day.
    public let clusters: IncidentClusters

    public init(
        policy: ServiceLevelPolicy, customers: [Customer], asOf: Instant, platforms: [Platform] = [],
        supportedMinors: Int = 2
    ) {
        self.policy = policy
        self.customers = Dictionary(customers.map { ($0.id, $0) }) { first, _ in first }
        self.asOf = asOf
        self.clusters = IncidentClusters(customers: customers, platforms: platforms, supportedMinors: supportedMinors)
    }

    /// An assessor with the catalog's service levels, platforms and support window.
    public init(catalog: Catalog, customers: [Customer], asOf: Instant) {
        self.init(
            policy: catalog.policy.serviceLevels, customers: customers, asOf: asOf, platforms: catalog.platforms,
            supportedMinors: catalog.policy.supportedMinors)
    }

    /// Assesses one incident opened on or before the as-of instant.
    public func assess(_ incident: Incident) -> IncidentAssessment {
        let zone = policy.businessHours.zone
        let openedDay = zone.local(incident.openedAt).day
        let cluster = incident.cluster.flatMap { clusters.entry(customer: incident.customer, cluster: $0) }
        var flags: [IncidentFlag] = []
        var severity = incident.severity
        if cluster?.kind == .nonProduction, severity == .urgent || severity == .high {
            severity = .normal
            flags.append(.severityNotApplicable)
        }
        let due = policy.due(severity: severity, opened: incident.openedAt)
        let responded = incident.respondedAt.flatMap { $0 <= asOf ? $0 : nil }
        let state: ResponseState =
            if let responded { responded <= due ? .met : .missed } else { due < asOf ? .missed : .open }
        var reasons: [IneligibleReason] = []
        switch state {
        case .met: reasons.append(.met)
        case .open: reasons.append(.notYetDue)
        case .missed: break
        }
        if !incident.technical { reasons.append(.nonTechnical) }
        if incident.thirdPartyCause { reasons.append(.thirdPartyCause) }
        let customer = customers[incident.customer]
        if let ends = customer?.onboardingEnds, openedDay < ends { reasons.append(.duringOnboarding) }
        if customer?.inBreach == true { reasons.append(.customerInBreach) }
        if let cluster, !clusters.isSupported(cluster, on: openedDay) { reasons.append(.unsupportedVersion) }
        let window = due.adding(seconds: policy.credits.requestWindowDays * 86_400)
        let requested = incident.creditRequestedAt.flatMap { $0 <= asOf ? $0 : nil }
        let request: CreditRequest =
            if let requested { requested <= window ? .inTime : .late } else { .none }
        return IncidentAssessment(
            incident: incident, due: due, appliedSeverity: severity, state: state, flags: flags,
            eligible: reasons.isEmpty, ineligibleReasons: reasons, request: request,
            month: MonthKey(year: openedDay.year, month: openedDay.month))
    }

    /// Assesses every incident opened on or before the as-of instant (later ones are left out) and
    /// totals credits per customer and month (by customer, then month).
    public func assess(_ incidents: [Incident]) -> (incidents: [IncidentAssessment], customers: [CustomerCredit]) {
        var assessed: [IncidentAssessment] = []
        assessed.reserveCapacity(incidents.count)
        for incident in incidents where !(asOf < incident.openedAt) { assessed.append(assess(incident)) }
        var groups: [String: [MonthKey: MonthTally]] = [:]
        for item in assessed {
            groups[item.incident.customer, default: [:]][item.month, default: MonthTally()].add(item)
        }
        var credits: [CustomerCredit] = []
        let perEvent = policy.credits.perMissedResponse
        for customer in groups.keys.sorted() {
            let fee = customers[customer]?.monthlyFee ?? 0
            let cap = fee * policy.credits.capPercentOfMonthlyFee / 100
            for (month, tally) in (groups[customer] ?? [:]).sorted(by: { $0.key < $1.key }) {
                credits.append(
                    CustomerCredit(
                        customer: customer, month: month, missed: tally.missed, eligible: tally.eligible,
                        exposure: min(Double(tally.eligible) * perEvent, cap),
                        owed: min(Double(tally.requestedInTime) * perEvent, cap), cap: cap))
            }
        }
        return (assessed, credits)
    }
}

/// One customer's month of assessments, counted (the assessments themselves are not copied).
private struct MonthTally {
    var missed = 0
    var eligible = 0
    /// Eligible incidents whose credit was requested in time.
    var requestedInTime = 0

    mutating func add(_ item: IncidentAssessment) {
        if item.state == .missed { missed += 1 }
        guard item.eligible else { return }
        eligible += 1
        if item.request == .inTime { requestedInTime += 1 }
    }
}
