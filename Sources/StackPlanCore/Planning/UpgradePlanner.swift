/// Plans every cluster of an inventory against a catalog on a date.
///
/// Pure: the same catalog, inventory and date always give the same plan.
public struct UpgradePlanner: Sendable {
    public let catalog: Catalog
    public let asOf: CalendarDay
    /// The zones maintenance windows and pods name (from the edges: the core reads no tz data).
    public let zones: [String: any TimeZoneRules]

    /// How the clusters' paths are built: in order (the default), or in slices at the same time.
    /// The plan is the same either way.
    public let parallelism: Parallelism

    public init(
        catalog: Catalog, asOf: CalendarDay, zones: [String: any TimeZoneRules] = [:],
        parallelism: Parallelism = .serial
    ) {
        self.catalog = catalog
        self.asOf = asOf
        self.zones = zones
        self.parallelism = parallelism
    }

    /// The plan for `inventory`, optionally reduced to one customer. The whole inventory is always
    /// scheduled, so a customer's windows are the same as in the fleet plan (pods are shared).
    ///
    /// With `compare`, every cluster behind its target also gets both strategies compared.
    public func plan(_ inventory: Inventory, customer only: String? = nil, compare: Bool = false) -> UpgradePlan {
        let policy = catalog.policy
        var contexts = PlatformContexts()
        for platform in catalog.platforms {
            contexts.set(
                PlatformContext(platform: platform, asOf: asOf, supportedMinors: policy.supportedMinors),
                for: platform.id)
        }
        let customers = inventory.customers
        let qualification = customers.map { Qualification($0).qualified }
        let starts = Self.starts(of: customers, contexts: contexts)
        var plans = paths(of: customers, starts: starts, qualification: qualification, contexts: contexts)
        var scheduler = PlanScheduler(policy: policy, asOf: asOf)
        scheduler.zones = zones
        let podZones = Dictionary(inventory.pods.map { ($0.id, $0.zone) }) { first, _ in first }
        var byPod: [String: [Int]] = [:]
        for index in customers.indices {
            let customer = customers[index]
            byPod[customer.pod, default: []].append(contentsOf: starts[index]..<starts[index + 1])
            guard
                !customer.maintenanceWindows.isEmpty
                    || customer.environments.contains(where: { $0.maintenanceWindows != nil })
            else { continue }
            scheduler.calendars[customer.id] = CustomerCalendar(
                windows: customer.maintenanceWindows,
                environmentWindows: Dictionary(
                    customer.environments.compactMap { environment in
                        environment.maintenanceWindows.map { (environment.name, $0) }
                    }
                ) { first, _ in first },
                freezes: customer.freezes, podZone: podZones[customer.pod] ?? nil)
        }
        scheduler.schedule(
            &plans, byPod: byPod,
            capacities: Dictionary(inventory.pods.map { ($0.id, $0.upgradesPerWeek) }) { first, _ in first },
            parallelism: parallelism)
        let summaries = statuses(&plans, of: customers, starts: starts, qualification: qualification)
        if compare {
            self.compare(
                &plans, inventory: inventory, builder: pathBuilder(), scheduler: scheduler, contexts: contexts,
                only: only)
        }
        guard let only else {
            return UpgradePlan(asOf: asOf, catalogVersion: catalog.version, clusters: plans, customers: summaries)
        }
        return UpgradePlan(
            asOf: asOf, catalogVersion: catalog.version, clusters: plans.filter { $0.customer == only },
            customers: summaries.filter { $0.id == only })
    }

    /// Sets every plan's status by the status rule (in place: no plan is copied) and sums them up
    /// per customer, slices of customers at the same time.
    func statuses(
        _ plans: inout [ClusterPlan], of customers: [Customer], starts: [Int], qualification: [Bool]
    ) -> [CustomerSummary] {
        let slices = customerSlices(starts: starts)
        return plans.withUnsafeMutableBufferPointer { buffer in
            let result = DisjointBuffer(base: buffer)
            return parallelism.map(slices.count) { slice in
                slices[slice].map { index in
                    let plans = result.slice(starts[index]..<starts[index + 1])
                    var (overdue, atRisk) = (0, 0)
                    for plan in plans.indices {
                        plans[plan].status = status(of: plans[plan])
                        if plans[plan].status == .overdue { overdue += 1 }
                        if plans[plan].status == .atRisk { atRisk += 1 }
                    }
                    return CustomerSummary(
                        id: customers[index].id, name: customers[index].name, qualified: qualification[index],
                        clusters: plans.count, overdue: overdue, atRisk: atRisk)
                }
            }.flatMap { $0 }
        }
    }

    /// The status rule, first match wins.
    func status(of plan: borrowing ClusterPlan) -> ClusterStatus {
        if let nextDue = plan.nextDue, nextDue < asOf { return .overdue }
        // Projected steps are estimates: they never make a cluster overdue or at risk.
        if plan.steps.contains(where: { step in !step.projected && step.due.map { $0 < asOf } ?? false }) {
            return .overdue
        }
        if plan.steps.contains(where: { $0.isAtRisk(on: asOf, margin: catalog.policy.atRiskWithinDays) }) {
            return .atRisk
        }
        if let target = plan.target, plan.cluster.minor == target { return .current }
        return .onTrack
    }
}
