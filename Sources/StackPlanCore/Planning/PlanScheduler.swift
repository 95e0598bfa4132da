/// Places plan steps on the calendar (rule R7): per pod, within its weekly capacity, earliest due
/// date first, never before the date; within a customer non-production first, and a production
/// step to minor M only after the soak that follows the customer's non-production clusters of
/// the same platform reaching or passing M (whatever their strategies).
struct PlanScheduler {
    let policy: Policy
    let asOf: CalendarDay
    /// Each customer's maintenance windows, freezes and pod zone, by customer id; customers
    /// without windows are scheduled in whole days.
    var calendars: [String: CustomerCalendar] = [:]
    /// The zones windows and pods name.
    var zones: [String: any TimeZoneRules] = [:]

    /// Schedules every unblocked step of `plans` in place. `byPod` gives each pod's plans (every
    /// plan in one pod, a customer's plans all in its pod), `capacities` each pod's weekly capacity.
    /// Pods share nothing, so they are scheduled at the same time when `parallelism` allows.
    func schedule(
        _ plans: inout [ClusterPlan], byPod: [String: [Int]], capacities: [String: Int],
        parallelism: Parallelism = .serial
    ) {
        let pods = byPod.keys.sorted()
        // The day after each plan's last placed step, by plan index.
        var nextStart = [CalendarDay?](repeating: nil, count: plans.count)
        plans.withUnsafeMutableBufferPointer { plans in
            nextStart.withUnsafeMutableBufferPointer { nextStart in
                let (plans, nextStart) = (DisjointBuffer(base: plans), DisjointBuffer(base: nextStart))
                parallelism.forEach(pods.count) { pod in
                    schedule(
                        plans.base, indices: byPod[pods[pod]] ?? [], capacity: max(1, capacities[pods[pod]] ?? 1),
                        nextStart: nextStart.base)
                }
            }
        }
    }

    /// A step whose predecessors are placed. Ties on the due date go in inventory order.
    private struct Ready {
        let plan: Int
        let step: Int
        let due: Int
    }

    /// One pod's plans (`indices`): only those elements of `plans` and `nextStart` are touched.
    private func schedule(
        _ plans: UnsafeMutableBufferPointer<ClusterPlan>, indices: [Int], capacity: Int,
        nextStart: UnsafeMutableBufferPointer<CalendarDay?>
    ) {
        var slots = WeekSlots(capacity: capacity)
        var heap = BinaryHeap<Ready> { lhs, rhs in
            (lhs.due, lhs.plan, lhs.step) < (rhs.due, rhs.plan, rhs.step)
        }
        // By customer id, hashed by its fingerprint (``FingerprintKey``).
        var pendingNonProduction: [FingerprintKey: Int] = [:]
        var heldProduction: [FingerprintKey: [Int]] = [:]
        var nonProduction: [NonProductionKey: [Int]] = [:]

        func push(_ plan: Int, _ step: Int) {
            heap.push(Ready(plan: plan, step: step, due: plans[plan].steps[step].due?.dayNumber ?? Int.max))
        }
        func finished(_ plan: Int) {
            guard plans[plan].kind == .nonProduction else { return }
            let customer = FingerprintKey(plans[plan].customer)
            pendingNonProduction[customer, default: 0] -= 1
            if pendingNonProduction[customer] == 0 {
                for held in heldProduction.removeValue(forKey: customer) ?? [] { start(held) }
            }
        }
        func start(_ plan: Int) {
            if let first = plans[plan].steps.indices.first(where: { !plans[plan].steps[$0].blocked }) {
                push(plan, first)
            } else {
                finished(plan)
            }
        }

        for plan in indices where plans[plan].kind == .nonProduction {
            pendingNonProduction[FingerprintKey(plans[plan].customer), default: 0] += 1
            nonProduction[NonProductionKey(plans, at: plan), default: []].append(plan)
        }
        for plan in indices {
            let customer = FingerprintKey(plans[plan].customer)
            if plans[plan].kind == .production, pendingNonProduction[customer, default: 0] > 0 {
                heldProduction[customer, default: []].append(plan)
            } else {
                start(plan)
            }
        }
        while let ready = heap.pop() {
            let plan = ready.plan
            // The step is read and written in place: a copy would retain and release its texts.
            let action = plans[plan].steps[ready.step].action
            var earliest = max(asOf, nextStart[plan] ?? asOf, plans[plan].steps[ready.step].notBefore ?? asOf)
            if plans[plan].kind == .production, action != .upgradeComponent,
                let minor = plans[plan].steps[ready.step].minor,
                let soaked = Self.reached(minor, by: nonProduction[NonProductionKey(plans, at: plan)] ?? [], in: plans)
            {
                earliest = max(earliest, soaked.adding(days: policy.soakDays + 1))
            }
            let begin: CalendarDay
            if let finder = finder(customer: plans[plan].customer, environment: plans[plan].environment) {
                let usesCapacity = action.usesPodCapacity
                let (found, freeze) = finder.first(
                    from: earliest, duration: policy.durations.days(for: action),
                    hasRoom: { usesCapacity ? slots.hasRoom(on: $0, asOf: asOf) : true })
                let due = plans[plan].steps[ready.step].due
                if found == nil || due.map({ found?.day ?? $0 > $0 }) == true {
                    plans[plan].steps[ready.step].scheduleRisk = ScheduleRisk(freeze: freeze)
                }
                guard let found else {
                    // No window at all within two years: the step and those after it stay unscheduled.
                    finished(plan)
                    continue
                }
                if usesCapacity { slots.reserve(on: found.day, asOf: asOf) }
                plans[plan].steps[ready.step].window = found.window
                begin = found.day
            } else {
                begin = action.usesPodCapacity ? slots.take(from: earliest, asOf: asOf) : earliest
            }
            plans[plan].steps[ready.step].plannedStart = begin
            plans[plan].steps[ready.step].plannedEnd = begin.adding(days: policy.durations.days(for: action) - 1)
            nextStart[plan] = begin.adding(days: policy.durations.days(for: action))
            if let next = plans[plan].steps.indices.first(where: { $0 > ready.step && !plans[plan].steps[$0].blocked })
            {
                push(plan, next)
            } else {
                finished(plan)
            }
        }
    }
}

/// A customer's scheduling constraints.
struct CustomerCalendar {
    let windows: [MaintenanceWindow]
    /// Environment name → its own windows (overriding the customer's).
    let environmentWindows: [String: [MaintenanceWindow]]
    let freezes: [Freeze]
    let podZone: String?
}

extension PlanScheduler {
    /// The window finder for the steps of a cluster in `environment` of `customer`, `nil` when the
    /// customer has no windows there.
    func finder(customer: String, environment: String) -> WindowFinder? {
        // Most fleets name no windows: no customer id to hash then.
        guard !calendars.isEmpty, let calendar = calendars[customer] else { return nil }
        let windows = calendar.environmentWindows[environment] ?? calendar.windows
        guard !windows.isEmpty else { return nil }
        let podZone =
            calendar.podZone.flatMap { zones[$0] } ?? zones[policy.serviceLevels.businessHours.zone.identifier]
            ?? policy.serviceLevels.businessHours.zone
        return WindowFinder(
            windows: windows, freezes: calendar.freezes, environment: environment, holidays: policy.holidays,
            podZone: podZone, zones: zones)
    }

    /// Non-production clusters of one customer on one platform.
    struct NonProductionKey: Hashable {
        let customer: String
        let platform: String

        /// Both ids by their fingerprints (``TextFingerprint``); equality compares them whole.
        func hash(into hasher: inout Hasher) {
            hasher.combine(TextFingerprint.of(customer))
            hasher.combine(TextFingerprint.of(platform))
        }

        /// The key of `plans[index]` (read in place: taking the plan out of the array would copy it).
        init(_ plans: UnsafeMutableBufferPointer<ClusterPlan>, at index: Int) {
            customer = plans[index].customer
            platform = plans[index].cluster.platform
        }
    }

    /// The last day on which every non-production cluster in `plans` at `indices` has its control
    /// plane on `minor` or later: the planned end of each one's first control-plane step reaching
    /// it. `nil` when all of them are there already (nothing to wait for). Called once they are
    /// all scheduled; a cluster that never reaches `minor` blocked the production step beforehand
    /// (`NonProductionGate`).
    static func reached(
        _ minor: VersionNumber, by indices: [Int], in plans: UnsafeMutableBufferPointer<ClusterPlan>
    ) -> CalendarDay? {
        var latest: CalendarDay?
        for index in indices where plans[index].cluster.minor < minor {
            // By index: steps are read in place, not copied out.
            let steps = plans[index].steps
            let step = steps.indices.first { step in
                steps[step].action.movesControlPlane && steps[step].minor.map { !($0 < minor) } ?? false
            }
            guard let end = step.flatMap({ steps[$0].plannedEnd }) else { continue }
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

    /// Whether the week holding `day` has a free slot.
    mutating func hasRoom(on day: CalendarDay, asOf: CalendarDay) -> Bool {
        let week = max(0, asOf.days(until: day) / 7)
        grow(to: week + 1)
        return used[week] < capacity
    }

    /// Takes a slot in the week holding `day` (checked free with `hasRoom`).
    mutating func reserve(on day: CalendarDay, asOf: CalendarDay) {
        let week = max(0, asOf.days(until: day) / 7)
        grow(to: week + 1)
        used[week] += 1
        if used[week] >= capacity { next[week] = week + 1 }
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
