/// The whole stack catalog: one edition of the provider's promise.
public struct Catalog: Hashable, Sendable {
    /// The edition, such as `2026-Q3`.
    public let version: Quarter
    /// The title.
    public let title: String
    /// The date of the newest fact in the catalog.
    public let dataAsOf: CalendarDay
    /// The categories, in file order.
    public let categories: [Category]
    /// The upstream Kubernetes minors.
    public let kubernetes: [KubernetesRelease]
    /// The platforms, sorted by id.
    public let platforms: [Platform]
    /// The components, sorted by id.
    public let components: [Component]
    /// The upgrade promise's numbers.
    public let policy: Policy
    /// What each tier promises, in the order declared.
    public let tiers: [TierObligation]

    public init(
        version: Quarter, title: String, dataAsOf: CalendarDay, categories: [Category],
        kubernetes: [KubernetesRelease], platforms: [Platform], components: [Component], policy: Policy = .standard,
        tiers: [TierObligation] = []
    ) {
        self.policy = policy
        self.tiers = tiers
        self.version = version
        self.title = title
        self.dataAsOf = dataAsOf
        self.categories = categories
        self.kubernetes = kubernetes
        self.platforms = platforms.sorted { $0.id < $1.id }
        self.components = components.sorted { $0.id < $1.id }
    }

    /// The component with `id`.
    public func component(_ id: String) -> Component? {
        components.first { $0.id == id }
    }

    /// The platform with `id`.
    public func platform(_ id: String) -> Platform? {
        platforms.first { $0.id == id }
    }

    /// The category with `id`.
    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }

    /// The upstream calendar seen as a platform's release list (no extended support).
    public var upstreamReleases: [PlatformRelease] {
        kubernetes.map {
            PlatformRelease(
                cycle: $0.cycle, releaseDate: $0.releaseDate, eol: $0.eol, planned: $0.planned,
                projected: $0.projected, source: $0.source)
        }
    }
}
