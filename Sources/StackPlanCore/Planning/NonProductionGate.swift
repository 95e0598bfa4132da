/// Production never moves before non-production (R7): a production step to minor M is blocked
/// when one of the customer's non-production clusters on the same platform cannot reach M
/// (its own path is blocked before M). The scheduler then places the steps that may go.
enum NonProductionGate {
    /// Blocks, in place, the production steps whose non-production counterparts cannot get there.
    static func apply(_ plans: inout [ClusterPlan]) {
        var reach: [PlanScheduler.NonProductionKey: [(cluster: String, minor: VersionNumber)]] = [:]
        // By index: iterating the plans themselves would copy each one.
        for index in plans.indices where plans[index].kind == .nonProduction {
            var highest = plans[index].cluster.minor
            for step in plans[index].steps where step.action.movesControlPlane && !step.blocked {
                if let minor = step.minor, highest < minor { highest = minor }
            }
            reach[PlanScheduler.NonProductionKey(plans, at: index), default: []].append(
                (plans[index].cluster.name, highest))
        }
        guard !reach.isEmpty else { return }
        for index in plans.indices where plans[index].kind == .production {
            guard let others = reach[PlanScheduler.NonProductionKey(plans, at: index)] else { continue }
            // The first step that cannot go is the cause; the steps after it wait for it.
            for step in plans[index].steps.indices {
                let item = plans[index].steps[step]
                guard item.action != .upgradeComponent, !item.blocked, let minor = item.minor,
                    let short = others.first(where: { $0.minor < minor })
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
