/// A platform's release facts on a date, precomputed once per plan. A class: every cluster's
/// path reads its platform's, and handing on a reference retains one object, not every table.
final class PlatformContext: Sendable {
    let platform: Platform
    /// Releases by minor.
    let releases: MinorTable<PlatformRelease>
    /// Released minors on the date, newest first.
    let released: [VersionNumber]
    /// The minors inside the support window (R1).
    let window: MinorTable<Void>
    /// Projected minors (when the catalog carries projections), oldest first.
    let projected: [PlatformRelease]
    /// Every minor released on the date.
    let releasedSet: MinorTable<Void>
    /// For each minor of the platform, the release date of the minor after it when that is
    /// released on the date (`nil` when not): R2's clock for every cluster, made once.
    private let nextReleaseDates: MinorTable<CalendarDay?>

    init(platform: Platform, asOf: CalendarDay, supportedMinors: Int) {
        self.platform = platform
        var byMinor = MinorTable<PlatformRelease>()
        for release in platform.releases { byMinor[release.cycle] = release }
        releases = byMinor
        let calendar = ReleaseCalendar(releases: platform.releases, supportedMinors: supportedMinors)
        released = calendar.released(on: asOf).map(\.cycle)
        window = MinorTable(released.prefix(supportedMinors))
        releasedSet = MinorTable(released)
        projected = platform.releases.filter(\.projected).sorted { $0.cycle < $1.cycle }
        var next = MinorTable<CalendarDay?>()
        for minor in byMinor.keys {
            let following = minor.advancingMinor(by: 1)
            next[minor] = releasedSet.contains(following) ? byMinor[following]?.releaseDate : nil
        }
        nextReleaseDates = next
    }

    /// The newest released minor: the target of every path (R6).
    var target: VersionNumber? { released.first }

    /// The release date of `minor` when it is released on the date.
    func releaseDate(of minor: VersionNumber) -> CalendarDay? {
        guard releasedSet.contains(minor) else { return nil }
        return releases[minor]?.releaseDate
    }

    /// The end of (standard) support of `minor`.
    func endOfLife(of minor: VersionNumber) -> CalendarDay? {
        releases[minor]?.eol
    }

    /// The release date of a projected `minor`.
    func projectedDate(of minor: VersionNumber) -> CalendarDay? {
        projected.first { $0.cycle == minor }?.releaseDate
    }

    /// Whether `minor` is released on the platform on the date (not planned, not in the future).
    func isReleased(_ minor: VersionNumber) -> Bool {
        releasedSet.contains(minor)
    }

    /// The end of extended support of `minor`, when the platform offers extended support for it.
    func endOfExtendedSupport(of minor: VersionNumber) -> CalendarDay? {
        releases[minor]?.eoes
    }

    /// The deadline of a resource on `minor` by the two clocks (R2 and R3): `releaseDays` after the
    /// next minor is released, or `endOfLifeDays` after `minor` ends; the earlier of the two.
    func due(leaving minor: VersionNumber, releaseDays: Int, endOfLifeDays: Int) -> CalendarDay? {
        let nextReleased = nextReleaseDates[minor] ?? releaseDate(of: minor.advancingMinor(by: 1))
        return minDate(
            nextReleased.map { $0.adding(days: releaseDays) },
            endOfLife(of: minor).map { $0.adding(days: endOfLifeDays) })
    }
}

/// Every catalog platform's context, by platform id. A catalog has a handful of platforms, and an
/// inventory's platform ids are the catalog's own Strings (equal ones compare by their bits):
/// looking along a short list costs less than hashing the id for a dictionary, for every cluster.
struct PlatformContexts: Sendable {
    private var entries: [(id: String, context: PlatformContext)] = []

    /// The context of platform `id`, if any.
    subscript(id: String) -> PlatformContext? {
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].id == id { return entries[index].context }
            return nil
        }
    }

    /// Makes `context` platform `id`'s, replacing one already there.
    mutating func set(_ context: PlatformContext, for id: String) {
        if let index = entries.firstIndex(where: { $0.id == id }) {
            entries[index].context = context
        } else {
            entries.append((id, context))
        }
    }
}
