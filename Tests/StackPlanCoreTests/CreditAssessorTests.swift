import Testing

@testable import StackPlanCore

@Suite("Credits")
struct CreditAssessorTests {
    private func instant(_ text: String) -> Instant {
        Instant(iso: text) ?? Instant(seconds: 0)
    }

    private let customers = [
        Customer(
            id: "acme", name: "Acme", pod: "p", monthlyFee: 1000, onboardingEnds: CalendarDay("2026-11-05"),
            environments: []),
        Customer(id: "bad", name: "Bad", pod: "p", monthlyFee: 5000, inBreach: true, environments: []),
        Customer(id: "plain", name: "Plain", pod: "p", monthlyFee: 2000, environments: []),
    ]

    private func incident(
        _ id: String, customer: String = "acme", severity: IncidentSeverity = .urgent, opened: String,
        responded: String? = nil, technical: Bool = true, thirdParty: Bool = false, requested: String? = nil
    ) -> Incident {
        Incident(
            id: id, customer: customer, severity: severity, openedAt: instant(opened),
            respondedAt: responded.map(instant), technical: technical, thirdPartyCause: thirdParty,
            creditRequestedAt: requested.map(instant))
    }

    private var assessor: CreditAssessor {
        CreditAssessor(policy: .standard, customers: customers, asOf: instant("2026-11-30T00:00:00Z"))
    }

    @Test func eachRule() {
        let cases: [(Incident, Bool?, Bool, [IneligibleReason], CreditRequest)] = [
            (
                incident("met", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T10:15:00Z"), true, false, [.met],
                .none
            ),
            (
                incident("late", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T10:15:01Z"), false, true, [],
                .none
            ),
            (
                incident("open-missed", opened: "2026-11-29T23:00:00Z"), false, true, [], .none
            ),
            (incident("open-pending", opened: "2026-11-29T23:50:00Z"), nil, false, [.notYetDue], .none),
            (
                incident(
                    "non-technical", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z", technical: false
                ),
                false, false, [.nonTechnical], .none
            ),
            (
                incident(
                    "third-party", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z", thirdParty: true),
                false, false, [.thirdPartyCause], .none
            ),
            // 2026-11-04 evening in Pacific time is before onboarding ends (2026-11-05), although it is the 5th in UTC.
            (
                incident("onboarding", opened: "2026-11-05T05:00:00Z", responded: "2026-11-05T06:00:00Z"), false, false,
                [.duringOnboarding], .none
            ),
            (
                incident("breach", customer: "bad", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z"),
                false, false, [.customerInBreach], .none
            ),
            // Due 10:15Z; the 7-day window ends 2026-11-17T10:15:00Z.
            (
                incident(
                    "requested-in-time", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z",
                    requested: "2026-11-17T10:15:00Z"), false, true, [], .inTime
            ),
            (
                incident(
                    "requested-late", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z",
                    requested: "2026-11-17T10:15:01Z"), false, true, [], .late
            ),
        ]
        for (incident, met, eligible, reasons, request) in cases {
            let result = assessor.assess(incident)
            let state: ResponseState = met.map { $0 ? .met : .missed } ?? .open
            #expect(result.state == state, "\(incident.id)")
            #expect(result.eligible == eligible, "\(incident.id)")
            #expect(result.ineligibleReasons == reasons, "\(incident.id)")
            #expect(result.request == request, "\(incident.id)")
        }
    }

    @Test func exposureAndOwedAreCappedPerCustomerAndMonth() {
        // Five eligible misses at $250 = $1,250, capped at the $1,000 fee; two requested in time.
        let incidents =
            (10...14).map { day in
                incident(
                    "i\(day)", opened: "2026-11-\(day)T10:00:00Z", responded: "2026-11-\(day)T11:00:00Z",
                    requested: day < 12 ? "2026-11-\(day)T12:00:00Z" : nil)
            } + [
                // 23:00 on October 31 in Pacific time is November 1 in UTC: it counts for October.
                incident(
                    "oct", customer: "plain", opened: "2026-10-31T23:00:00-07:00",
                    responded: "2026-11-01T01:00:00-07:00"),
                incident(
                    "nov", customer: "plain", opened: "2026-11-01T10:00:00-08:00",
                    responded: "2026-11-01T12:00:00-08:00"),
            ]
        let credits = assessor.assess(incidents).customers
        #expect(credits.map { "\($0.customer) \($0.month)" } == ["acme 2026-11", "plain 2026-10", "plain 2026-11"])
        let acme = credits[0]
        #expect(acme.missed == 5 && acme.eligible == 5)
        #expect(acme.exposure == 1000 && acme.owed == 500 && acme.cap == 1000)
        #expect(credits[1].exposure == 250 && credits[1].owed == 0 && credits[1].cap == 2000)
    }
}
