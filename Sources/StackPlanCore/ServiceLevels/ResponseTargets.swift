/// Incident severity.
public enum IncidentSeverity: String, CaseIterable, Codable, Sendable {
    case urgent, high, normal, low
}

/// How response time is counted.
public enum ResponseClock: String, CaseIterable, Codable, Sendable {
    /// Every minute counts, 24x7x365.
    case wall
    /// Only minutes inside business hours count.
    case business
}

/// A response target: how long, on which clock.
public struct ResponseTarget: Hashable, Sendable {
    public let minutes: Int
    public let clock: ResponseClock

    public init(minutes: Int, clock: ResponseClock) {
        self.minutes = minutes
        self.clock = clock
    }
}

/// Credit rules for missed responses.
public struct CreditRules: Hashable, Sendable {
    /// USD per missed eligible response.
    public let perMissedResponse: Double
    /// The monthly cap as a percentage of the monthly recurring fee.
    public let capPercentOfMonthlyFee: Double
    /// Days after the missed due time within which a credit must be requested.
    public let requestWindowDays: Int

    public init(perMissedResponse: Double, capPercentOfMonthlyFee: Double, requestWindowDays: Int) {
        self.perMissedResponse = perMissedResponse
        self.capPercentOfMonthlyFee = capPercentOfMonthlyFee
        self.requestWindowDays = requestWindowDays
    }

    /// $250 per missed response, capped at 100 % of the monthly fee, requested within 7 days.
    public static let standard = CreditRules(perMissedResponse: 250, capPercentOfMonthlyFee: 100, requestWindowDays: 7)
}

/// The service-level promise: business hours, response targets and credits (`policy.yaml`).
public struct ServiceLevelPolicy: Hashable, Sendable {
    public let businessHours: BusinessHours
    public let targets: [IncidentSeverity: ResponseTarget]
    public let credits: CreditRules

    public init(businessHours: BusinessHours, targets: [IncidentSeverity: ResponseTarget], credits: CreditRules) {
        self.businessHours = businessHours
        self.targets = targets
        self.credits = credits
    }

    /// Urgent 15 minutes and high 1 hour on the wall clock; normal 1 business hour; low 1 business
    /// day (9 business hours with 08:00–17:00).
    public static let standard = ServiceLevelPolicy(
        businessHours: .standard,
        targets: [
            .urgent: ResponseTarget(minutes: 15, clock: .wall), .high: ResponseTarget(minutes: 60, clock: .wall),
            .normal: ResponseTarget(minutes: 60, clock: .business),
            .low: ResponseTarget(minutes: 9 * 60, clock: .business),
        ],
        credits: .standard)

    /// The target for `severity` (the standard one when the policy leaves it out).
    public func target(for severity: IncidentSeverity) -> ResponseTarget {
        targets[severity] ?? Self.standard.targets[severity] ?? ResponseTarget(minutes: 60, clock: .wall)
    }

    /// The last second of `day` in the business time zone: what an as-of date means to the
    /// incident rules (`sla report --as-of DATE`, `forecast`).
    public func endOfDay(_ day: CalendarDay) -> Instant {
        businessHours.zone.instant(day.adding(days: 1), secondsOfDay: 0).adding(seconds: -1)
    }

    /// When the first response to an incident of `severity` opened at `opened` is due.
    public func due(severity: IncidentSeverity, opened: Instant) -> Instant {
        let target = target(for: severity)
        switch target.clock {
        case .wall: return opened.adding(seconds: target.minutes * 60)
        case .business: return businessHours.adding(businessSeconds: target.minutes * 60, to: opened)
        }
    }
}
