import StackPlanCore

/// The roadmap as a document for the customer: a summary first, then per environment and cluster
/// the versions, the components moving, the windows in local time and why, in plain language. No
/// rule codes or internal action names (`--audience internal` keeps those).
public struct CustomerRoadmap: Sendable {
    public let roadmap: Roadmap

    public init(_ roadmap: Roadmap) {
        self.roadmap = roadmap
    }

    /// What a step does, in words.
    func what(_ step: PlanStep) -> String {
        switch step.action {
        case .upgradeControlPlane: "Upgrade Kubernetes from \(step.from) to \(step.to ?? "?")"
        case .migrateCluster: "Move to a new cluster on Kubernetes \(step.to ?? "?") (side by side)"
        case .upgradeNodes: "Upgrade the worker nodes from \(step.from) to \(step.to ?? "?")"
        case .upgradeComponent:
            "Upgrade \(componentName(step.component)) from \(step.from) to \(step.to ?? "a release that does not exist yet")"
        }
    }

    private func componentName(_ id: String?) -> String {
        id.flatMap { roadmap.catalog?.component($0)?.name } ?? id ?? "a component"
    }

    /// Why a step is needed and when it is due, in words.
    func why(_ step: PlanStep, _ cluster: ClusterPlan) -> String {
        if step.blocked {
            return "On hold: " + plain(step.reason) + alternatives(step, cluster)
        }
        if step.projected {
            let platform = roadmap.catalog?.platform(cluster.cluster.platform)?.name ?? cluster.cluster.platform
            return
                "Kubernetes \(step.to ?? "?") is expected on \(platform) around \(step.notBefore?.description ?? "?") "
                + "(estimated from the release cadence)."
        }
        guard let catalog = roadmap.catalog, let platform = catalog.platform(cluster.cluster.platform) else {
            return plain(step.reason)
        }
        let policy = catalog.policy
        switch step.action {
        case .upgradeControlPlane, .migrateCluster:
            let from = VersionNumber(cycle: step.from)
            let next = from?.advancingMinor(by: 1)
            if let next, let released = platform.releases.first(where: { $0.cycle == next })?.releaseDate,
                let due = step.due, released.adding(days: policy.releaseDays(for: cluster.cluster.strategy)) == due
            {
                let kind = cluster.cluster.strategy == .sideBySide ? "side-by-side" : "in-place"
                return "Kubernetes \(next) was released on \(platform.name) on \(released); the \(kind) promise gives "
                    + "\(policy.releaseDays(for: cluster.cluster.strategy)) days, to \(due)."
            }
            if let from, let eol = platform.releases.first(where: { $0.cycle == from })?.eol, let due = step.due {
                return "Kubernetes \(from) reaches the end of its support on \(platform.name) on \(eol); the promise "
                    + "gives \(policy.endOfLifeDays) days after an end of life, to \(due)."
            }
            return plain(step.reason)
        case .upgradeNodes:
            return "The worker nodes run an older Kubernetes than the control plane and must follow it"
                + (step.due.map { ", by \($0)." } ?? ".")
        case .upgradeComponent:
            return plain(step.reason) + (step.due.map { " Due \($0)." } ?? "")
        }
    }

    /// A blocked component's catalog alternatives of the same category that support the minor.
    private func alternatives(_ step: PlanStep, _ cluster: ClusterPlan) -> String {
        guard step.action == .upgradeComponent, let id = step.component, let catalog = roadmap.catalog,
            let component = catalog.component(id), let minor = cluster.target
        else { return "" }
        let options = catalog.components.filter { other in
            other.id != id && other.category == component.category
                && other.releases.contains { $0.supports(kubernetes: minor) }
        }.map(\.name)
        return options.isEmpty
            ? " No other catalog component of its category supports Kubernetes \(minor)."
            : " Catalog alternatives that support Kubernetes \(minor): \(options.joined(separator: ", "))."
    }

    /// A reason without rule codes (`(R8)`, `(R2: …)`) or internal action names.
    private func plain(_ reason: String) -> String {
        var text = reason
        while let open = text.firstRange(of: " (R"), let close = text[open.upperBound...].firstIndex(of: ")") {
            text.removeSubrange(open.lowerBound...close)
        }
        for prefix in ["blocked: ", "waits for a blocked step: "] {
            while let found = text.firstRange(of: prefix) { text.removeSubrange(found) }
        }
        return text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    private func when(_ step: PlanStep) -> String {
        if let window = step.window { return StepText.local(window) }
        guard let start = step.plannedStart else { return "not scheduled yet" }
        return step.plannedEnd.map { $0 == start ? "\(start)" : "\(start) to \($0)" } ?? "\(start)"
    }

    /// The summary: what changes, the first window, what the customer must do, blockers.
    func summary() -> [String] {
        let clusters = roadmap.clusters
        let steps = clusters.flatMap { cluster in cluster.steps.map { (cluster, $0) } }
        let inHorizon = steps.filter { _, step in step.plannedStart.map { $0 < roadmap.end } ?? false }
        var lines: [String] = []
        let moving = clusters.filter { cluster in cluster.target.map { cluster.cluster.minor < $0 } ?? false }
        lines.append(
            "In the next \(roadmap.months) months: \(inHorizon.count) planned change(s) on \(clusters.count) cluster(s); "
                + (moving.isEmpty
                    ? "every cluster is on the newest Kubernetes."
                    : moving.map { "\($0.cluster.name) to Kubernetes \($0.target?.text ?? "?")" }.joined(
                        separator: ", ") + "."))
        if let first = inHorizon.min(by: {
            ($0.1.window?.start.seconds ?? 0, $0.1.plannedStart ?? roadmap.end) < (
                $1.1.window?.start.seconds ?? 0, $1.1.plannedStart ?? roadmap.end
            )
        }) {
            lines.append("The first change: \(what(first.1)) on \(first.0.cluster.name), \(when(first.1)).")
        }
        var asks: [String] = []
        if let advice = roadmap.qualificationAdvice { asks.append(advice) }
        let blocked = roadmap.blockers
        for (cluster, cause, _) in blocked {
            asks.append("\(cluster.cluster.name): \(why(cause, cluster))")
        }
        lines.append(
            asks.isEmpty
                ? "Nothing is needed from you beyond the agreed windows."
                : "What we need from you: " + asks.joined(separator: " "))
        return lines
    }

    /// Conformance findings in words: cluster, what deviates, what will be done.
    func conformanceRows() -> [[String]] {
        roadmap.conformance.flatMap { cluster in
            cluster.findings.sorted { $0.level > $1.level }.map { [cluster.cluster, $0.message, $0.remedy] }
        }
    }

    static let conformanceHeader = ["Cluster", "What deviates", "What will be done"]

    /// One row per cluster: versions, target, next due, plain status.
    func clusterRows() -> [[String]] {
        roadmap.clusters.map { cluster in
            [
                cluster.cluster.name, cluster.kind == .production ? "production" : "non-production",
                cluster.cluster.version.text, cluster.cluster.nodeMinor.text, cluster.target?.text ?? "-",
                cluster.firstDue?.description ?? "-", Self.status(cluster.status),
            ]
        }
    }

    static func status(_ status: ClusterStatus) -> String {
        switch status {
        case .overdue: "behind the promise"
        case .atRisk: "needs attention"
        case .current: "up to date"
        case .onTrack: "on track"
        }
    }

    /// One row per step: cluster, change, when (local time), why.
    func stepRows() -> [[String]] {
        roadmap.clusters.flatMap { cluster in
            cluster.steps.map { step in [cluster.cluster.name, what(step), when(step), why(step, cluster)] }
        }
    }

    /// Components moving, installed → target version.
    func componentRows() -> [[String]] {
        roadmap.clusters.flatMap { cluster in
            cluster.steps.filter { $0.action == .upgradeComponent }.map { step in
                [cluster.cluster.name, componentName(step.component), step.from, step.to ?? "no release yet"]
            }
        }
    }

    public func markdown() -> String {
        func table(_ header: [String], _ rows: [[String]]) -> String {
            let line = { (cells: [String]) in
                "| " + cells.map(MarkdownRenderer.escape).joined(separator: " | ") + " |\n"
            }
            return line(header) + line(header.map { _ in "---" }) + rows.map(line).joined()
        }
        var out = "# Upgrade roadmap: \(MarkdownRenderer.escape(roadmap.customer.name))\n\n"
        out += "As of \(roadmap.start), for the next \(roadmap.months) months (to \(roadmap.end)).\n\n## Summary\n\n"
        out += summary().map { "- \(MarkdownRenderer.escape($0))\n" }.joined()
        out += "\n## Clusters\n\n" + table(Self.clusterHeader, clusterRows())
        let components = componentRows()
        if !components.isEmpty { out += "\n## Components\n\n" + table(Self.componentHeader, components) }
        out += "\n## Planned changes\n\n" + table(Self.stepHeader, stepRows())
        let findings = conformanceRows()
        out +=
            "\n## Conformance\n\n"
            + (findings.isEmpty ? "Every cluster conforms.\n" : table(Self.conformanceHeader, findings))
        let strategies = RoadmapDocument.strategyRows(roadmap)
        if !strategies.isEmpty {
            out += "\n## In-place or side-by-side\n\n" + table(RoadmapDocument.strategyHeader, strategies)
        }
        return out
    }

    public func html() -> String {
        var out = "<p>As of \(roadmap.start), for the next \(roadmap.months) months (to \(roadmap.end)).</p>\n"
        out += "<h2>Summary</h2>\n" + HTMLPage.list(summary())
        out += "<h2>Clusters</h2>\n" + HTMLPage.table(Self.clusterHeader, clusterRows())
        out += "<h2>Timeline</h2>\n" + RoadmapSVG().render(roadmap)
        let components = componentRows()
        if !components.isEmpty { out += "<h2>Components</h2>\n" + HTMLPage.table(Self.componentHeader, components) }
        out += "<h2>Planned changes</h2>\n" + HTMLPage.table(Self.stepHeader, stepRows())
        let findings = conformanceRows()
        out +=
            "<h2>Conformance</h2>\n"
            + (findings.isEmpty ? "<p>Every cluster conforms.</p>\n" : HTMLPage.table(Self.conformanceHeader, findings))
        let strategies = RoadmapDocument.strategyRows(roadmap)
        if !strategies.isEmpty {
            out += "<h2>In-place or side-by-side</h2>\n" + HTMLPage.table(RoadmapDocument.strategyHeader, strategies)
        }
        return HTMLPage.render(title: "Upgrade roadmap: \(roadmap.customer.name)", body: out)
    }

    static let clusterHeader = ["Cluster", "Environment", "Kubernetes", "Worker nodes", "Target", "Next due", "Status"]
    static let componentHeader = ["Cluster", "Component", "Installed", "Moves to"]
    static let stepHeader = ["Cluster", "Change", "When", "Why"]
}
