/// The first stage of planning: each cluster's path and due dates, and the non-production gate
/// within each customer, before the schedule. Customers do not depend on each other here, so
/// slices of the fleet may be built at the same time (``UpgradePlanner/parallelism``); each plan
/// goes to its place in inventory order, so the result does not depend on how the work was shared.
extension UpgradePlanner {
    /// A path builder with its own release cache (the cache is not shared between threads).
    func pathBuilder() -> ClusterPathBuilder {
        ClusterPathBuilder(catalog: catalog, policy: catalog.policy, asOf: asOf, chooser: ReleaseChooser(asOf: asOf))
    }

    /// One plan per cluster on a catalog platform, in inventory order, each customer's gated;
    /// customer `i`'s plans at `starts[i]..<starts[i + 1]` (``starts(of:contexts:)``).
    func paths(
        of customers: [Customer], starts: [Int], qualification: [Bool], contexts: PlatformContexts
    ) -> [ClusterPlan] {
        let total = starts[customers.count]
        let slices = customerSlices(starts: starts)
        // Sized once and filled in place: growing by doubling would hold the old and new storage
        // at the same time.
        return [ClusterPlan](unsafeUninitializedCapacity: total) { buffer, initialized in
            let result = DisjointBuffer(base: buffer)
            parallelism.forEach(slices.count) { slice in
                let builder = pathBuilder()
                var reasons = StringInterner()
                for index in slices[slice] {
                    let customer = customers[index]
                    let plans = result.slice(starts[index]..<starts[index + 1])
                    var next = 0
                    for environment in customer.environments {
                        for cluster in environment.clusters {
                            guard let platform = contexts[cluster.platform] else { continue }
                            plans.initializeElement(
                                at: next,
                                to: builder.plan(
                                    customer: customer, environment: environment, cluster: cluster,
                                    qualified: qualification[index], platform: platform))
                            next += 1
                        }
                    }
                    NonProductionGate.apply(toCustomer: plans)
                    for plan in plans.indices { reasons.intern(reasonsOf: &plans[plan].steps) }
                }
            }
            initialized = total
        }
    }

    /// Where each customer's plans start in the result of `paths` (the clusters before it on a
    /// catalog platform), then the total.
    static func starts(of customers: [Customer], contexts: PlatformContexts) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(customers.count + 1)
        var total = 0
        for customer in customers {
            starts.append(total)
            for environment in customer.environments {
                // By index: a closure over the clusters would copy each one.
                let clusters = environment.clusters
                for index in clusters.indices where contexts[clusters[index].platform] != nil { total += 1 }
            }
        }
        starts.append(total)
        return starts
    }

    /// The slices of customers the work is shared in: four per thread (so a slow one is made up
    /// for), or all of them on one thread.
    func customerSlices(starts: [Int]) -> [Range<Int>] {
        Self.slices(starts: starts, count: parallelism.width == 1 ? 1 : parallelism.width * 4)
    }

    /// Up to `count` consecutive ranges of customers with about the same number of clusters each
    /// (`starts` as in `paths`), none empty, covering every customer.
    static func slices(starts: [Int], count: Int) -> [Range<Int>] {
        let customers = starts.count - 1
        guard customers > 0 else { return [] }
        let total = starts[customers]
        var ranges: [Range<Int>] = []
        var lower = 0
        for slice in 1...count where lower < customers {
            // The first customer whose plans start at or past this slice's share of the total.
            var upper = lower + 1
            let share = total * slice / count
            while upper < customers, starts[upper] < share { upper += 1 }
            if slice == count { upper = customers }
            ranges.append(lower..<upper)
            lower = upper
        }
        return ranges
    }
}
