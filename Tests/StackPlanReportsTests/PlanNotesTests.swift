import Testing

@testable import StackPlanCore
@testable import StackPlanReports

/// A plan's notes: each cluster's waiver, then its warnings, cluster after cluster; clusters
/// without any add nothing.
@Suite("Plan notes")
struct PlanNotesTests {
    private static let until = CalendarDay(dayNumber: 20_849)  // 2027-01-31

    private static func plan(_ customer: String, _ name: String, waiver: String?, warnings: [String]) -> ClusterPlan {
        ClusterPlan(
            customer: customer, cluster: Cluster(name: name, platform: "eks", version: VersionNumber(parts: [1, 35])),
            environment: "prod", kind: .production, qualified: true, slaReasons: [], target: nil, endOfLife: nil,
            endOfExtendedSupport: nil, nextDue: nil, status: .onTrack, steps: [],
            waiver: waiver.map { Waiver(cluster: name, until: Self.until, reason: $0) }, warnings: warnings,
            comparison: nil)
    }

    @Test func waiversThenWarningsClusterByCluster() {
        #expect(Self.until.description == "2027-01-31")
        let clusters = [
            Self.plan("a", "quiet", waiver: nil, warnings: []),
            Self.plan("a", "both", waiver: "freeze", warnings: ["skew", "unknown version"]),
            Self.plan("b", "quiet-too", waiver: nil, warnings: []),
            Self.plan("b", "waived", waiver: "audit", warnings: []),
            Self.plan("c", "warned", waiver: nil, warnings: ["one"]),
            Self.plan("c", "last-quiet", waiver: nil, warnings: []),
        ]
        #expect(
            Array(PlanNotes(clusters: clusters)) == [
                "waiver: a/both deadlines deferred to 2027-01-31: freeze", "warning: a/both: skew",
                "warning: a/both: unknown version", "waiver: b/waived deadlines deferred to 2027-01-31: audit",
                "warning: c/warned: one",
            ])
        #expect(Array(PlanNotes(clusters: [])).isEmpty)
        #expect(Array(PlanNotes(clusters: [clusters[0], clusters[2]])).isEmpty)
    }
}
