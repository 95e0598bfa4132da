/// One incident from the incident log.
public struct Incident: Hashable, Sendable {
    public let id: String
    public let customer: String
    public let severity: IncidentSeverity
    public let openedAt: Instant
    /// The first response, `nil` while none was given.
    public let respondedAt: Instant?
    /// `false` for non-technical requests, which earn no credit.
    public let technical: Bool
    /// `true` when a third party's unavailability caused the event (no credit).
    public let thirdPartyCause: Bool
    /// When the customer asked for the credit, if it did.
    public let creditRequestedAt: Instant?
    /// The cluster the incident is about, when the log names one (a cluster of `customer`).
    public let cluster: String?

    public init(
        id: String, customer: String, severity: IncidentSeverity, openedAt: Instant, respondedAt: Instant?,
        technical: Bool, thirdPartyCause: Bool, creditRequestedAt: Instant?, cluster: String? = nil
    ) {
        self.cluster = cluster
        self.id = id
        self.customer = customer
        self.severity = severity
        self.openedAt = openedAt
        self.respondedAt = respondedAt
        self.technical = technical
        self.thirdPartyCause = thirdPartyCause
        self.creditRequestedAt = creditRequestedAt
    }
}

/// Why a missed response earns no credit (or why there is nothing to credit).
public enum IneligibleReason: String, CaseIterable, Sendable, OrderedCases {
    /// The response was on time.
    case met
    /// No response yet, and the due time has not passed on the date.
    case notYetDue = "not-yet-due"
    case nonTechnical = "non-technical"
    case thirdPartyCause = "third-party-cause"
    /// Opened (date in the business time zone) before the customer's onboarding ended.
    case duringOnboarding = "during-onboarding"
    case customerInBreach = "customer-in-breach"
    /// When the incident opened, its cluster was outside its platform's two most recent minors or
    /// on an end-of-life version: the SLA does not apply (the response target is still reported).
    case unsupportedVersion = "unsupported-version"

    public static let ordered = allCases
}

/// Where an incident's first response stands on the as-of instant.
public enum ResponseState: String, CaseIterable, Sendable {
    /// Responded by the due instant.
    case met
    /// Responded late, or no response known and the due instant is before the as-of instant.
    case missed
    /// No response known yet, and the due instant is not passed.
    case open
}

/// Something worth saying about how an incident was judged that is not an ineligibility.
public enum IncidentFlag: String, CaseIterable, Sendable, OrderedCases {
    /// Urgent and high are defined for production environments: on a non-production cluster the
    /// incident was judged against the normal target.
    case severityNotApplicable = "severity-not-applicable"

    public static let ordered = allCases
}

/// Whether and when a credit was requested.
public enum CreditRequest: String, CaseIterable, Sendable {
    /// Within the request window after the missed due time.
    case inTime = "in-time"
    case late
    case none
}

/// An incident measured against its response target and the credit rules.
public struct IncidentAssessment: Hashable, Sendable {
    public let incident: Incident
    public let due: Instant
    /// The severity whose target applied (normal for urgent or high on a non-production cluster).
    public let appliedSeverity: IncidentSeverity
    /// Met, missed or open on the as-of instant; nothing recorded after it is known.
    public let state: ResponseState
    /// Notes on how the incident was judged.
    public let flagSet: CaseSet<IncidentFlag>
    /// A missed response that earns a credit if requested.
    public let eligible: Bool
    /// Why it earns no credit (empty when eligible), in declaration order.
    public let reasonSet: CaseSet<IneligibleReason>
    public let request: CreditRequest
    /// The month of opening in the business time zone.
    public let month: MonthKey

    /// ``flagSet`` as an array.
    public var flags: [IncidentFlag] { flagSet.members }
    /// ``reasonSet`` as an array.
    public var ineligibleReasons: [IneligibleReason] { reasonSet.members }
}

/// A calendar month, `YYYY-MM`.
public struct MonthKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        guard let day = CalendarDay(text + "-01") else { return nil }
        self.init(year: day.year, month: day.month)
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// The month after this one.
    public var next: MonthKey {
        month == 12 ? MonthKey(year: year + 1, month: 1) : MonthKey(year: year, month: month + 1)
    }

    public static func < (lhs: MonthKey, rhs: MonthKey) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// Credits per customer and month.
public struct CustomerCredit: Hashable, Sendable {
    public let customer: String
    public let month: MonthKey
    /// Missed responses.
    public let missed: Int
    /// Missed responses that earn a credit.
    public let eligible: Int
    /// USD: every eligible event as if requested, capped.
    public let exposure: Double
    /// USD: eligible events requested in time, capped.
    public let owed: Double
    /// USD: the monthly cap.
    public let cap: Double
}
