/// What the credit rules need to know about the cluster an incident names: its platform, minor
/// and environment kind from the inventory, and whether that minor was covered on a day.
///
/// The inventory holds each cluster's version now, not its history: an incident is judged
/// against the version the inventory gives (documented in Docs/service-levels.md).
public struct IncidentClusters: Sendable {
    /// A cluster as the credit rules see it.
    public struct Entry: Hashable, Sendable {
        public let platform: String
        public let minor: VersionNumber
        public let kind: EnvironmentKind
    }

    private let entries: [String: [String: Entry]]
    /// Each platform's releases, newest first.
    private let releases: [String: [PlatformRelease]]
    private let supportedMinors: Int

    public init(customers: [Customer], platforms: [Platform], supportedMinors: Int) {
        var entries: [String: [String: Entry]] = [:]
        for customer in customers {
            for environment in customer.environments {
                for cluster in environment.clusters {
                    entries[customer.id, default: [:]][cluster.name] = Entry(
                        platform: cluster.platform, minor: cluster.minor, kind: environment.kind)
                }
            }
        }
        self.entries = entries
        self.releases = Dictionary(platforms.map { ($0.id, $0.releases.sorted { $1.cycle < $0.cycle }) }) { a, _ in a }
        self.supportedMinors = supportedMinors
    }

    /// The cluster `name` of `customer`, if the inventory has it.
    public func entry(customer: String, cluster name: String) -> Entry? {
        entries[customer]?[name]
    }

    /// Whether the SLA covered `entry` on `day`: its minor was among its platform's
    /// `supportedMinors` most recent released minors and not past end of life.
    public func isSupported(_ entry: Entry, on day: CalendarDay) -> Bool {
        var inWindow = 0
        for release in releases[entry.platform] ?? [] where ReleaseCalendar.isReleased(release, on: day) {
            guard inWindow < supportedMinors else { return false }
            inWindow += 1
            if release.cycle == entry.minor { return release.eol.map { day < $0 } ?? true }
        }
        return false
    }
}
