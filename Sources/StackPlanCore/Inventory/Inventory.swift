/// A provider's customers, their environments and clusters, and the delivery pods that upgrade
/// them: the input of the planner, from an inventory YAML file.
public struct Inventory: Hashable, Sendable {
    /// Delivery teams and their capacity.
    public let pods: [Pod]
    /// Customers in file order.
    public let customers: [Customer]

    public init(pods: [Pod], customers: [Customer]) {
        self.pods = pods
        self.customers = customers
    }
}

/// A delivery team.
public struct Pod: Hashable, Sendable {
    public let id: String
    /// Cluster upgrade steps the team can start per week.
    public let upgradesPerWeek: Int
    /// The team's zone: its holidays are judged on local dates there (default: business hours').
    public let zone: String?

    public init(id: String, upgradesPerWeek: Int, zone: String? = nil) {
        self.id = id
        self.upgradesPerWeek = upgradesPerWeek
        self.zone = zone
    }
}

/// A customer of the managed service.
public struct Customer: Hashable, Sendable {
    public let id: String
    public let name: String
    /// The id of the pod that upgrades its clusters.
    public let pod: String
    /// Monthly recurring support fee in USD.
    public let monthlyFee: Double
    /// The end of onboarding, when given.
    public let onboardingEnds: CalendarDay?
    /// Whether the customer is in breach of its agreement (no SLA credits).
    public let inBreach: Bool
    public let environments: [Environment]
    public let waivers: [Waiver]
    /// When work may happen (environments may override); none: whole days, as without windows.
    public let maintenanceWindows: [MaintenanceWindow]
    /// When no work may start or run.
    public let freezes: [Freeze]

    public init(
        id: String, name: String, pod: String, monthlyFee: Double, onboardingEnds: CalendarDay? = nil,
        inBreach: Bool = false, environments: [Environment], waivers: [Waiver] = [],
        maintenanceWindows: [MaintenanceWindow] = [], freezes: [Freeze] = []
    ) {
        self.maintenanceWindows = maintenanceWindows
        self.freezes = freezes
        self.inBreach = inBreach
        self.id = id
        self.name = name
        self.pod = pod
        self.monthlyFee = monthlyFee
        self.onboardingEnds = onboardingEnds
        self.environments = environments
        self.waivers = waivers
    }
}

/// Whether an environment serves production.
public enum EnvironmentKind: String, CaseIterable, Codable, Sendable {
    case production
    case nonProduction = "non-production"
}

/// A customer environment and its clusters.
public struct Environment: Hashable, Sendable {
    public let name: String
    public let kind: EnvironmentKind
    public let clusters: [Cluster]
    /// Windows for this environment instead of the customer's.
    public let maintenanceWindows: [MaintenanceWindow]?

    public init(
        name: String, kind: EnvironmentKind, clusters: [Cluster], maintenanceWindows: [MaintenanceWindow]? = nil
    ) {
        self.maintenanceWindows = maintenanceWindows
        self.name = name
        self.kind = kind
        self.clusters = clusters
    }
}

/// How a cluster moves to a new minor.
public enum UpgradeStrategy: String, CaseIterable, Codable, Sendable {
    /// One minor at a time on the running cluster.
    case inPlace = "in-place"
    /// A new cluster at the target, then a move in one step.
    case sideBySide = "side-by-side"
}

/// A Kubernetes cluster of a customer.
public struct Cluster: Hashable, Sendable {
    /// Unique within the customer.
    public let name: String
    /// A platform id from the catalog.
    public let platform: String
    /// The control-plane version: a minor or a full patch.
    public let version: VersionNumber
    /// The worker-node minor; the control plane's when not given.
    public let nodeVersion: VersionNumber?
    public let strategy: UpgradeStrategy
    /// Installed catalog components: component id → installed version, sorted by id.
    public let components: [InstalledComponent]
    /// Installed software the catalog does not know (Helm releases no catalog component claims):
    /// name → version, sorted by name.
    public let uncataloged: [InstalledComponent]
    /// The newest conformance run, when one was recorded.
    public let conformance: ConformanceRun?

    public init(
        name: String, platform: String, version: VersionNumber, nodeVersion: VersionNumber? = nil,
        strategy: UpgradeStrategy = .inPlace, components: [InstalledComponent] = [],
        uncataloged: [InstalledComponent] = [], conformance: ConformanceRun? = nil
    ) {
        self.uncataloged = Self.byId(uncataloged)
        self.conformance = conformance
        self.name = name
        self.platform = platform
        self.version = version
        self.nodeVersion = nodeVersion
        self.strategy = strategy
        self.components = Self.byId(components)
        let minor = version.minor
        self.minor = minor
        self.nodeMinor = nodeVersion?.minor ?? minor
    }

    /// `components` sorted by id; kept as they are when they already are (as inventories list
    /// them), without making a sorted copy.
    private static func byId(_ components: [InstalledComponent]) -> [InstalledComponent] {
        let sorted = components.indices.dropFirst().allSatisfy { components[$0 - 1].id < components[$0].id }
        return sorted ? components : components.sorted { $0.id < $1.id }
    }

    /// The control-plane minor.
    public let minor: VersionNumber

    /// The worker-node minor.
    public let nodeMinor: VersionNumber
}

/// A catalog component installed on a cluster.
public struct InstalledComponent: Hashable, Sendable {
    public let id: String
    public let version: VersionNumber

    public init(id: String, version: VersionNumber) {
        self.id = id
        self.version = version
    }
}

/// A deferral of one cluster's deadlines.
public struct Waiver: Hashable, Sendable {
    /// The cluster name.
    public let cluster: String
    /// Every due date of the cluster becomes this date while the waiver is active.
    public let until: CalendarDay
    public let reason: String

    public init(cluster: String, until: CalendarDay, reason: String) {
        self.cluster = cluster
        self.until = until
        self.reason = reason
    }
}

/// A conformance test run (Sonobuoy `e2e`) on a cluster.
public struct ConformanceRun: Hashable, Sendable {
    /// The day the run finished.
    public let date: CalendarDay
    /// The Kubernetes version the run tested.
    public let kubernetes: VersionNumber
    public let passed: Int
    public let failed: Int
    public let skipped: Int

    public init(date: CalendarDay, kubernetes: VersionNumber, passed: Int, failed: Int, skipped: Int) {
        self.date = date
        self.kubernetes = kubernetes
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }
}
