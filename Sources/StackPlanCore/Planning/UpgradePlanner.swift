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
        var contexts: [String: PlatformContext] = [:]
        for platform in catalog.platforms {
            contexts[platform.id] = PlatformContext(
                platform: platform, asOf: asOf, supportedMinors: policy.supportedMinors)
        }
        let customers = inventory.customers
        let qualification = customers.map { Qualification($0).qualified }
        var plans = paths(of: customers, qualification: qualification, contexts: contexts)
        NonProductionGate.apply(&plans)
        var scheduler = PlanScheduler(policy: policy, asOf: asOf)
        scheduler.zones = zones
        let podZones = Dictionary(inventory.pods.map { ($0.id, $0.zone) }) { first, _ in first }
        for customer in customers
        where !customer.maintenanceWindows.isEmpty
            || customer.environments.contains(where: { $0.maintenanceWindows != nil })
        {
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
            &plans, pods: Dictionary(inventory.pods.map { ($0.id, $0.upgradesPerWeek) }) { first, _ in first },
            podOf: Dictionary(customers.map { ($0.id, $0.pod) }) { first, _ in first })
        for index in plans.indices { updateStatus(&plans[index]) }
        if compare {
            self.compare(
                &plans, inventory: inventory, builder: pathBuilder(), scheduler: scheduler, contexts: contexts,
                only: only)
        }
        var counts: [String: (clusters: Int, overdue: Int, atRisk: Int)] = [:]
        // By index: iterating the plans themselves would copy each one.
        for index in plans.indices {
            let status = plans[index].status
            counts[plans[index].customer, default: (0, 0, 0)].clusters += 1
            if status == .overdue { counts[plans[index].customer, default: (0, 0, 0)].overdue += 1 }
            if status == .atRisk { counts[plans[index].customer, default: (0, 0, 0)].atRisk += 1 }
        }
        let summaries = customers.indices.map { index in
            let customer = customers[index]
            let count = counts[customer.id] ?? (0, 0, 0)
            return CustomerSummary(
                id: customer.id, name: customer.name, qualified: qualification[index],
                clusters: count.clusters, overdue: count.overdue, atRisk: count.atRisk)
        }
        guard let only else {
            return UpgradePlan(asOf: asOf, catalogVersion: catalog.version, clusters: plans, customers: summaries)
        }
        return UpgradePlan(
            asOf: asOf, catalogVersion: catalog.version, clusters: plans.filter { $0.customer == only },
            customers: summaries.filter { $0.id == only })
    }

    /// Sets `plan.status` by the status rule (in place: the plan is not copied).
    func updateStatus(_ plan: inout ClusterPlan) {
        plan.status = status(of: plan)
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
