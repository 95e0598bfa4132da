import Testing

@testable import StackPlanCore

/// Incident rules that gave disputed figures before (issue 9, items 8 and 9).
@Suite("Incidents on the as-of instant and by cluster")
struct IncidentRulesTests {
    private func instant(_ text: String) -> Instant {
        Instant(iso: text) ?? Instant(seconds: 0)
    }

    private let customers = [
        PlannerFixture.customer(
            production: [PlannerFixture.cluster("prod", "1.36"), PlannerFixture.cluster("old", "1.33")],
            staging: [PlannerFixture.cluster("stage", "1.35")])
    ]

    private func assessor(asOf: String) -> CreditAssessor {
        CreditAssessor(catalog: PlannerFixture.catalog, customers: customers, asOf: instant(asOf))
    }

    private func incident(
        _ id: String, severity: IncidentSeverity = .urgent, opened: String, responded: String? = nil,
        requested: String? = nil, cluster: String? = nil
    ) -> Incident {
        Incident(
            id: id, customer: "acme", severity: severity, openedAt: instant(opened),
            respondedAt: responded.map(instant), technical: true, thirdPartyCause: false,
            creditRequestedAt: requested.map(instant), cluster: cluster)
    }

    @Test func nothingAfterTheAsOfInstantCounts() {
        let log = [
            // Opened after the as-of instant: left out.
            incident("later", opened: "2026-11-13T01:00:00Z", responded: "2026-11-13T02:00:00Z"),
            // Responded (late) after the as-of instant, due before it: missed, not yet known how late.
            incident("missed", opened: "2026-11-02T10:00:00Z", responded: "2026-11-12T00:00:00Z"),
            // Responded after the as-of instant, due after it: still open.
            incident("open", opened: "2026-11-02T23:50:00Z", responded: "2026-11-03T00:01:00Z"),
            // A credit request after the as-of instant has not been made.
            incident(
                "request", opened: "2026-11-02T09:00:00Z", responded: "2026-11-02T10:00:00Z",
                requested: "2026-11-04T00:00:00Z"),
        ]
        let (assessed, credits) = assessor(asOf: "2026-11-02T23:59:59Z").assess(log)
        #expect(assessed.map(\.incident.id) == ["missed", "open", "request"])
        #expect(assessed.map(\.state) == [.missed, .open, .missed])
        #expect(assessed.map(\.request) == [.none, .none, .none])
        #expect(credits.map(\.missed) == [2])
        #expect(credits.map(\.owed) == [0])
    }

    @Test func anIncidentOnAnUnsupportedVersionEarnsNoCredit() {
        // On 2026-11-10 EKS covers 1.36 and 1.35; 1.33 ended on 2026-07-29.
        let result = assessor(asOf: "2026-11-30T00:00:00Z").assess(
            incident("old", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z", cluster: "old"))
        #expect(result.state == .missed)
        #expect(result.ineligibleReasons == [.unsupportedVersion])
        #expect(!result.eligible)
        let supported = assessor(asOf: "2026-11-30T00:00:00Z").assess(
            incident("new", opened: "2026-11-10T10:00:00Z", responded: "2026-11-10T11:00:00Z", cluster: "prod"))
        #expect(supported.eligible)
    }

    @Test func theWindowIsTheOneOnTheDayTheIncidentOpened() {
        // On 2025-09-02 EKS covered 1.33 and 1.32, and 1.33 was in standard support until 2026-07-29:
        // the cluster now on 1.33 was covered then, though not on the as-of date.
        let result = assessor(asOf: "2026-11-30T00:00:00Z").assess(
            incident(
                "early", severity: .normal, opened: "2025-09-02T10:00:00-07:00", responded: "2025-09-02T16:00:00-07:00",
                cluster: "old"))
        #expect(result.state == .missed)
        #expect(result.ineligibleReasons.isEmpty)
    }

    @Test func urgentOnNonProductionIsJudgedAgainstTheNormalTarget() {
        // Tuesday 10:00 Pacific: one business hour → 11:00. A 30-minute response meets it.
        let result = assessor(asOf: "2026-11-30T00:00:00Z").assess(
            incident(
                "stage", opened: "2026-11-10T10:00:00-08:00", responded: "2026-11-10T10:30:00-08:00",
                cluster: "stage"))
        #expect(result.appliedSeverity == .normal)
        #expect(result.flags == [.severityNotApplicable])
        #expect(result.due == instant("2026-11-10T11:00:00-08:00"))
        #expect(result.state == .met)
        let production = assessor(asOf: "2026-11-30T00:00:00Z").assess(
            incident(
                "prod", opened: "2026-11-10T10:00:00-08:00", responded: "2026-11-10T10:30:00-08:00", cluster: "prod"))
        #expect(production.appliedSeverity == .urgent && production.flags.isEmpty && production.state == .missed)
    }
}
