import Testing

@testable import StackPlanCore

@Suite("Release projection")
struct ReleaseProjectionTests {
    private func upstream(_ cycle: String, _ released: String, eol: String?, planned: Bool = false) -> KubernetesRelease
    {
        KubernetesRelease(
            cycle: StackPlanCoreTests.cycle(cycle), releaseDate: day(released), eol: eol.map { day($0) },
            planned: planned,
            source: "test")
    }

    // The shipped upstream calendar: 1.32 2024-12-11, 1.33 2025-04-23, 1.34 2025-08-27,
    // 1.35 2025-12-17, 1.36 2026-04-22, 1.37 2026-08-26 (planned). Intervals 133, 126, 112, 126,
    // 126 days: median 126, so 1.38 comes about 2026-12-30 and 1.39 about 2027-05-05.
    private var known: [KubernetesRelease] {
        [
            upstream("1.31", "2024-08-13", eol: "2025-11-11"), upstream("1.32", "2024-12-11", eol: "2026-02-28"),
            upstream("1.33", "2025-04-23", eol: "2026-06-28"), upstream("1.34", "2025-08-27", eol: "2026-10-27"),
            upstream("1.35", "2025-12-17", eol: "2027-02-28"), upstream("1.36", "2026-04-22", eol: "2027-06-28"),
            upstream("1.37", "2026-08-26", eol: nil, planned: true),
        ]
    }

    @Test func upstreamMinorsFollowTheMedianInterval() {
        let projected = ReleaseProjection.upstream(known, through: day("2027-06-30"))
        #expect(projected.map(\.cycle.text) == ["1.38", "1.39"])
        #expect(projected.map(\.releaseDate.description) == ["2026-12-30", "2027-05-05"])
        #expect(projected.allSatisfy { $0.projected })
        // eol: median of release-to-eol over the last six released minors (1.31–1.36): 432 days.
        #expect(projected.first?.eol?.description == "2028-03-06")
    }

    @Test func aPlatformFollowsUpstreamWithItsMedianLag() {
        let fixture = PlannerFixture.catalog.platforms[0]
        let eks = Platform(
            id: fixture.id, name: fixture.name, component: nil, releases: fixture.releases.filter { !$0.planned })
        let all = known + ReleaseProjection.upstream(known, through: day("2027-12-31"))
        let projected = ReleaseProjection.platform(eks, upstream: all, through: day("2027-06-30"))
        // EKS lags upstream by a median of 41 days over 1.31–1.36: 1.37 about 2026-10-06.
        #expect(projected.first?.cycle.text == "1.37")
        #expect(projected.first?.releaseDate.description == "2026-10-06")
        #expect(projected.allSatisfy { $0.projected && !ReleaseCalendar.isReleased($0, on: day("2030-01-01")) })
    }

    @Test func projectedStepsNeverChangeStatusNextDueOrCoverage() throws {
        let customers = [
            PlannerFixture.customer(
                production: [PlannerFixture.cluster("a", "1.35"), PlannerFixture.cluster("b", "1.36")],
                staging: [PlannerFixture.cluster("s", "1.36")])
        ]
        let asOf = day("2026-09-01")
        let plain = UpgradePlanner(catalog: PlannerFixture.catalog, asOf: asOf).plan(
            Inventory(pods: [Pod(id: "pod", upgradesPerWeek: 10)], customers: customers))
        let catalog = Catalog(
            version: PlannerFixture.catalog.version, title: "t", dataAsOf: asOf, categories: [], kubernetes: known,
            platforms: PlannerFixture.catalog.platforms, components: []
        ).withProjections(through: day("2027-09-01"))
        let projected = UpgradePlanner(catalog: catalog, asOf: asOf).plan(
            Inventory(pods: [Pod(id: "pod", upgradesPerWeek: 10)], customers: customers))
        for (before, after) in zip(plain.clusters, projected.clusters) {
            #expect(before.status == after.status)
            #expect(before.nextDue == after.nextDue)
            #expect(before.firstDue == after.firstDue)
            #expect(before.slaReasons == after.slaReasons)
            #expect(after.steps.filter { !$0.projected }.map(\.to) == before.steps.map(\.to))
        }
        let extra = projected.clusters.flatMap(\.steps).filter(\.projected)
        #expect(!extra.isEmpty)
        for step in extra {
            #expect(step.plannedStart.map { start in step.notBefore.map { start >= $0 } ?? false } ?? false)
        }
    }
}
