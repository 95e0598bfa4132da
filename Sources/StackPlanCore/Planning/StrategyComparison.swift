/// One way to bring a cluster to its target, as planned or as estimated.
public struct StrategyAlternative: Hashable, Sendable {
    public let strategy: UpgradeStrategy
    /// Control-plane steps: the hops in place, or the one migration.
    public let steps: Int
    /// Maintenance windows (or days, without windows) the steps take.
    public let windows: Int
    public let firstWindow: CalendarDay?
    /// The last day of the last step; `nil` when blocked or unschedulable.
    public let finishes: CalendarDay?
    /// Whether every step ends by its due date.
    public let meetsDeadlines: Bool
    /// Side-by-side: the days the temporary second cluster runs.
    public let secondClusterDays: Int?
    /// `true` for the strategy in the inventory (scheduled with the fleet); `false` for the
    /// other, estimated alone (the pod's other work is not counted).
    public let planned: Bool
}

/// Both strategies for a cluster behind its target, and which one to take.
public struct StrategyComparison: Hashable, Sendable {
    public let alternatives: [StrategyAlternative]
    public let recommended: UpgradeStrategy
    /// Why, in plain language.
    public let why: String

    /// Picks between `planned` and `other`: the one meeting every deadline; then fewer windows;
    /// then the earlier finish; ties keep the cluster's strategy.
    static func choose(planned: StrategyAlternative, other: StrategyAlternative, freeze: Bool) -> StrategyComparison {
        let name = { (alternative: StrategyAlternative) in alternative.strategy.rawValue }
        let (pick, why): (StrategyAlternative, String)
        if planned.meetsDeadlines != other.meetsDeadlines {
            let winner = planned.meetsDeadlines ? planned : other
            let loser = planned.meetsDeadlines ? other : planned
            (pick, why) = (
                winner,
                "\(name(winner)) meets every deadline; \(name(loser)) would miss one"
                    + (freeze ? " (a freeze is in the way)" : "")
            )
        } else if planned.windows != other.windows {
            let winner = planned.windows < other.windows ? planned : other
            (pick, why) = (
                winner,
                "\(name(winner)) needs fewer windows (\(winner.windows) against "
                    + "\(max(planned.windows, other.windows)))"
                    + (winner.meetsDeadlines ? " and meets every deadline" : "; neither meets every deadline")
            )
        } else if let a = planned.finishes, let b = other.finishes, a != b {
            let winner = a < b ? planned : other
            (pick, why) = (winner, "\(name(winner)) finishes earlier (\(winner.finishes?.description ?? "-"))")
        } else {
            (pick, why) = (planned, "both compare alike: keep the cluster's strategy")
        }
        return StrategyComparison(alternatives: [planned, other], recommended: pick.strategy, why: why)
    }
}

extension UpgradePlanner {
    /// Adds a strategy comparison to every cluster behind its target in `plans` (already scheduled).
    func compare(
        _ plans: inout [ClusterPlan], inventory: Inventory, builder: ClusterPathBuilder, scheduler: PlanScheduler,
        contexts: PlatformContexts, only: String?
    ) {
        let customers = Dictionary(inventory.customers.map { ($0.id, $0) }) { first, _ in first }
        for index in plans.indices {
            let plan = plans[index]
            guard only == nil || plan.customer == only, let target = plan.target, plan.cluster.minor < target,
                let customer = customers[plan.customer],
                let environment = customer.environments.first(where: { $0.name == plan.environment }),
                let platform = contexts[plan.cluster.platform]
            else { continue }
            let planned = alternative(plan.steps, strategy: plan.cluster.strategy, planned: true)
            let flipped = Cluster(
                name: plan.cluster.name, platform: plan.cluster.platform, version: plan.cluster.version,
                nodeVersion: plan.cluster.nodeVersion,
                strategy: plan.cluster.strategy == .inPlace ? .sideBySide : .inPlace,
                components: plan.cluster.components)
            var other = builder.plan(
                customer: customer, environment: environment, cluster: flipped, qualified: plan.qualified,
                platform: platform
            ).steps.filter { !$0.projected }
            estimate(&other, finder: scheduler.finder(customer: plan.customer, environment: plan.environment))
            plans[index].comparison = StrategyComparison.choose(
                planned: planned, other: alternative(other, strategy: flipped.strategy, planned: false),
                freeze: plan.steps.contains { $0.scheduleRisk?.freeze != nil })
        }
    }

    private func alternative(_ steps: [PlanStep], strategy: UpgradeStrategy, planned: Bool) -> StrategyAlternative {
        let moves = steps.filter { $0.action.movesControlPlane && !$0.projected }
        let blocked = moves.contains(where: \.blocked)
        let meets =
            !blocked
            && moves.allSatisfy { step in
                guard let due = step.due else { return true }
                return step.plannedEnd.map { $0 <= due } ?? false
            }
        return StrategyAlternative(
            strategy: strategy, steps: moves.count, windows: moves.count, firstWindow: moves.first?.plannedStart,
            finishes: blocked ? nil : moves.last?.plannedEnd, meetsDeadlines: meets,
            secondClusterDays: strategy == .sideBySide ? catalog.policy.durations.migration : nil, planned: planned)
    }

    /// Places `steps` one after another from the date, in windows when there are any, alone.
    private func estimate(_ steps: inout [PlanStep], finder: WindowFinder?) {
        var next = asOf
        for index in steps.indices where !steps[index].blocked {
            let days = catalog.policy.durations.days(for: steps[index].action)
            let earliest = max(next, steps[index].notBefore ?? next)
            var start = earliest
            if let finder {
                guard let found = finder.first(from: earliest, duration: days, hasRoom: { _ in true }).found else {
                    return
                }
                start = found.day
            }
            steps[index].plannedStart = start
            steps[index].plannedEnd = start.adding(days: days - 1)
            next = start.adding(days: days)
        }
    }
}
