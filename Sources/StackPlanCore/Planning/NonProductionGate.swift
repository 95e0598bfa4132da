/// Production never moves before non-production (R7): a production step to minor M is blocked
/// when one of the customer's non-production clusters on the same platform cannot reach M
/// (its own path is blocked before M). The scheduler then places the steps that may go.
enum NonProductionGate {
    /// Blocks, in place, the production steps of one customer's plans whose non-production
    /// counterparts cannot get there. `plans` are all of that customer's plans and no others (a
    /// customer's plans are consecutive in a fleet plan), so customers can be gated at the same time.
    static func apply(toCustomer plans: UnsafeMutableBufferPointer<ClusterPlan>) {
        // Each non-production cluster's highest reachable minor, in inventory order (a customer
        // has a handful of clusters: a list beats a dictionary).
        var reach: [(platform: String, cluster: String, minor: VersionNumber)] = []
        for index in plans.indices where plans[index].kind == .nonProduction {
            var highest = plans[index].cluster.minor
            // Steps are read in place, by index: iterating them would copy each one.
            for step in plans[index].steps.indices
            where plans[index].steps[step].action.movesControlPlane && !plans[index].steps[step].blocked {
                if let minor = plans[index].steps[step].minor, highest < minor { highest = minor }
            }
            reach.append((plans[index].cluster.platform, plans[index].cluster.name, highest))
        }
        guard !reach.isEmpty else { return }
        for index in plans.indices where plans[index].kind == .production {
            let platform = plans[index].cluster.platform
            guard reach.contains(where: { $0.platform == platform }) else { continue }
            // The first step that cannot go is the cause; the steps after it wait for it.
            for step in plans[index].steps.indices {
                guard plans[index].steps[step].action != .upgradeComponent, !plans[index].steps[step].blocked,
                    let minor = plans[index].steps[step].minor,
                    let short = reach.first(where: { $0.platform == platform && $0.minor < minor })
                else { continue }
                plans[index].steps[step].blocked = true
                plans[index].steps[step].reason =
                    "production follows non-production: \(short.cluster) cannot reach Kubernetes \(minor) "
                    + "(its path stops at \(short.minor))"
                ClusterPathBuilder.propagateBlocks(&plans[index].steps)
                break
            }
        }
    }
}
