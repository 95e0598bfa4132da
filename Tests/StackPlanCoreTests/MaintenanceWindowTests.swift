import Testing

@testable import StackPlanCore

/// Windows, freezes and holidays shape the schedule (issue 14), with worked instants.
@Suite("Maintenance windows")
struct MaintenanceWindowTests {
    private typealias F = PlannerFixture
    private let chicago = ZoneRules.named("America/Chicago") ?? .pacific

    private func instant(_ text: String) -> Instant { Instant(iso: text) ?? Instant(seconds: 0) }

    @Test func localTimesResolveAcrossDaylightSavingTime() {
        // 2027-03-14: Chicago jumps from 02:00 CST to 03:00 CDT; 02:30 does not exist → 03:30 CDT.
        #expect(chicago.instant(localDay: day("2027-03-14"), secondsOfDay: 9000) == instant("2027-03-14T08:30:00Z"))
        // 2026-11-01: 01:30 happens twice; the first one (CDT, -5) counts.
        #expect(chicago.instant(localDay: day("2026-11-01"), secondsOfDay: 5400) == instant("2026-11-01T06:30:00Z"))
        // An ordinary day.
        #expect(chicago.instant(localDay: day("2026-09-05"), secondsOfDay: 7200) == instant("2026-09-05T07:00:00Z"))
    }

    private func plan(
        windows: [MaintenanceWindow], freezes: [Freeze] = [], asOf: String, capacity: Int = 10,
        production: [Cluster], staging: [Cluster] = []
    ) -> UpgradePlan {
        let base = F.customer(production: production, staging: staging)
        let customer = Customer(
            id: base.id, name: base.name, pod: "pod", monthlyFee: 1, environments: base.environments,
            maintenanceWindows: windows, freezes: freezes)
        return UpgradePlanner(catalog: F.catalog, asOf: day(asOf), zones: ["America/Chicago": chicago]).plan(
            Inventory(pods: [Pod(id: "pod", upgradesPerWeek: capacity, zone: "America/Chicago")], customers: [customer])
        )
    }

    @Test func aStepGetsTheFirstWindowAndItsRealInstants() throws {
        // Sundays 02:30 for 4 hours, Chicago: on 2027-03-14 that is 03:30 CDT (the clocks jump).
        let sunday = MaintenanceWindow(days: [7], start: 9000, duration: 4 * 3600, zone: "America/Chicago")
        let result = plan(windows: [sunday], asOf: "2027-03-08", production: [F.cluster("a", "1.36", nodes: "1.35")])
        let step = try #require(result.clusters.first?.steps.first)
        #expect(step.plannedStart?.description == "2027-03-14")
        #expect(step.window?.start == instant("2027-03-14T08:30:00Z"))
        #expect(step.window?.end == instant("2027-03-14T12:30:00Z"))
        #expect(step.window?.offset == -5 * 3600)
    }

    @Test func aWindowAcrossTheFallBackLastsItsRealHours() throws {
        // Sundays 01:00 for 2 hours on 2026-11-01: 01:00 CDT (06:00Z) to 02:00 CST (08:00Z).
        let sunday = MaintenanceWindow(days: [7], start: 3600, duration: 7200, zone: "America/Chicago")
        let result = plan(windows: [sunday], asOf: "2026-10-26", production: [F.cluster("a", "1.36", nodes: "1.35")])
        let window = try #require(result.clusters.first?.steps.first?.window)
        #expect(window.start == instant("2026-11-01T06:00:00Z") && window.end == instant("2026-11-01T08:00:00Z"))
    }

    @Test func noWorkOnThePodsHolidays() throws {
        // Thursdays 20:00: Thanksgiving, 2026-11-26, is skipped; the step goes on 2026-12-03.
        let thursday = MaintenanceWindow(days: [4], start: 72_000, duration: 3600, zone: "America/Chicago")
        let result = plan(windows: [thursday], asOf: "2026-11-23", production: [F.cluster("a", "1.36", nodes: "1.35")])
        #expect(result.clusters.first?.steps.first?.plannedStart?.description == "2026-12-03")
    }

    @Test func aFreezeBlocksWorkAndNamesItselfWhenADeadlineSlips() throws {
        // 1.35→1.36 is due 2026-09-30. Saturdays only; a freeze over all of September.
        let saturday = MaintenanceWindow(days: [6], start: 7200, duration: 4 * 3600, zone: "America/Chicago")
        let freeze = Freeze(from: day("2026-09-01"), until: day("2026-09-30"), reason: "Quarter close")
        let result = plan(
            windows: [saturday], freezes: [freeze], asOf: "2026-09-01", production: [F.cluster("a", "1.35")])
        let cluster = try #require(result.clusters.first)
        let step = try #require(cluster.steps.first)
        // The first Saturday whose 7-day step span clears the freeze: 2026-10-03.
        #expect(step.plannedStart?.description == "2026-10-03")
        #expect(
            step.scheduleRisk?.description
                == "no-window-before-due: the Quarter close freeze (2026-09-01 to 2026-09-30) is in the way")
        #expect(cluster.status == .atRisk)
        // A freeze of other environments does not apply.
        let staging = Freeze(from: day("2026-09-01"), until: day("2026-09-30"), reason: "r", environments: ["staging"])
        let free = plan(
            windows: [saturday], freezes: [staging], asOf: "2026-09-01", production: [F.cluster("a", "1.35")])
        #expect(free.clusters.first?.steps.first?.plannedStart?.description == "2026-09-05")
    }

    @Test func windowsShortOfCapacityPushWorkOut() throws {
        // One slot a week, Saturday windows, two clusters: the second takes the next Saturday.
        let saturday = MaintenanceWindow(days: [6], start: 7200, duration: 4 * 3600, zone: "America/Chicago")
        let result = plan(
            windows: [saturday], asOf: "2026-09-01", capacity: 1,
            production: [F.cluster("a", "1.35"), F.cluster("b", "1.35")])
        #expect(
            result.clusters.map { $0.steps.first?.plannedStart?.description ?? "-" } == ["2026-09-05", "2026-09-12"])
    }

    @Test func withoutWindowsWholeDaysAsBefore() throws {
        let result = plan(windows: [], asOf: "2026-09-01", production: [F.cluster("a", "1.35")])
        let step = try #require(result.clusters.first?.steps.first)
        #expect(step.window == nil && step.plannedStart?.description == "2026-09-01")
    }
}
