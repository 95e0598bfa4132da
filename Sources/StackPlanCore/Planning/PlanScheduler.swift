/// Places plan steps on the calendar (rule R7): per pod, within its weekly capacity, earliest due
/// date first, never before the date; within a customer non-production first, and a production
/// step to minor M only after the soak that follows the customer's non-production clusters of
/// the same platform reaching or passing M (whatever their strategies).
struct PlanScheduler {
    let policy: Policy
    let asOf: CalendarDay

    /// Schedules every unblocked step of `plans` in place. `pods` gives each pod's weekly capacity.
    func schedule(_ plans: inout [ClusterPlan], pods: [String: Int], podOf: [String: String]) {
        var byPod: [String: [Int]] = [:]
        for index in plans.indices {
            byPod[podOf[plans[index].customer] ?? "", default: []].append(index)
        }
        for pod in byPod.keys.sorted() {
            schedule(&plans, indices: byPod[pod] ?? [], capacity: max(1, pods[pod] ?? 1))
        }
    }

    /// A step whose predecessors are placed. Ties on the due date go in inventory order.
    private struct Ready {
        let plan: Int
        let step: Int
        let due: Int
    }

    private func schedule(_ plans: inout [ClusterPlan], indices: [Int], capacity: Int) {
        var slots = WeekSlots(capacity: capacity)
        var heap = BinaryHeap<Ready> { lhs, rhs in
            (lhs.due, lhs.plan, lhs.step) < (rhs.due, rhs.plan, rhs.step)
        }
        var pendingNonProduction: [String: Int] = [:]
        var heldProduction: [String: [Int]] = [:]
        var nonProduction: [NonProductionKey: [Int]] = [:]
        var nextStart: [Int: CalendarDay] = [:]

        func push(_ plan: Int, _ step: Int) {
            let item = plans[plan].steps[step]
            heap.push(Ready(plan: plan, step: step, due: item.due?.dayNumber ?? Int.max))
        }
        func finished(_ plan: Int) {
            guard plans[plan].kind == .nonProduction else { return }
            let customer = plans[plan].customer
            pendingNonProduction[customer, default: 0] -= 1
            if pendingNonProduction[customer] == 0 {
                for held in heldProduction.removeValue(forKey: customer) ?? [] { start(held) }
            }
        }
        func start(_ plan: Int) {
            if let first = plans[plan].steps.firstIndex(where: { !$0.blocked }) {
                push(plan, first)
            } else {
                finished(plan)
            }
        }

        for plan in indices where plans[plan].kind == .nonProduction {
            pendingNonProduction[plans[plan].customer, default: 0] += 1
            nonProduction[NonProductionKey(plans[plan]), default: []].append(plan)
        }
        for plan in indices {
            if plans[plan].kind == .production, pendingNonProduction[plans[plan].customer, default: 0] > 0 {
                heldProduction[plans[plan].customer, default: []].append(plan)
            } else {
                start(plan)
            }
        }
        while let ready = heap.pop() {
            let plan = ready.plan
            var step = plans[plan].steps[ready.step]
            var earliest = max(asOf, nextStart[plan] ?? asOf, step.notBefore ?? asOf)
            if plans[plan].kind == .production, step.action != .upgradeComponent, let minor = step.minor,
                let soaked = Self.reached(minor, by: nonProduction[NonProductionKey(plans[plan])] ?? [], in: plans)
            {
                earliest = max(earliest, soaked.adding(days: policy.soakDays + 1))
            }
            let begin = step.action.usesPodCapacity ? slots.take(from: earliest, asOf: asOf) : earliest
            step.plannedStart = begin
            step.plannedEnd = begin.adding(days: policy.durations.days(for: step.action) - 1)
            plans[plan].steps[ready.step] = step
            nextStart[plan] = begin.adding(days: policy.durations.days(for: step.action))
            if let next = plans[plan].steps.indices.first(where: { $0 > ready.step && !plans[plan].steps[$0].blocked })
            {
                push(plan, next)
            } else {
                finished(plan)
            }
        }
    }
}

extension PlanScheduler {
    /// Non-production clusters of one customer on one platform.
    struct NonProductionKey: Hashable {
        let customer: String
        let platform: String

        init(_ plan: borrowing ClusterPlan) {
            customer = plan.customer
            platform = plan.cluster.platform
        }
    }

    /// The last day on which every non-production cluster in `plans` at `indices` has its control
    /// plane on `minor` or later: the planned end of each one's first control-plane step reaching
    /// it. `nil` when all of them are there already (nothing to wait for). Called once they are
    /// all scheduled; a cluster that never reaches `minor` blocked the production step beforehand
    /// (`NonProductionGate`).
    static func reached(_ minor: VersionNumber, by indices: [Int], in plans: [ClusterPlan]) -> CalendarDay? {
        var latest: CalendarDay?
        for index in indices where plans[index].cluster.minor < minor {
            let step = plans[index].steps.first { step in
                step.action.movesControlPlane && step.minor.map { !($0 < minor) } ?? false
            }
            guard let end = step?.plannedEnd else { continue }
            latest = max(latest ?? end, end)
        }
        return latest
    }
}

/// A pod's weekly upgrade slots. Week `k` runs from `asOf + 7k` for seven days.
struct WeekSlots {
    let capacity: Int
    private var used: [Int] = []
    /// Union-find over full weeks: `next[w]` leads to the first week at or after `w` with room.
    private var next: [Int] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Takes a slot in the first week with room that ends on or after `earliest`; returns the start day.
    mutating func take(from earliest: CalendarDay, asOf: CalendarDay) -> CalendarDay {
        let week = findFree(max(0, asOf.days(until: earliest) / 7))
        used[week] += 1
        if used[week] == capacity { next[week] = week + 1 }
        return max(earliest, asOf.adding(days: week * 7))
    }

    private mutating func findFree(_ week: Int) -> Int {
        grow(to: week + 1)
        var root = week
        while next[root] != root {
            root = next[root]
            grow(to: root + 1)
        }
        var cursor = week
        while next[cursor] != cursor {
            let following = next[cursor]
            next[cursor] = root
            cursor = following
        }
        return root
    }

    private mutating func grow(to count: Int) {
        while next.count < count {
            next.append(next.count)
            used.append(0)
        }
    }
}
