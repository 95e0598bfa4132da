/// The first stage of planning: each cluster's path and due dates, before the non-production gate
/// and the schedule. Clusters do not depend on each other here, so slices of the fleet may be
/// built at the same time (``UpgradePlanner/parallelism``); each plan goes to its place in
/// inventory order, so the result does not depend on how the work was shared.
extension UpgradePlanner {
    /// A path builder with its own release cache (the cache is not shared between threads).
    func pathBuilder() -> ClusterPathBuilder {
        ClusterPathBuilder(catalog: catalog, policy: catalog.policy, asOf: asOf, chooser: ReleaseChooser(asOf: asOf))
    }

    /// One plan per cluster on a catalog platform, in inventory order.
    func paths(
        of customers: [Customer], qualification: [Bool], contexts: [String: PlatformContext]
    ) -> [ClusterPlan] {
        let starts = Self.starts(of: customers, contexts: contexts)
        let total = starts[customers.count]
        let slices = Self.slices(starts: starts, count: parallelism.width == 1 ? 1 : parallelism.width * 4)
        // Sized once and filled in place: growing by doubling would hold the old and new storage
        // at the same time.
        return [ClusterPlan](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress.map(DisjointWrites.init) else { return }
            parallelism.forEach(slices.count) { slice in
                let builder = pathBuilder()
                var reasons = StringInterner()
                var next = base.start + starts[slices[slice].lowerBound]
                for index in slices[slice] {
                    let customer = customers[index]
                    for environment in customer.environments {
                        for cluster in environment.clusters {
                            guard let platform = contexts[cluster.platform] else { continue }
                            var plan = builder.plan(
                                customer: customer, environment: environment, cluster: cluster,
                                qualified: qualification[index], platform: platform)
                            reasons.intern(reasonsOf: &plan.steps)
                            next.initialize(to: consume plan)
                            next += 1
                        }
                    }
                }
            }
            initialized = total
        }
    }

    /// Where each customer's plans start in the result of `paths` (the clusters before it on a
    /// catalog platform), then the total.
    static func starts(of customers: [Customer], contexts: [String: PlatformContext]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(customers.count + 1)
        var total = 0
        for customer in customers {
            starts.append(total)
            for environment in customer.environments {
                total += environment.clusters.count { contexts[$0.platform] != nil }
            }
        }
        starts.append(total)
        return starts
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

/// The result buffer shared by the slices of `paths`: each slice initializes only its own
/// customers' plans, a range no other slice touches, so the writes never overlap.
private struct DisjointWrites: @unchecked Sendable {
    let start: UnsafeMutablePointer<ClusterPlan>
}
