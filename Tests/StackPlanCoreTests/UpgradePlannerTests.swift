import Testing

@testable import StackPlanCore

private typealias F = PlannerFixture

private func only(_ plan: UpgradePlan, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> ClusterPlan?
{
    let found = plan.clusters.first { $0.cluster.name == name }
    if found == nil { Issue.record("no cluster \(name)", sourceLocation: sourceLocation) }
    return found
}

private func summary(_ step: PlanStep) -> String {
    "\(step.action.rawValue) \(step.component.map { "\($0) " } ?? "")\(step.from)→\(step.to ?? "nil") due \(step.due?.description ?? "nil")"
        + (step.blocked ? " blocked" : "")
}

struct DueCase: Sendable, CustomTestStringConvertible {
    let name: String
    let version: String
    let strategy: UpgradeStrategy
    let steps: [String]
    let nextDue: String?
    let reasons: [SLAReason]
    var testDescription: String { name }
}

@Suite("Upgrade planner rules")
struct UpgradePlannerTests {
    // Worked dates (as of 2026-09-01, EKS): 1.36 released 2026-06-02, +120 = 2026-09-30, +90 = 2026-08-31;
    // 1.35 released 2026-01-28, +120 = 2026-05-28; 1.34 released 2025-10-06, +120 = 2026-02-03;
    // 1.33 end of life 2026-07-29, +120 = 2026-11-26.
    static let dueCases: [DueCase] = [
        DueCase(
            name: "R2 in-place: 120 days after the next minor", version: "1.35", strategy: .inPlace,
            steps: ["upgrade-control-plane 1.35→1.36 due 2026-09-30"], nextDue: "2026-09-30", reasons: []),
        DueCase(
            name: "R2 side-by-side: 90 days", version: "1.35.4", strategy: .sideBySide,
            steps: ["migrate-cluster 1.35→1.36 due 2026-08-31"], nextDue: "2026-08-31", reasons: []),
        DueCase(
            name: "R6 one minor at a time, R3 on the end-of-life minor", version: "1.33", strategy: .inPlace,
            steps: [
                "upgrade-control-plane 1.33→1.34 due 2026-02-03", "upgrade-control-plane 1.34→1.35 due 2026-05-28",
                "upgrade-control-plane 1.35→1.36 due 2026-09-30",
            ],
            nextDue: "2026-02-03", reasons: [.outsideSupportWindow, .endOfLife]),
        DueCase(
            name: "side-by-side goes to the target in one step", version: "1.33", strategy: .sideBySide,
            steps: ["migrate-cluster 1.33→1.36 due 2026-01-04"], nextDue: "2026-01-04",
            reasons: [.outsideSupportWindow, .endOfLife]),
        DueCase(
            name: "on the newest minor nothing is due but its end of life", version: "1.36", strategy: .inPlace,
            steps: [], nextDue: "2027-11-30", reasons: []),
    ]

    @Test(arguments: dueCases)
    func dueDates(_ c: DueCase) throws {
        let plan = F.plan([
            F.customer(production: [F.cluster("a", c.version, strategy: c.strategy)], staging: [F.cluster("s", "1.36")])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(cluster.steps.map(summary) == c.steps)
        #expect(cluster.nextDue?.description == c.nextDue)
        #expect(cluster.slaReasons == c.reasons)
        #expect(cluster.target?.text == "1.36")
    }

    @Test func anActiveWaiverDefersEveryEarlierDueDate() throws {
        let waiver = Waiver(cluster: "a", until: day("2027-01-31"), reason: "freeze")
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.34", components: ["prometheus": "3.4.1"])],
                staging: [F.cluster("s", "1.36")],
                waivers: [waiver])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(cluster.waiver == waiver)
        #expect(cluster.nextDue?.description == "2027-01-31")
        #expect(cluster.steps.allSatisfy { $0.due?.description == "2027-01-31" })
        #expect(cluster.status == .onTrack)
    }

    @Test func anExpiredWaiverIsIgnored() throws {
        let waiver = Waiver(cluster: "a", until: day("2026-08-31"), reason: "old")
        let plan = F.plan([
            F.customer(production: [F.cluster("a", "1.34")], staging: [F.cluster("s", "1.36")], waivers: [waiver])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(cluster.waiver == nil)
        #expect(cluster.nextDue?.description == "2026-05-28")
        #expect(cluster.status == .overdue)
    }

    @Test func r8MovesComponentsThatDoNotSupportTheNextMinor() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.35", components: ["calico": "3.30.2"])],
                staging: [F.cluster("s", "1.36")])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(
            cluster.steps.map(summary) == [
                "upgrade-component calico 3.30.2→3.32.9 due 2026-09-30",
                "upgrade-control-plane 1.35→1.36 due 2026-09-30",
            ])
    }

    @Test func r8BlocksWhenNoReleaseSupportsTheNextMinor() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.35", components: ["ingress-nginx": "1.15.1"])],
                staging: [F.cluster("s", "1.36")])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(
            cluster.steps.map(summary) == [
                "upgrade-component ingress-nginx 1.15.1→nil due 2026-09-30 blocked",
                "upgrade-control-plane 1.35→1.36 due 2026-09-30 blocked",
            ])
        #expect(cluster.steps.allSatisfy { $0.plannedStart == nil })
        #expect(cluster.status == .atRisk)
    }

    @Test func r3MovesMonitoringPastEndOfLife() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.36", components: ["prometheus": "3.4.1"])],
                staging: [F.cluster("s", "1.36")])
        ])
        let cluster = try #require(only(plan, "a"))
        // 3.4 ended on 2025-06-28; + 120 days = 2025-10-26.
        #expect(cluster.steps.map(summary) == ["upgrade-component prometheus 3.4.1→3.13.9 due 2025-10-26"])
        #expect(cluster.status == .overdue)
    }

    @Test func r6FlagsNodeSkewAndCatchesUpFirst() throws {
        let plan = F.plan([
            F.customer(production: [F.cluster("a", "1.35", nodes: "1.31")], staging: [F.cluster("s", "1.36")])
        ])
        let cluster = try #require(only(plan, "a"))
        #expect(cluster.warnings == ["node skew: nodes on 1.31 lag the control plane 1.35 by 4 minors (at most 3)"])
        // Both clocks on the node minor: 1.32 released 2025-01-25 + 120 = 2025-05-25, before
        // 1.31's end of life 2025-11-26 + 120 = 2026-03-26.
        #expect(cluster.steps.map(summary).first == "upgrade-nodes 1.31→1.35 due 2025-05-25")
    }

    @Test(arguments: [("1.27", "1.24", true), ("1.27", "1.27", false), ("1.34", "1.31", false), ("1.35", "1.31", true)])
    func nodeSkewLimitIsTwoBelow125AndThreeFrom125(_ controlPlane: String, _ nodes: String, _ violation: Bool) throws {
        let plan = F.plan([
            F.customer(production: [F.cluster("a", controlPlane, nodes: nodes)], staging: [F.cluster("s", "1.36")])
        ])
        #expect(try #require(only(plan, "a")).warnings.isEmpty == !violation)
    }

    @Test func unqualifiedCustomersAreOutsideTheSLAButStillPlanned() throws {
        let plan = F.plan([F.customer(production: [F.cluster("a", "1.35")])])
        let cluster = try #require(only(plan, "a"))
        #expect(cluster.slaReasons == [.notQualified])
        #expect(!cluster.slaApplies)
        #expect(cluster.steps.first?.plannedStart != nil)
        #expect(plan.customers.first?.qualified == false)
    }
}

@Suite("Upgrade planner scheduling and status")
struct PlanSchedulingTests {
    @Test func nonProductionFirstThenProductionAfterTheSoak() throws {
        let plan = F.plan([F.customer(production: [F.cluster("prod", "1.35")], staging: [F.cluster("stage", "1.35")])])
        let stage = try #require(only(plan, "stage").flatMap(\.steps.first))
        let prod = try #require(only(plan, "prod").flatMap(\.steps.first))
        #expect(stage.plannedStart?.description == "2026-09-01")
        #expect(stage.plannedEnd?.description == "2026-09-07")
        // Production starts the day after the 14-day soak that follows staging's end.
        #expect(prod.plannedStart?.description == "2026-09-22")
    }

    @Test func weeklyCapacityIsHonouredEarliestDueFirst() throws {
        // One slot a week. Due dates: b (1.34 → 2026-05-28 for its first hop) before a (1.35 → 2026-09-30).
        let plan = F.plan(
            [
                F.customer("x", production: [F.cluster("a", "1.35")]),
                F.customer("y", production: [F.cluster("b", "1.34")]),
            ], capacity: 1)
        let b = try #require(only(plan, "b"))
        let a = try #require(only(plan, "a"))
        #expect(b.steps.map { $0.plannedStart?.description ?? "-" } == ["2026-09-01", "2026-09-15"])
        #expect(a.steps.map { $0.plannedStart?.description ?? "-" } == ["2026-09-08"])
    }

    @Test func statusesFirstMatchWins() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("current", "1.36"), F.cluster("overdue", "1.34")],
                staging: [F.cluster("atrisk", "1.35")]),
            F.customer(
                "w", production: [F.cluster("ontrack", "1.35")], staging: [F.cluster("ws", "1.36")],
                waivers: [Waiver(cluster: "ontrack", until: day("2027-01-31"), reason: "r")]),
        ])
        #expect(try #require(only(plan, "current")).status == .current)
        #expect(try #require(only(plan, "overdue")).status == .overdue)
        // Due 2026-09-30, within 30 days, but it starts today: still not at risk unless it ends late.
        #expect(try #require(only(plan, "atrisk")).status == .onTrack)
        #expect(try #require(only(plan, "ontrack")).status == .onTrack)
        #expect(plan.customers.map(\.overdue) == [1, 0])
    }

    @Test func aStepNotStartedWithin30DaysOfItsDueIsAtRisk() throws {
        // Capacity 1: the second cluster starts a week later, after the date, with its due 29 days away.
        let plan = F.plan(
            [
                F.customer("x", production: [F.cluster("a", "1.35")]),
                F.customer("y", production: [F.cluster("b", "1.35")]),
            ],
            capacity: 1)
        #expect(try #require(only(plan, "a")).status == .onTrack)
        #expect(try #require(only(plan, "b")).status == .atRisk)
    }

    @Test func plansAreDeterministic() {
        let customers = [
            F.customer(
                production: [F.cluster("a", "1.33", components: ["calico": "3.30.1"])],
                staging: [F.cluster("s", "1.34")])
        ]
        #expect(F.plan(customers) == F.plan(customers))
    }
}
