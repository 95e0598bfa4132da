/// Builds one cluster's upgrade path and due dates (rules R2, R3, R5, R6, R8), before scheduling.
struct ClusterPathBuilder {
    let catalog: Catalog
    let policy: Policy
    let asOf: CalendarDay
    let chooser: ReleaseChooser
    /// Step texts made once and shared (one cache per builder, like `chooser`).
    let texts = StepTexts()
    /// The catalog's components by id, boxed: a lookup costs one retain, not one per field.
    let components: [FingerprintKey: ComponentBox]

    init(catalog: Catalog, policy: Policy, asOf: CalendarDay, chooser: ReleaseChooser) {
        self.catalog = catalog
        self.policy = policy
        self.asOf = asOf
        self.chooser = chooser
        self.components = Dictionary(catalog.components.map { (FingerprintKey($0.id), ComponentBox($0)) }) {
            first, _ in first
        }
    }

    func plan(
        customer: Customer, environment: Environment, cluster: Cluster, qualified: Bool, platform: PlatformContext
    ) -> ClusterPlan {
        let current = cluster.minor
        let target = platform.target
        let released = platform.isReleased(current)
        var warnings: [String] = []
        var reasons: [SLAReason] = []
        if !qualified { reasons.append(.notQualified) }
        if !released {
            reasons.append(.unreleasedVersion)
            warnings.append(
                "Kubernetes \(current) is not released on \(platform.platform.name) on \(asOf): "
                    + "the support window does not know it")
        } else if !platform.window.contains(current) {
            reasons.append(.outsideSupportWindow)
        }
        let endOfLife = platform.endOfLife(of: current)
        if let endOfLife, endOfLife <= asOf { reasons.append(.endOfLife) }
        var endOfExtendedSupport: CalendarDay?
        if let endOfLife, endOfLife <= asOf, let eoes = platform.endOfExtendedSupport(of: current) {
            endOfExtendedSupport = eoes
            if eoes <= asOf {
                warnings.append(
                    "past the end of extended support on \(eoes): \(platform.platform.name) has upgraded or will "
                        + "upgrade the control plane by force")
            }
        }

        let hasPath = released && target.map { current < $0 } ?? false
        var installed = InstalledVersions(cluster.components, catalog: components)
        // Every kind of step appended to one array, in order: no array per kind copied into it.
        var steps: [PlanStep] = []
        endOfLifeComponentSteps(
            cluster, target: target ?? current, installed: &installed, warnings: &warnings, into: &steps)
        currentFitSteps(cluster, moving: !hasPath, installed: &installed, warnings: &warnings, into: &steps)
        nodeCatchUp(cluster, platform: platform, warnings: &warnings, into: &steps)
        if hasPath, let target {
            clusterSteps(cluster, to: target, platform: platform, installed: &installed, into: &steps)
        }
        if released, let target {
            projectedSteps(cluster, from: max(current, target), platform: platform, into: &steps)
        }
        Self.propagateBlocks(&steps)
        // Appended one at a time, the steps' array grew by doubling; a fleet plan keeps every
        // cluster's steps, so they are kept in an array of their own size (9 % less memory).
        if steps.capacity > steps.count {
            let grown = steps
            steps = [PlanStep](unsafeUninitializedCapacity: grown.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: grown)
            }
        }

        var nextDue = platform.due(
            leaving: current, releaseDays: policy.releaseDays(for: cluster.strategy),
            endOfLifeDays: policy.endOfLifeDays)
        let waiver = customer.waivers.filter { $0.cluster == cluster.name && $0.until >= asOf }.max {
            $0.until < $1.until
        }
        if let waiver {
            // A waiver only defers: a due date moves to `until` when that is later, never earlier.
            nextDue = nextDue.map { max($0, waiver.until) }
            for index in steps.indices {
                steps[index].due = steps[index].due.map { max($0, waiver.until) }
            }
        }
        return ClusterPlan(
            customer: customer.id, cluster: cluster, environment: environment.name, kind: environment.kind,
            qualified: qualified, slaReasons: reasons, target: target, endOfLife: endOfLife,
            endOfExtendedSupport: endOfExtendedSupport, nextDue: nextDue, status: .onTrack, steps: steps,
            waiver: waiver, warnings: warnings)
    }

    /// R6: worker nodes behind the control plane catch up first, due by the earlier of the release
    /// clock (R2) and the end-of-life clock (R3) applied to the node minor, as the control plane
    /// would be; a lag beyond the skew policy is flagged.
    private func nodeCatchUp(
        _ cluster: Cluster, platform: PlatformContext, warnings: inout [String], into steps: inout [PlanStep]
    ) {
        let nodes = cluster.nodeMinor
        let current = cluster.minor
        guard nodes < current else { return }
        let lag = current.part(1) - nodes.part(1)
        let allowed = policy.nodeSkew.allowedLag(nodes: nodes)
        var reason = "worker nodes on \(nodes) follow the control plane to \(current)"
        if lag > allowed {
            warnings.append(
                "node skew: nodes on \(nodes) lag the control plane \(current) by \(lag) minors (at most \(allowed))")
            reason =
                "node skew violation: nodes \(lag) minors behind (at most \(allowed)); catch up before any control-plane move"
        }
        let due = platform.due(
            leaving: nodes, releaseDays: policy.releaseDays(for: cluster.strategy), endOfLifeDays: policy.endOfLifeDays)
        steps.append(
            PlanStep(
                action: .upgradeNodes, from: nodes.text, to: current.text, minor: current, due: due, reason: reason))
    }

    /// R2, R3, R6 and R8: the control-plane path (one minor at a time, or one migration), each
    /// preceded by the component moves it needs, appended to the cluster's `steps`.
    private func clusterSteps(
        _ cluster: Cluster, to target: VersionNumber, platform: PlatformContext,
        installed: inout InstalledVersions, into steps: inout [PlanStep]
    ) {
        let current = cluster.minor
        let sideBySide = cluster.strategy == .sideBySide
        let hops: [(VersionNumber, VersionNumber)] =
            sideBySide
            ? [(current, target)]
            : (current.part(1)..<target.part(1)).map {
                (VersionNumber(parts: [current.part(0), $0]), VersionNumber(parts: [current.part(0), $0 + 1]))
            }
        let releaseDays = policy.releaseDays(for: cluster.strategy)
        for (from, to) in hops {
            let due = platform.due(leaving: from, releaseDays: releaseDays, endOfLifeDays: policy.endOfLifeDays)
            // In place, components run on the cluster before and after the hop; side-by-side, the
            // new cluster is built with them, so only the target minor matters.
            let moves = steps.count
            componentMoves(
                runningOn: sideBySide ? to : from, through: to, reaching: target, due: due, installed: &installed,
                into: &steps)
            let blockerIndex = (moves..<steps.count).first { steps[$0].blocked }
            let action: StepAction = sideBySide ? .migrateCluster : .upgradeControlPlane
            let why = texts.hopReason(
                sideBySide: sideBySide, to: to, releaseDays: releaseDays, platform: platform.platform)
            var step = PlanStep(
                action: action, from: from.text, to: to.text, minor: to, due: due, blocked: blockerIndex != nil,
                reason: blockerIndex.map { "blocked: \(steps[$0].reason)" } ?? why)
            step.blockedBy = blockerIndex
            steps.append(step)
        }
    }

    /// Steps to projected minors after `from`, one minor at a time (a migration each when
    /// side-by-side): due by the rules on the estimated dates, never before the estimated release,
    /// marked projected. Component compatibility with unannounced minors is unknown, so no
    /// component moves are planned for them.
    private func projectedSteps(
        _ cluster: Cluster, from: VersionNumber, platform: PlatformContext, into steps: inout [PlanStep]
    ) {
        let releaseDays = policy.releaseDays(for: cluster.strategy)
        var leaving = from
        for release in platform.projected where leaving < release.cycle {
            let eol = platform.endOfLife(of: leaving).map { $0.adding(days: policy.endOfLifeDays) }
            let due = minDate(release.releaseDate.adding(days: releaseDays), eol)
            let action: StepAction = cluster.strategy == .sideBySide ? .migrateCluster : .upgradeControlPlane
            var step = PlanStep(
                action: action, from: leaving.text, to: release.cycle.text, minor: release.cycle, due: due,
                reason: "projected: \(release.cycle) expected on \(platform.platform.name) about \(release.releaseDate)"
            )
            step.projected = true
            step.notBefore = release.releaseDate
            steps.append(step)
            leaving = release.cycle
        }
    }

    /// A blocked cluster step blocks every step after it, component moves included: they prepare
    /// hops that cannot happen, and a release chosen for a later minor may not run on this one.
    /// Each step it blocks points (`blockedBy`) at the step whose own problem is the cause.
    static func propagateBlocks(_ steps: inout [PlanStep]) {
        var cause: Int?
        for index in steps.indices {
            if let cause, !steps[index].blocked {
                steps[index].blocked = true
                steps[index].blockedBy = cause
                steps[index].reason = "waits for a blocked step: \(steps[cause].reason)"
            }
            if steps[index].blocked, steps[index].action != .upgradeComponent, cause == nil {
                cause = steps[index].blockedBy ?? index
            }
        }
    }
}

/// The earlier of two optional dates.
func minDate(_ a: CalendarDay?, _ b: CalendarDay?) -> CalendarDay? {
    switch (a, b) {
    case let (a?, b?): min(a, b)
    case let (a?, nil): a
    case let (nil, b?): b
    case (nil, nil): nil
    }
}

/// A catalog component behind a reference, so planning many clusters does not copy its fields.
final class ComponentBox: Sendable {
    let value: Component
    /// Its releases' cycles, in order: what finding an installed version's release reads.
    let cycles: [VersionNumber]
    /// The cycles' keys (``VersionNumber/cycleKey``) with their indices, sorted by key then index,
    /// when every cycle has a key: a packed version's release is then found by a binary search
    /// for each of its prefixes.
    private let keyed: [(key: UInt64, index: Int)]?

    init(_ value: Component) {
        self.value = value
        cycles = value.releases.map(\.cycle)
        let keys = cycles.enumerated().compactMap { index, cycle in cycle.cycleKey.map { (key: $0, index: index) } }
        keyed = keys.count == cycles.count ? keys.sorted { ($0.key, $0.index) < ($1.key, $1.index) } : nil
    }

    /// ``Component/releaseIndex(containing:cycles:)`` on this component's cycles: the longest
    /// cycle that is a prefix of `version`, the first of them when several are the same.
    func releaseIndex(containing version: VersionNumber) -> Int? {
        guard let keyed, version.cycleKey(ofPrefix: 1) != nil else {
            return Component.releaseIndex(containing: version, cycles: cycles)
        }
        for count in (1...3).reversed() {
            guard let key = version.cycleKey(ofPrefix: count) else { continue }
            // The first entry whose key is not below `key`.
            var (low, high) = (0, keyed.count)
            while low < high {
                let middle = (low + high) / 2
                if keyed[middle].key < key { low = middle + 1 } else { high = middle }
            }
            if low < keyed.count, keyed[low].key == key { return keyed[low].index }
        }
        return nil
    }
}
