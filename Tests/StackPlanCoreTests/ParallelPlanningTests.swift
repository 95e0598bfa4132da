import Dispatch
import Testing

@testable import StackPlanCore

@Suite("Planning in slices of customers and by pod")
struct ParallelPlanningTests {
    private let asOf = day("2026-09-01")

    /// Runs the slices last to first: a plan that depended on the order of the work would differ.
    private static let backwards = Parallelism(width: 3) { count, body in
        for index in (0..<count).reversed() { body(index) }
    }

    /// Real threads, as `stackplan plan --jobs` uses.
    private static let threads = Parallelism(width: 4) { count, body in
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    @Test(arguments: [3, 11] as [UInt64])
    func theSlicedPlanIsTheSerialPlan(_ seed: UInt64) {
        let catalog = PlannerFixture.catalog
        let fleet = Self.withWindows(FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: 150, seed: seed))
        let zones: [String: any TimeZoneRules] = ["America/Chicago": ZoneRules.named("America/Chicago") ?? .pacific]
        let serial = UpgradePlanner(catalog: catalog, asOf: asOf, zones: zones).plan(fleet, compare: true)
        for parallelism in [Self.backwards, Self.threads] {
            let sliced = UpgradePlanner(catalog: catalog, asOf: asOf, zones: zones, parallelism: parallelism).plan(
                fleet, compare: true)
            #expect(sliced == serial)
        }
        #expect(serial.clusters.count == fleet.customers.flatMap(\.environments).flatMap(\.clusters).count)
        // What the slices and pods share out is really there: the gate within a customer, several
        // pods to schedule, windows, statuses.
        let steps = serial.clusters.flatMap(\.steps)
        #expect(steps.contains { $0.reason.hasPrefix("production follows non-production") })
        #expect(Set(fleet.customers.map(\.pod)).count > 1)
        #expect(steps.contains { $0.window != nil } && steps.contains { $0.plannedStart != nil && $0.window == nil })
        #expect(steps.contains { $0.scheduleRisk?.freeze != nil })
        #expect(Set(serial.clusters.map(\.status)).count > 2)
    }

    /// Every third customer of `fleet` gets Sunday windows, and every sixth a freeze this autumn
    /// as well: the scheduler then places those customers' steps in windows, the others' in days.
    private static func withWindows(_ fleet: Inventory) -> Inventory {
        let sunday = MaintenanceWindow(days: [7], start: 7200, duration: 4 * 3600, zone: "America/Chicago")
        let freeze = Freeze(from: day("2026-10-01"), until: day("2026-11-15"), reason: "season")
        let customers = fleet.customers.indices.map { index in
            let customer = fleet.customers[index]
            guard index % 3 == 0 else { return customer }
            return Customer(
                id: customer.id, name: customer.name, pod: customer.pod, monthlyFee: customer.monthlyFee,
                environments: customer.environments, maintenanceWindows: [sunday],
                freezes: index % 6 == 0 ? [freeze] : [])
        }
        return Inventory(pods: fleet.pods, customers: customers)
    }

    /// `map` gives each index's result in index order however the calls were run, and nothing
    /// for no work.
    @Test func mapKeepsIndexOrder() {
        for parallelism in [Parallelism.serial, Self.backwards, Self.threads] {
            #expect(parallelism.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
            #expect(parallelism.map(0) { $0 }.isEmpty)
            #expect(parallelism.map(3) { $0 == 1 ? nil : String($0) } == ["0", nil, "2"])
        }
    }

    @Test func anEmptyInventoryPlansNothing() {
        let plan = UpgradePlanner(catalog: PlannerFixture.catalog, asOf: asOf, parallelism: Self.threads).plan(
            Inventory(pods: [], customers: []))
        #expect(plan.clusters.isEmpty && plan.customers.isEmpty)
    }

    @Test(arguments: [1, 2, 4, 8, 64] as [Int])
    func slicesCoverEveryCustomerOnceInOrder(_ count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        for customers in [1, 2, 5, 40] {
            // Cluster counts per customer, zero included (a customer on no catalog platform).
            var starts = [0]
            for _ in 0..<customers { starts.append(starts[starts.count - 1] + Int.random(in: 0...9, using: &random)) }
            let slices = UpgradePlanner.slices(starts: starts, count: count)
            #expect(slices.count <= count)
            #expect(slices.allSatisfy { !$0.isEmpty })
            #expect(slices.flatMap { Array($0) } == Array(0..<customers))
        }
        #expect(UpgradePlanner.slices(starts: [0], count: count).isEmpty)
    }
}
