/// Component moves: R3 for monitoring and logging platforms, and R8 (a component must run on the
/// cluster on both sides of every move).
extension ClusterPathBuilder {
    /// R3 for monitoring and logging platforms, and components whose version matches no release,
    /// appended to `steps` (as every function here does). The move happens on the running
    /// cluster, so the release chosen must run on its minor.
    func endOfLifeComponentSteps(
        _ cluster: Cluster, target: VersionNumber, installed: inout InstalledVersions, warnings: inout [String],
        into steps: inout [PlanStep]
    ) {
        let current = cluster.minor
        // `installed` starts as the cluster's components, in the same order.
        for (index, item) in cluster.components.enumerated() {
            guard let component = installed.entries[index].component, !component.value.releases.isEmpty else {
                continue
            }
            // `installed` has not moved this component yet: its release is the cluster's.
            guard installed.entries[index].releaseIndex != nil else {
                warnings.append("\(component.value.name) \(item.version) matches no release cycle in the catalog")
                let to = component.value.newestRelease
                steps.append(
                    PlanStep(
                        action: .upgradeComponent, component: component.value.id, from: item.version.text,
                        to: to.map(Self.versionText), due: nil, blocked: to == nil,
                        reason:
                            "\(component.value.name) \(item.version) matches no known release: move to a catalog release"
                    )
                )
                if let to { installed.set(at: index, to: to.latestVersion) }
                continue
            }
            guard component.value.role == .monitoring || component.value.role == .logging,
                let release = installed.entries[index].release, let eol = release.eol
            else { continue }
            let choice = chooser.target(
                of: component.value.id, releases: component.value.releases, from: release.cycle, runningOn: current,
                through: current,
                reaching: max(current, target))
            // Nothing to move to yet when the installed cycle is still the best supported one.
            if let next = choice.release, next.cycle == release.cycle { continue }
            let name = component.value.name
            let reason = texts.componentReason(
                choice.release == nil ? .endOfLifeBlocked : .endOfLife, component: component.value.id,
                cycle: blockedKey(choice, release.cycle), low: current, high: current
            ) {
                let ending = "\(name) \(release.cycle) reaches end of life on \(eol)"
                return choice.release == nil
                    ? "\(ending) and \(blockedReason(name, choice, current, current))" : "\(ending) (R3)"
            }
            steps.append(
                move(
                    component.value.id, at: index, from: item.version, choice: choice,
                    due: eol.adding(days: policy.endOfLifeDays),
                    low: current, high: current, reason: reason, installed: &installed))
        }
    }

    /// Components whose release does not run on the cluster's *current* minor: a warning always,
    /// and, when no control-plane path follows to move them, a step (or a blocked step) with no
    /// due date. When a path follows, its first component moves take care of them.
    func currentFitSteps(
        _ cluster: Cluster, moving: Bool, installed: inout InstalledVersions, warnings: inout [String],
        into steps: inout [PlanStep]
    ) {
        let current = cluster.minor
        for index in installed.entries.indices {
            guard installed.entries[index].releaseMayRun(from: current, through: current) == false,
                let version = installed.entries[index].version, let component = installed.entries[index].component,
                let release = installed.entries[index].release
            else { continue }
            warnings.append(
                texts.componentReason(
                    .currentMinorWarning, component: component.value.id, cycle: version.text, low: current,
                    high: current
                ) {
                    let range = release.kubernetes.map { " (Kubernetes \($0))" } ?? ""
                    return "\(component.value.name) \(version) does not support Kubernetes \(current), "
                        + "the cluster's minor\(range)"
                })
            guard moving else { continue }
            let choice = chooser.target(
                of: component.value.id, releases: component.value.releases, from: release.cycle, runningOn: current,
                through: current, reaching: current)
            steps.append(
                move(
                    component.value.id, at: index, from: version, choice: choice, due: nil, low: current, high: current,
                    reason: choice.release == nil
                        ? blockedReason(component.value.name, choice, current, current)
                        : "\(component.value.name) \(release.cycle) does not support Kubernetes \(current), "
                            + "the cluster's minor (R8)",
                    installed: &installed))
        }
    }

    /// R8: before a move to `high`, every installed component that does not run on every minor
    /// from `low` through `high` moves to one that does (preferring one that runs on up to
    /// `reach`), or is blocked with the reason.
    func componentMoves(
        runningOn low: VersionNumber, through high: VersionNumber, reaching reach: VersionNumber, due: CalendarDay?,
        installed: inout InstalledVersions, into steps: inout [PlanStep]
    ) {
        for index in installed.entries.indices {
            guard installed.entries[index].releaseMayRun(from: low, through: high) == false,
                let version = installed.entries[index].version, let component = installed.entries[index].component,
                let release = installed.entries[index].release
            else { continue }
            let choice = chooser.target(
                of: component.value.id, releases: component.value.releases, from: release.cycle, runningOn: low,
                through: high, reaching: reach)
            let name = component.value.name
            let reason = texts.componentReason(
                choice.release == nil ? .blocked : .doesNotRun, component: component.value.id,
                cycle: blockedKey(choice, release.cycle), low: low, high: high
            ) {
                let range = release.kubernetes.map { " (Kubernetes \($0))" } ?? ""
                return choice.release == nil
                    ? blockedReason(name, choice, low, high)
                    : "\(name) \(release.cycle)\(range) does not run on Kubernetes \(Self.minors(low, high)) (R8)"
            }
            steps.append(
                move(
                    component.value.id, at: index, from: version, choice: choice, due: due, low: low, high: high,
                    reason: reason,
                    installed: &installed))
        }
    }

    /// One component step for `choice`, recording the new version of the component at `index` in
    /// `installed` when it moves.
    private func move(
        _ id: String, at index: Int, from version: VersionNumber, choice: ReleaseChooser.Choice, due: CalendarDay?,
        low: VersionNumber, high: VersionNumber, reason: String, installed: inout InstalledVersions
    ) -> PlanStep {
        let to = choice.release.map(Self.versionText)
        if let release = choice.release { installed.set(at: index, to: release.latestVersion) }
        return PlanStep(
            action: .upgradeComponent, component: id, from: version.text, to: to, due: due,
            blocked: to == nil, reason: reason)
    }

    /// Why no release qualifies: none runs on the minors, or every one that does has ended.
    private func blockedReason(
        _ name: String, _ choice: ReleaseChooser.Choice, _ low: VersionNumber, _ high: VersionNumber
    ) -> String {
        let minors = Self.minors(low, high)
        if case .allEnded(let newest) = choice {
            let ended = newest.eol.map { ", ended \($0)" } ?? ""
            return "every release of \(name) that runs on Kubernetes \(minors) is past end of life "
                + "(newest: \(newest.cycle)\(ended))"
        }
        return "no catalog release of \(name) runs on Kubernetes \(minors)"
    }

    /// What a reason about a release at `cycle` depends on besides the component and the minors:
    /// the installed cycle's text, and for a blocked choice also the newest ended release (its
    /// cycle and end of life appear in the text).
    private func blockedKey(_ choice: ReleaseChooser.Choice, _ cycle: VersionNumber) -> String {
        guard case .allEnded(let newest) = choice else { return cycle.text }
        return "\(cycle.text) \(newest.cycle.text) \(newest.eol.map(\.description) ?? "")"
    }

    /// `1.31 and 1.32`, or `1.32` alone.
    private static func minors(_ low: VersionNumber, _ high: VersionNumber) -> String {
        low == high ? high.text : "\(low) and \(high)"
    }

    /// The version a move goes to: the release's newest patch, else its cycle.
    static func versionText(_ release: ComponentRelease) -> String {
        release.latest ?? release.cycle.text
    }
}
