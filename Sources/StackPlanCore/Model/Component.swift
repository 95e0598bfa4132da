/// A technology of the stack catalog, from `components/<id>.yaml`.
public struct Component: Hashable, Sendable {
    /// The component id, also its file name.
    public let id: String
    /// The display name.
    public let name: String
    /// The id of its category.
    public let category: String
    /// Its current tier.
    public let tier: Tier
    /// What it does, when the catalog says.
    public let role: ComponentRole?
    /// The platforms it is offered on; `nil` means every platform.
    public let platforms: [String]?
    /// The upstream project or product URL.
    public let upstream: String
    /// Tier moves, oldest first; the last entry's tier is `tier`.
    public let history: [TierChange]
    /// Release cycles, in file order.
    public let releases: [ComponentRelease]
    /// The Helm charts that install it (`charts:`), for `inventory import --helm`.
    public let charts: [HelmChart]

    public init(
        id: String, name: String, category: String, tier: Tier, role: ComponentRole? = nil,
        platforms: [String]? = nil, upstream: String, history: [TierChange], releases: [ComponentRelease],
        charts: [HelmChart] = []
    ) {
        self.charts = charts
        self.id = id
        self.name = name
        self.category = category
        self.tier = tier
        self.role = role
        self.platforms = platforms
        self.upstream = upstream
        self.history = history
        self.releases = releases
    }

    /// Whether the component is offered on `platform`.
    public func isOffered(on platform: String) -> Bool {
        platforms?.contains(platform) ?? true
    }

    /// The newest release cycle (highest version), if the component has releases.
    public var newestRelease: ComponentRelease? {
        releases.max { $0.cycle < $1.cycle }
    }

    /// The release an installed version belongs to: the cycle that is its prefix at a dot boundary.
    public func release(containing version: VersionNumber) -> ComponentRelease? {
        Self.releaseIndex(containing: version, cycles: releases.map(\.cycle)).map { releases[$0] }
    }

    /// The index in `cycles` (a component's release cycles, in order) of the release an installed
    /// version belongs to (the longest cycle that is its prefix), `nil` when none. Planning keeps
    /// each component's cycles apart (``ComponentBox``) and reads them in place: no release is
    /// copied to look at its cycle.
    static func releaseIndex(containing version: VersionNumber, cycles: [VersionNumber]) -> Int? {
        cycles.withUnsafeBufferPointer { cycles in
            var best: Int?
            for index in cycles.indices where version.belongs(to: cycles[index]) {
                if best.map({ cycles[$0].partCount < cycles[index].partCount }) ?? true { best = index }
            }
            return best
        }
    }
}

/// One entry of a component's tier history.
public struct TierChange: Hashable, Sendable {
    /// The review quarter of the move.
    public let quarter: Quarter
    /// The tier from that quarter on.
    public let tier: Tier
    /// Why.
    public let note: String

    public init(quarter: Quarter, tier: Tier, note: String) {
        self.quarter = quarter
        self.tier = tier
        self.note = note
    }
}

/// A release cycle of a component.
public struct ComponentRelease: Hashable, Sendable {
    /// The cycle, such as `3.4`.
    public let cycle: VersionNumber
    /// The date of its first release.
    public let releaseDate: CalendarDay
    /// End of life, when published.
    public let eol: CalendarDay?
    /// The newest version of the cycle.
    public let latest: String?
    /// The Kubernetes minors the cycle supports, when known.
    public let kubernetes: KubernetesRange?
    /// Where the facts come from.
    public let source: String
    /// The version a component moving to this cycle ends up on: `latest` (else the cycle's text)
    /// read as an installed version, `nil` when it is not one. Read once here rather than for
    /// every move planned.
    public let latestVersion: VersionNumber?

    public init(
        cycle: VersionNumber, releaseDate: CalendarDay, eol: CalendarDay? = nil, latest: String? = nil,
        kubernetes: KubernetesRange? = nil, source: String
    ) {
        self.cycle = cycle
        self.releaseDate = releaseDate
        self.eol = eol
        self.latest = latest
        self.kubernetes = kubernetes
        self.source = source
        latestVersion = VersionNumber(version: latest ?? cycle.text)
    }

    /// Whether the cycle is known to support Kubernetes `minor`: a range is given and contains it.
    public func supports(kubernetes minor: VersionNumber) -> Bool {
        kubernetes?.contains(minor) ?? false
    }
}

/// An inclusive range of Kubernetes minors; either bound may be open.
public struct KubernetesRange: Hashable, Sendable {
    /// The lowest supported minor, if stated.
    public let min: VersionNumber?
    /// The highest supported minor, if stated.
    public let max: VersionNumber?

    public init(min: VersionNumber?, max: VersionNumber?) {
        self.min = min
        self.max = max
    }

    /// Whether `minor` lies inside the range.
    public func contains(_ minor: VersionNumber) -> Bool {
        if let min, minor < min { return false }
        if let max, max < minor { return false }
        return true
    }
}

extension KubernetesRange: CustomStringConvertible {
    /// `1.30–1.35`, `≥ 1.30`, `≤ 1.35` or `any`.
    public var description: String {
        switch (min, max) {
        case let (min?, max?): "\(min)–\(max)"
        case let (min?, nil): ">= \(min)"
        case let (nil, max?): "<= \(max)"
        case (nil, nil): "any"
        }
    }
}

/// A Helm chart that installs a component, and which of its versions is the component's.
public struct HelmChart: Hashable, Sendable {
    /// Where the installed component version comes from in `helm list`.
    public enum VersionSource: String, CaseIterable, Sendable {
        /// The chart's `app_version` (most upstream charts).
        case appVersion = "app-version"
        /// The chart version itself (charts versioned with the application).
        case chart
    }

    public let name: String
    public let version: VersionSource

    public init(name: String, version: VersionSource) {
        self.name = name
        self.version = version
    }
}
