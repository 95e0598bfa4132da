/// How much a conformance finding matters.
public enum FindingLevel: String, CaseIterable, Codable, Comparable, Sendable {
    /// Informational: worth knowing, nothing to fix.
    case info
    /// Should be fixed: the standard recommends otherwise.
    case recommended
    /// Must be fixed: the cluster deviates from what the provider supports.
    case required

    private var rank: Int {
        switch self {
        case .info: 0
        case .recommended: 1
        case .required: 2
        }
    }

    public static func < (lhs: FindingLevel, rhs: FindingLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One way a cluster deviates from the agreed standard.
public struct ConformanceFinding: Hashable, Sendable {
    public let level: FindingLevel
    /// A stable code (Docs/conformance.md lists them all).
    public let code: String
    /// The component concerned, if any.
    public let component: String?
    /// What deviates and why it matters, in plain language.
    public let message: String
    /// What will be done about it.
    public let remedy: String
}

/// A cluster's findings, with the date of the evidence (its conformance run, if any).
public struct ClusterConformance: Hashable, Sendable {
    public let customer: String
    public let cluster: String
    public let environment: String
    public let kind: EnvironmentKind
    public let findings: [ConformanceFinding]
    public let evidence: CalendarDay?
}

/// Checks every cluster of an inventory against the catalog on a date (pure).
public struct ConformanceReview: Sendable {
    public let catalog: Catalog
    public let asOf: CalendarDay

    public init(catalog: Catalog, asOf: CalendarDay) {
        self.catalog = catalog
        self.asOf = asOf
    }

    /// Every cluster's findings, in inventory order (one customer when `only` is given).
    public func review(_ inventory: Inventory, customer only: String? = nil) -> [ClusterConformance] {
        inventory.customers.filter { only == nil || $0.id == only }.flatMap { customer in
            let qualification = Qualification(customer)
            return customer.environments.flatMap { environment in
                environment.clusters.map { cluster in
                    ClusterConformance(
                        customer: customer.id, cluster: cluster.name, environment: environment.name,
                        kind: environment.kind,
                        findings: findings(cluster, kind: environment.kind, qualification: qualification),
                        evidence: cluster.conformance?.date)
                }
            }
        }
    }

    /// Counts per level.
    public static func summary(_ clusters: [ClusterConformance]) -> [FindingLevel: Int] {
        var counts: [FindingLevel: Int] = [.info: 0, .recommended: 0, .required: 0]
        for finding in clusters.flatMap(\.findings) { counts[finding.level, default: 0] += 1 }
        return counts
    }

    private func findings(_ cluster: Cluster, kind: EnvironmentKind, qualification: Qualification)
        -> [ConformanceFinding]
    {
        var out: [ConformanceFinding] = []
        func add(_ level: FindingLevel, _ code: String, _ component: String? = nil, _ message: String, _ remedy: String)
        {
            out.append(
                ConformanceFinding(level: level, code: code, component: component, message: message, remedy: remedy))
        }
        let minor = cluster.minor
        let platform = catalog.platform(cluster.platform)
        let calendar = platform.map {
            ReleaseCalendar(releases: $0.releases, supportedMinors: catalog.policy.supportedMinors)
        }
        let window = calendar?.supportWindow(on: asOf) ?? []
        let release = platform?.releases.first { $0.cycle == minor }
        if let eol = release?.eol, eol <= asOf {
            add(
                .required, "end-of-life-platform", nil,
                "Kubernetes \(minor) reached end of standard support on \(platform?.name ?? cluster.platform) on \(eol).",
                "Upgrade the cluster to a supported minor (see the upgrade plan).")
        }
        if let release, ReleaseCalendar.isReleased(release, on: asOf), !window.contains(minor) {
            add(
                .recommended, "outside-support-window", nil,
                "Kubernetes \(minor) is not one of the \(window.count) most recent minors (\(window.map(\.text).joined(separator: ", "))): the upgrade guarantees do not cover it.",
                "Upgrade to \(window.first?.text ?? "the newest minor").")
        }
        let allowed = catalog.policy.nodeSkew.allowedLag(nodes: cluster.nodeMinor)
        let lag = minor.part(minor.partCount - 1) - cluster.nodeMinor.part(cluster.nodeMinor.partCount - 1)
        if lag > allowed {
            add(
                .required, "node-skew", nil,
                "Worker nodes on \(cluster.nodeMinor) lag the control plane \(minor) by \(lag) minors (at most \(allowed)).",
                "Upgrade the worker nodes to \(minor) before any control-plane upgrade.")
        }
        for installed in cluster.uncataloged {
            add(
                .recommended, "unknown-component", installed.id,
                "\(installed.id) \(installed.version) is installed but is not in the stack catalog: nobody tracks its lifecycle.",
                "Propose it for the catalog at the next quarterly review, or remove it.")
        }
        for installed in cluster.components {
            guard let component = catalog.component(installed.id) else { continue }
            if kind == .production, component.tier == .catalog {
                add(
                    .info, "catalog-tier-in-production", component.id,
                    "\(component.name) is a catalog-tier component (community support) on a production cluster.",
                    "The customer owns its lifecycle; consider it for certification at the quarterly review.")
            }
            guard !component.releases.isEmpty else { continue }
            guard let cycle = component.release(containing: installed.version) else {
                add(
                    .recommended, "unknown-release", component.id,
                    "\(component.name) \(installed.version) matches no release cycle in the catalog.",
                    "Move it to a catalog release (see the upgrade plan).")
                continue
            }
            if let eol = cycle.eol, eol <= asOf {
                add(
                    .required, "end-of-life-component", component.id,
                    "\(component.name) \(cycle.cycle) reached end of life on \(eol).",
                    "Upgrade it to a supported release (see the upgrade plan).")
            }
            if let range = cycle.kubernetes, !range.contains(minor) {
                add(
                    .required, "incompatible-component", component.id,
                    "\(component.name) \(cycle.cycle) supports Kubernetes \(range), not the cluster's \(minor).",
                    "Move it to a release that supports \(minor).")
            }
        }
        if !qualification.qualified {
            add(
                .recommended, "not-qualified", nil,
                "The customer is not qualified: \(qualification.reason). The upgrade guarantees do not apply.",
                "Add the missing environment with at least one cluster.")
        }
        if let run = cluster.conformance, run.kubernetes.minor == minor {
            if run.failed > 0 {
                add(
                    .required, "conformance-failed", nil,
                    "The conformance run of \(run.date) on \(run.kubernetes) failed \(run.failed) of \(run.passed + run.failed) tests.",
                    "Investigate the failed tests and run the conformance suite again.")
            }
        } else {
            let last = cluster.conformance.map { " (the last one, \($0.date), tested \($0.kubernetes))" } ?? ""
            add(
                .required, "conformance-missing", nil,
                "No conformance run since the cluster moved to Kubernetes \(minor)\(last).",
                "Run the conformance suite (Sonobuoy e2e) and import its result.")
        }
        return out
    }
}
