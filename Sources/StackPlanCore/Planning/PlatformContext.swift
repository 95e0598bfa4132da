/// A platform's release facts on a date, precomputed once per plan.
struct PlatformContext {
    let platform: Platform
    /// Releases by minor.
    let releases: [VersionNumber: PlatformRelease]
    /// Released minors on the date, newest first.
    let released: [VersionNumber]
    /// The minors inside the support window (R1).
    let window: Set<VersionNumber>

    init(platform: Platform, asOf: CalendarDay, supportedMinors: Int) {
        self.platform = platform
        var byMinor: [VersionNumber: PlatformRelease] = [:]
        for release in platform.releases { byMinor[release.cycle] = release }
        releases = byMinor
        let calendar = ReleaseCalendar(releases: platform.releases, supportedMinors: supportedMinors)
        released = calendar.released(on: asOf).map(\.cycle)
        window = Set(released.prefix(supportedMinors))
    }

    /// The newest released minor: the target of every path (R6).
    var target: VersionNumber? { released.first }

    /// The release date of `minor` when it is released on the date.
    func releaseDate(of minor: VersionNumber) -> CalendarDay? {
        guard released.contains(minor) else { return nil }
        return releases[minor]?.releaseDate
    }

    /// The end of (standard) support of `minor`.
    func endOfLife(of minor: VersionNumber) -> CalendarDay? {
        releases[minor]?.eol
    }
}

/// Picks the release a component moves to, cached across clusters.
final class ReleaseChooser {
    private let asOf: CalendarDay
    private struct Key: Hashable {
        let component: String
        let installed: VersionNumber
        let minor: VersionNumber
    }

    private var cache: [Key: ComponentRelease?] = [:]

    init(asOf: CalendarDay) {
        self.asOf = asOf
    }

    /// Whether `release` may run on Kubernetes `minor`: its range contains the minor, or it states
    /// no range (unknown compatibility is not treated as incompatible).
    static func mayRun(_ release: ComponentRelease, on minor: VersionNumber) -> Bool {
        release.kubernetes?.contains(minor) ?? true
    }

    /// The release to move `component` to from cycle `installed` for Kubernetes `minor`: a release
    /// no older than the installed one, not past end of life on the date, that may run on the
    /// minor; of those the one supported longest (no `eol` counts as longest), then the newest.
    /// `nil` when there is none.
    func target(of component: Component, from installed: VersionNumber, for minor: VersionNumber) -> ComponentRelease? {
        let key = Key(component: component.id, installed: installed, minor: minor)
        if let cached = cache[key] { return cached }
        let best = component.releases
            .filter { !($0.cycle < installed) && Self.mayRun($0, on: minor) }
            .filter { release in release.eol.map { $0 > asOf } ?? true }
            .max { lhs, rhs in
                let left = lhs.eol?.dayNumber ?? Int.max
                let right = rhs.eol?.dayNumber ?? Int.max
                return left != right ? left < right : lhs.cycle < rhs.cycle
            }
        cache[key] = best
        return best
    }
}
