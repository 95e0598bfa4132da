/// One upstream Kubernetes minor from `kubernetes.yaml`.
public struct KubernetesRelease: Hashable, Sendable {
    /// The minor, such as `1.36`.
    public let cycle: VersionNumber
    /// The release date, or the target date when `planned`.
    public let releaseDate: CalendarDay
    /// Start of maintenance mode.
    public let eoas: CalendarDay?
    /// End of life (end of maintenance).
    public let eol: CalendarDay?
    /// The newest patch.
    public let latest: String?
    /// The date of the newest patch.
    public let latestReleaseDate: CalendarDay?
    /// Whether the release is only scheduled; planned releases never count as released.
    public let planned: Bool
    /// Whether StackPlan projected the release from the past cadence (`ReleaseProjection`); the
    /// dates are estimates and never count as released.
    public let projected: Bool
    /// Where the facts come from.
    public let source: String

    public init(
        cycle: VersionNumber, releaseDate: CalendarDay, eoas: CalendarDay? = nil, eol: CalendarDay? = nil,
        latest: String? = nil, latestReleaseDate: CalendarDay? = nil, planned: Bool = false, projected: Bool = false,
        source: String
    ) {
        self.projected = projected
        self.cycle = cycle
        self.releaseDate = releaseDate
        self.eoas = eoas
        self.eol = eol
        self.latest = latest
        self.latestReleaseDate = latestReleaseDate
        self.planned = planned
        self.source = source
    }
}

/// A Kubernetes platform (EKS, RPC-K) and the minors it offers, from `platforms/<id>.yaml`.
public struct Platform: Hashable, Sendable {
    /// The platform id, also its file name.
    public let id: String
    /// The display name.
    public let name: String
    /// The catalog component that is this platform, if any.
    public let component: String?
    /// The minors offered on the platform.
    public let releases: [PlatformRelease]

    public init(id: String, name: String, component: String?, releases: [PlatformRelease]) {
        self.id = id
        self.name = name
        self.component = component
        self.releases = releases
    }
}

/// A Kubernetes minor as offered on one platform.
public struct PlatformRelease: Hashable, Sendable {
    /// The minor, such as `1.36`.
    public let cycle: VersionNumber
    /// The date the minor became available on the platform.
    public let releaseDate: CalendarDay
    /// End of standard support.
    public let eol: CalendarDay?
    /// End of extended support, if the platform offers it.
    public let eoes: CalendarDay?
    /// Whether the release is only scheduled.
    public let planned: Bool
    /// Whether StackPlan projected the release (estimated dates; never released).
    public let projected: Bool
    /// Where the facts come from.
    public let source: String

    public init(
        cycle: VersionNumber, releaseDate: CalendarDay, eol: CalendarDay?, eoes: CalendarDay? = nil,
        planned: Bool = false, projected: Bool = false, source: String
    ) {
        self.projected = projected
        self.cycle = cycle
        self.releaseDate = releaseDate
        self.eol = eol
        self.eoes = eoes
        self.planned = planned
        self.source = source
    }
}
