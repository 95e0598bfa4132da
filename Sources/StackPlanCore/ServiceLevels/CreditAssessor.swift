/// Applies the response targets and credit rules to an incident log on an instant.
///
/// Nothing after the as-of instant counts: incidents opened after it are left out, a response or a
/// credit request recorded after it is not known yet. `sla report` and `forecast` both judge
/// through `assess(_:)`, so they agree on every figure.
public struct CreditAssessor: Sendable {
    public let policy: ServiceLevelPolicy
    /// Customers' credit terms by id (a small value: copied per incident without retains).
    private let terms: [String: CreditTerms]
    /// The instant the log is judged at.
    public let asOf: Instant
    /// The clusters incidents may name, with their support on a day.
    public let clusters: IncidentClusters

    public init(
        policy: ServiceLevelPolicy, customers: [Customer], asOf: Instant, platforms: [Platform] = [],
        supportedMinors: Int = 2
    ) {
        self.policy = policy
        self.terms = Dictionary(customers.map { ($0.id, CreditTerms($0)) }) { first, _ in first }
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
        assess(incident, customer: terms[incident.customer])
    }

    /// Assesses one incident of a customer with `customer`'s terms (nil when the inventory does
    /// not know it).
    private func assess(_ incident: Incident, customer: CreditTerms?) -> IncidentAssessment {
        let zone = policy.businessHours.zone
        let openedDay = zone.local(incident.openedAt).day
        let openedDate = openedDay.components
        let cluster = incident.cluster.flatMap { clusters.entry(customer: incident.customer, cluster: $0) }
        var flags = CaseSet<IncidentFlag>()
        var severity = incident.severity
        if cluster?.kind == .nonProduction, severity == .urgent || severity == .high {
            severity = .normal
            flags.insert(.severityNotApplicable)
        }
        let due = policy.due(severity: severity, opened: incident.openedAt)
        let responded = incident.respondedAt.flatMap { $0 <= asOf ? $0 : nil }
        let state: ResponseState =
            if let responded { responded <= due ? .met : .missed } else { due < asOf ? .missed : .open }
        var reasons = CaseSet<IneligibleReason>()
        switch state {
        case .met: reasons.insert(.met)
        case .open: reasons.insert(.notYetDue)
        case .missed: break
        }
        if !incident.technical { reasons.insert(.nonTechnical) }
        if incident.thirdPartyCause { reasons.insert(.thirdPartyCause) }
        if let ends = customer?.onboardingEnds, openedDay < ends { reasons.insert(.duringOnboarding) }
        if customer?.inBreach == true { reasons.insert(.customerInBreach) }
        if let cluster, !clusters.isSupported(cluster, on: openedDay) { reasons.insert(.unsupportedVersion) }
        let window = due.adding(seconds: policy.credits.requestWindowDays * 86_400)
        let requested = incident.creditRequestedAt.flatMap { $0 <= asOf ? $0 : nil }
        let request: CreditRequest =
            if let requested { requested <= window ? .inTime : .late } else { .none }
        return IncidentAssessment(
            incident: incident, due: due, appliedSeverity: severity, state: state, flagSet: flags,
            eligible: reasons.isEmpty, reasonSet: reasons, request: request,
            month: MonthKey(year: openedDate.year, month: openedDate.month))
    }

    /// Assesses every incident opened on or before the as-of instant (later ones are left out) and
    /// totals credits per customer and month (by customer, then month).
    public func assess(_ incidents: [Incident]) -> (incidents: [IncidentAssessment], customers: [CustomerCredit]) {
        var assessed: [IncidentAssessment] = []
        assessed.reserveCapacity(incidents.count)
        // One String lookup per incident: each customer named in the log gets a number, and the
        // tallies are keyed by that number and the month.
        var numbers: [String: Int] = [:]
        var named: [(id: String, terms: CreditTerms?)] = []
        var tallies: [CustomerMonth: MonthTally] = [:]
        for incident in incidents where !(asOf < incident.openedAt) {
            let number: Int
            if let known = numbers[incident.customer] {
                number = known
            } else {
                number = named.count
                numbers[incident.customer] = number
                named.append((incident.customer, terms[incident.customer]))
            }
            let item = assess(incident, customer: named[number].terms)
            tallies[CustomerMonth(customer: number, month: item.month), default: MonthTally()].add(item)
            assessed.append(item)
        }
        let perEvent = policy.credits.perMissedResponse
        let capPercent = policy.credits.capPercentOfMonthlyFee
        let credits = tallies.sorted {
            ($0.key.customer == $1.key.customer)
                ? $0.key.month < $1.key.month : named[$0.key.customer].id < named[$1.key.customer].id
        }.map { key, tally in
            let (id, terms) = named[key.customer]
            let cap = (terms?.monthlyFee ?? 0) * capPercent / 100
            return CustomerCredit(
                customer: id, month: key.month, missed: tally.missed, eligible: tally.eligible,
                exposure: min(Double(tally.eligible) * perEvent, cap),
                owed: min(Double(tally.requestedInTime) * perEvent, cap), cap: cap)
        }
        return (assessed, credits)
    }
}

/// What the credit rules need of a customer.
private struct CreditTerms {
    let monthlyFee: Double
    let onboardingEnds: CalendarDay?
    let inBreach: Bool

    init(_ customer: Customer) {
        monthlyFee = customer.monthlyFee
        onboardingEnds = customer.onboardingEnds
        inBreach = customer.inBreach
    }
}

/// A customer (its number in the log being assessed) and a month.
private struct CustomerMonth: Hashable {
    let customer: Int
    let month: MonthKey
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
