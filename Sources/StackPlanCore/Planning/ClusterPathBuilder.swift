/// Builds one cluster's upgrade path and due dates (rules R2, R3, R5, R6, R8), before scheduling.
struct ClusterPathBuilder {
    let catalog: Catalog
    let policy: Policy
    let asOf: CalendarDay
    let chooser: ReleaseChooser
    /// The catalog's components by id, boxed: a lookup costs one retain, not one per field.
    let components: [String: ComponentBox]

    init(catalog: Catalog, policy: Policy, asOf: CalendarDay, chooser: ReleaseChooser) {
        self.catalog = catalog
        self.policy = policy
        self.asOf = asOf
        self.chooser = chooser
        self.components = Dictionary(catalog.components.map { ($0.id, ComponentBox($0)) }) { first, _ in first }
    }

    /// The most minors worker nodes may lag the control plane: 3, or 2 when the nodes are below 1.25.
    static func allowedNodeLag(nodes: VersionNumber) -> Int {
        nodes < VersionNumber(parts: [1, 25]) ? 2 : 3
    }

    func plan(
        customer: Customer, environment: Environment, cluster: Cluster, qualified: Bool, platform: PlatformContext
    ) -> ClusterPlan {
        let current = cluster.minor
        let target = platform.target
        var warnings: [String] = []
        var reasons: [SLAReason] = []
        if !qualified { reasons.append(.notQualified) }
        if !platform.window.contains(current) { reasons.append(.outsideSupportWindow) }
        if let eol = platform.endOfLife(of: current), eol <= asOf { reasons.append(.endOfLife) }

        var installed = Dictionary(uniqueKeysWithValues: cluster.components.map { ($0.id, $0.version) })
        var steps = endOfLifeComponentSteps(
            cluster, target: target ?? current, installed: &installed, warnings: &warnings)
        steps += nodeCatchUp(cluster, platform: platform, warnings: &warnings)
        if let target, current < target {
            steps += clusterSteps(cluster, to: target, platform: platform, installed: &installed)
        }
        propagateBlocks(&steps)

        var nextDue = minDate(
            platform.releaseDate(of: current.advancingMinor(by: 1)).map {
                $0.adding(days: policy.releaseDays(for: cluster.strategy))
            },
            platform.endOfLife(of: current).map { $0.adding(days: policy.endOfLifeDays) })
        let waiver = customer.waivers.filter { $0.cluster == cluster.name && $0.until >= asOf }.max {
            $0.until < $1.until
        }
        if let waiver {
            nextDue = nextDue.map { _ in waiver.until }
            for index in steps.indices where steps[index].due != nil { steps[index].due = waiver.until }
        }
        return ClusterPlan(
            customer: customer.id, cluster: cluster, environment: environment.name, kind: environment.kind,
            qualified: qualified, slaReasons: reasons, target: target, endOfLife: platform.endOfLife(of: current),
            nextDue: nextDue, status: .onTrack, steps: steps,
            waiver: waiver, warnings: warnings)
    }

    /// R3 for monitoring and logging platforms, and components whose version matches no release.
    private func endOfLifeComponentSteps(
        _ cluster: Cluster, target: VersionNumber, installed: inout [String: VersionNumber], warnings: inout [String]
    ) -> [PlanStep] {
        var steps: [PlanStep] = []
        for item in cluster.components {
            guard let component = components[item.id], !component.value.releases.isEmpty else { continue }
            guard let release = component.value.release(containing: item.version) else {
                warnings.append("\(component.value.name) \(item.version) matches no release cycle in the catalog")
                let to = component.value.newestRelease
                steps.append(
                    PlanStep(
                        action: .upgradeComponent, component: component.value.id, from: item.version.text,
                        to: to.map { $0.latest ?? $0.cycle.text }, due: nil, blocked: to == nil,
                        reason:
                            "\(component.value.name) \(item.version) matches no known release: move to a catalog release"
                    )
                )
                if let to { installed[item.id] = VersionNumber(version: to.latest ?? to.cycle.text) }
                continue
            }
            guard component.value.role == .monitoring || component.value.role == .logging, let eol = release.eol else {
                continue
            }
            let next = chooser.target(of: component.value, from: release.cycle, for: target)
            // Nothing to move to yet when the installed cycle is still the best supported one.
            if let next, next.cycle == release.cycle { continue }
            steps.append(
                PlanStep(
                    action: .upgradeComponent, component: component.value.id, from: item.version.text,
                    to: next.map { $0.latest ?? $0.cycle.text }, due: eol.adding(days: policy.endOfLifeDays),
                    blocked: next == nil,
                    reason: next == nil
                        ? "\(component.value.name) \(release.cycle) reaches end of life on \(eol) and no supported release runs on Kubernetes \(target)"
                        : "\(component.value.name) \(release.cycle) reaches end of life on \(eol) (R3)"))
            if let next { installed[item.id] = VersionNumber(version: next.latest ?? next.cycle.text) }
        }
        return steps
    }

    /// R6: worker nodes behind the control plane catch up first; a lag beyond the skew policy is flagged.
    private func nodeCatchUp(_ cluster: Cluster, platform: PlatformContext, warnings: inout [String]) -> [PlanStep] {
        let nodes = cluster.nodeMinor
        let current = cluster.minor
        guard nodes < current else { return [] }
        let lag = current.parts[1] - nodes.parts[1]
        let allowed = Self.allowedNodeLag(nodes: nodes)
        var reason = "worker nodes on \(nodes) follow the control plane to \(current)"
        if lag > allowed {
            warnings.append(
                "node skew: nodes on \(nodes) lag the control plane \(current) by \(lag) minors (at most \(allowed))")
            reason =
                "node skew violation: nodes \(lag) minors behind (at most \(allowed)); catch up before any control-plane move"
        }
        let due = platform.endOfLife(of: nodes).map { $0.adding(days: policy.endOfLifeDays) }
        return [
            PlanStep(
                action: .upgradeNodes, from: nodes.text, to: current.text, minor: current, due: due, reason: reason)
        ]
    }

    /// R2, R3, R6 and R8: the control-plane path (one minor at a time, or one migration), each
    /// preceded by the component moves it needs.
    private func clusterSteps(
        _ cluster: Cluster, to target: VersionNumber, platform: PlatformContext,
        installed: inout [String: VersionNumber]
    ) -> [PlanStep] {
        let current = cluster.minor
        var steps: [PlanStep] = []
        let hops: [(VersionNumber, VersionNumber)] =
            cluster.strategy == .sideBySide
            ? [(current, target)]
            : (current.parts[1]..<target.parts[1]).map {
                (VersionNumber(parts: [current.parts[0], $0]), VersionNumber(parts: [current.parts[0], $0 + 1]))
            }
        let releaseDays = policy.releaseDays(for: cluster.strategy)
        for (from, to) in hops {
            let due = minDate(
                platform.releaseDate(of: from.advancingMinor(by: 1)).map { $0.adding(days: releaseDays) },
                platform.endOfLife(of: from).map { $0.adding(days: policy.endOfLifeDays) })
            let componentSteps = componentMoves(for: to, due: due, installed: &installed)
            steps += componentSteps
            let blocker = componentSteps.first { $0.blocked }
            let action: StepAction = cluster.strategy == .sideBySide ? .migrateCluster : .upgradeControlPlane
            let why =
                cluster.strategy == .sideBySide
                ? "build a new cluster on \(to) and move (side-by-side, R2: \(releaseDays) days after release)"
                : "one minor at a time (R2: \(releaseDays) days after \(to) is released on \(platform.platform.name))"
            steps.append(
                PlanStep(
                    action: action, from: from.text, to: to.text, minor: to, due: due, blocked: blocker != nil,
                    reason: blocker.map { "blocked: \($0.reason)" } ?? why))
        }
        return steps
    }

    /// R8: components whose installed release states a range without `minor` move first.
    private func componentMoves(for minor: VersionNumber, due: CalendarDay?, installed: inout [String: VersionNumber])
        -> [PlanStep]
    {
        var steps: [PlanStep] = []
        for id in installed.keys.sorted() {
            guard let version = installed[id], let component = components[id],
                let release = component.value.release(containing: version), !ReleaseChooser.mayRun(release, on: minor)
            else { continue }
            let next = chooser.target(of: component.value, from: release.cycle, for: minor)
            let to = next.map { $0.latest ?? $0.cycle.text }
            steps.append(
                PlanStep(
                    action: .upgradeComponent, component: id, from: version.text, to: to, due: due,
                    blocked: next == nil,
                    reason: next == nil
                        ? "no catalog release of \(component.value.name) supports Kubernetes \(minor)"
                        : "\(component.value.name) \(release.cycle) does not support Kubernetes \(minor) (R8)"))
            if let to { installed[id] = VersionNumber(version: to) }
        }
        return steps
    }

    /// A blocked cluster step blocks every cluster step after it.
    private func propagateBlocks(_ steps: inout [PlanStep]) {
        var blockedBy: String?
        for index in steps.indices {
            if let blockedBy, !steps[index].blocked, steps[index].action != .upgradeComponent {
                steps[index].blocked = true
                steps[index].reason = "waits for a blocked step: \(blockedBy)"
            }
            if steps[index].blocked, steps[index].action != .upgradeComponent, blockedBy == nil {
                blockedBy = steps[index].reason
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

    init(_ value: Component) {
        self.value = value
    }
}
