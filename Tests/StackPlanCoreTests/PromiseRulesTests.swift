import Testing

@testable import StackPlanCore

private typealias F = PlannerFixture

private func cluster(_ plan: UpgradePlan, _ name: String) throws -> ClusterPlan {
    try #require(plan.clusters.first { $0.cluster.name == name })
}

private func summary(_ step: PlanStep) -> String {
    "\(step.action.rawValue) \(step.component.map { "\($0) " } ?? "")\(step.from)→\(step.to ?? "nil") due \(step.due?.description ?? "nil")"
        + (step.blocked ? " blocked" : "")
}

/// Scenarios from the service overview's upgrade promise that gave wrong dates before (issue 9).
/// Dates are worked by hand from the fixture's real EKS dates.
@Suite("The upgrade promise, scenario by scenario")
struct PromiseRulesTests {
    // 1. A waiver only defers.
    @Test func aWaiverDefersButNeverPullsADeadlineEarlier() throws {
        let waiver = Waiver(cluster: "a", until: day("2026-09-15"), reason: "freeze")
        let plan = F.plan([
            F.customer(production: [F.cluster("a", "1.34")], staging: [F.cluster("s", "1.36")], waivers: [waiver])
        ])
        let a = try cluster(plan, "a")
        // 1.34→1.35 was due 2026-05-28 (deferred to the waiver); 1.35→1.36 stays due 2026-09-30.
        #expect(
            a.steps.map(summary) == [
                "upgrade-control-plane 1.34→1.35 due 2026-09-15", "upgrade-control-plane 1.35→1.36 due 2026-09-30",
            ])
        #expect(a.nextDue?.description == "2026-09-15")
    }

    // 2. Production never moves before non-production, whatever the strategies.
    @Test func productionWaitsForNonProductionToReachTheMinorWhateverTheStrategy() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("prod", "1.34")], staging: [F.cluster("stage", "1.34", strategy: .sideBySide)])
        ])
        let stage = try cluster(plan, "stage")
        #expect(
            stage.steps.map { "\($0.plannedStart?.description ?? "-")..\($0.plannedEnd?.description ?? "-")" }
                == ["2026-09-01..2026-09-14"])
        // Staging passes 1.35 on 2026-09-14 (straight to 1.36): production's 1.34→1.35 waits for
        // the 14-day soak and starts on 2026-09-29.
        let prod = try cluster(plan, "prod")
        #expect(prod.steps.map { $0.plannedStart?.description ?? "-" } == ["2026-09-29", "2026-10-06"])
    }

    @Test func productionIsBlockedWhenNonProductionCannotReachTheMinor() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("prod", "1.35")],
                staging: [F.cluster("stage", "1.35", components: ["ingress-nginx": "1.15.1"])])
        ])
        let prod = try cluster(plan, "prod")
        #expect(prod.steps.map(summary) == ["upgrade-control-plane 1.35→1.36 due 2026-09-30 blocked"])
        #expect(prod.steps.first?.reason.contains("stage cannot reach Kubernetes 1.36") == true)
        #expect(prod.steps.first?.plannedStart == nil)
        #expect(prod.status == .atRisk)
    }

    // 3. Component moves must fit the cluster on both sides of the move.
    @Test func aComponentMoveRunsOnBothSidesOfEveryHop() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.30", components: ["ingress-nginx": "1.11.8"])],
                staging: [F.cluster("s", "1.36")])
        ])
        let steps = try cluster(plan, "a").steps.map(summary)
        // 1.15 (1.31–1.35) does not run on 1.30: the move before 1.30→1.31 goes to 1.14 (1.30–1.34),
        // which spans the chain furthest; before 1.34→1.35 it moves again, to 1.15; nothing runs on 1.36.
        #expect(
            steps == [
                "upgrade-component ingress-nginx 1.11.8→1.14.9 due 2025-01-24",
                "upgrade-control-plane 1.30→1.31 due 2025-01-24",
                "upgrade-control-plane 1.31→1.32 due 2025-05-25",
                "upgrade-control-plane 1.32→1.33 due 2025-09-25",
                "upgrade-control-plane 1.33→1.34 due 2026-02-03",
                "upgrade-component ingress-nginx 1.14.9→1.15.9 due 2026-05-28",
                "upgrade-control-plane 1.34→1.35 due 2026-05-28",
                "upgrade-component ingress-nginx 1.15.9→nil due 2026-09-30 blocked",
                "upgrade-control-plane 1.35→1.36 due 2026-09-30 blocked",
            ])
    }

    @Test func aMoveIsBlockedWhenEveryReleaseSpanningBothMinorsHasEnded() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.31", components: ["istio": "1.24.6"])], staging: [F.cluster("s", "1.36")]
            )
        ])
        let first = try #require(try cluster(plan, "a").steps.first)
        // Istio 1.30 (1.32–1.36) does not run on 1.31; 1.29 (1.31–1.35) ended on 2026-08-31.
        #expect(summary(first) == "upgrade-component istio 1.24.6→nil due 2025-05-25 blocked")
        #expect(
            first.reason
                == "every release of istio that runs on Kubernetes 1.31 and 1.32 is past end of life "
                + "(newest: 1.29, ended 2026-08-31)")
    }

    @Test func aComponentMovesAgainWhenNoReleaseSpansTheChain() throws {
        let plan = F.plan(
            [
                F.customer(
                    production: [F.cluster("a", "1.31", components: ["istio": "1.24.6"])],
                    staging: [F.cluster("s", "1.36")])
            ], asOf: "2026-08-01")
        let moves = try cluster(plan, "a").steps.filter { $0.action == .upgradeComponent }.map(summary)
        #expect(
            moves == [
                "upgrade-component istio 1.24.6→1.29.9 due 2025-05-25",
                "upgrade-component istio 1.29.9→1.30.9 due 2026-09-30",
            ])
    }

    @Test func aComponentThatDoesNotRunOnACurrentClusterGetsAStepAndAWarning() throws {
        let plan = F.plan([
            F.customer(
                production: [F.cluster("a", "1.36", components: ["calico": "3.30.2"])],
                staging: [F.cluster("s", "1.36")])
        ])
        let a = try cluster(plan, "a")
        #expect(a.steps.map(summary) == ["upgrade-component calico 3.30.2→3.32.9 due nil"])
        #expect(
            a.warnings == ["calico 3.30.2 does not support Kubernetes 1.36, the cluster's minor (Kubernetes 1.31–1.35)"]
        )
        #expect(a.status == .current)
    }

    // 4. Worker nodes follow both clocks.
    @Test func nodesBehindACurrentControlPlaneAreDueByTheReleaseClockToo() throws {
        let plan = F.plan([
            F.customer(production: [F.cluster("a", "1.36", nodes: "1.34")], staging: [F.cluster("s", "1.36")])
        ])
        let a = try cluster(plan, "a")
        // 1.35 was released on 2026-01-28: nodes on 1.34 were due on 2026-05-28 (R2, in place),
        // not 2027-04-01 (1.34's end of life plus 120 days).
        #expect(a.steps.map(summary) == ["upgrade-nodes 1.34→1.36 due 2026-05-28"])
        #expect(a.status == .overdue)
        // The support window keeps its literal reading: the control plane's minor is in it.
        #expect(a.slaReasons.isEmpty)
    }

    // 5. A planned minor is not current.
    @Test func aClusterOnAPlannedMinorIsNotCurrent() throws {
        let plan = F.plan([F.customer(production: [F.cluster("a", "1.37")], staging: [F.cluster("s", "1.36")])])
        let a = try cluster(plan, "a")
        #expect(a.status == .onTrack)
        #expect(a.slaReasons == [.unreleasedVersion])
        #expect(
            a.warnings == ["Kubernetes 1.37 is not released on EKS on 2026-09-01: the support window does not know it"])
        #expect(a.steps.isEmpty)
    }

    // 6. The end of extended support.
    @Test(arguments: [
        ("1.33", "2026-09-01", "2027-07-29", false), ("1.34", "2026-09-01", nil, false),
        ("1.31", "2026-12-01", "2026-11-26", true),
    ])
    func theEndOfExtendedSupportIsShownOncePastStandardSupport(
        _ version: String, _ asOf: String, _ eoes: String?, _ forced: Bool
    ) throws {
        let plan = F.plan(
            [F.customer(production: [F.cluster("a", version)], staging: [F.cluster("s", "1.36")])], asOf: asOf)
        let a = try cluster(plan, "a")
        #expect(a.endOfExtendedSupport?.description == eoes)
        #expect(a.warnings.contains { $0.hasPrefix("past the end of extended support") } == forced)
    }

    // 7. firstDue: the earliest due date of anything on the cluster.
    @Test func firstDueIsTheEarliestDueOfTheClusterAndItsSteps() throws {
        let plan = F.plan([
            F.customer(production: [F.cluster("a", "1.36", nodes: "1.34")], staging: [F.cluster("s", "1.36")])
        ])
        let a = try cluster(plan, "a")
        #expect(a.nextDue?.description == "2027-11-30")
        #expect(a.firstDue?.description == "2026-05-28")
    }
}
