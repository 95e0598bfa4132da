/// Picks the release a component moves to (rules R3 and R8), cached across clusters.
final class ReleaseChooser {
    /// The outcome of a choice: a release, or why there is none.
    enum Choice: Hashable {
        case release(ComponentRelease)
        /// No release at or above the installed one may run on the required minors.
        case noneSupports
        /// Some do, but every one of them is past end of life on the date; the newest of them.
        case allEnded(newest: ComponentRelease)

        var release: ComponentRelease? {
            if case .release(let release) = self { return release }
            return nil
        }
    }

    private let asOf: CalendarDay
    private struct Key: Hashable {
        let component: String
        let installed: VersionNumber
        let low: VersionNumber
        let high: VersionNumber
        let reach: VersionNumber

        /// The id by its fingerprint (``TextFingerprint``), not every byte: equality still
        /// compares it whole.
        func hash(into hasher: inout Hasher) {
            hasher.combine(TextFingerprint.of(component))
            hasher.combine(installed)
            hasher.combine(low)
            hasher.combine(high)
            hasher.combine(reach)
        }
    }

    private var cache: [Key: Choice] = [:]

    init(asOf: CalendarDay) {
        self.asOf = asOf
    }

    /// Whether a release supporting `range` may run on every minor from `low` to `high`: the
    /// range contains both ends (ranges are intervals), or there is no range (unknown
    /// compatibility is not treated as incompatible).
    static func mayRun(_ range: KubernetesRange?, from low: VersionNumber, through high: VersionNumber) -> Bool {
        guard let range else { return true }
        return range.contains(low) && range.contains(high)
    }

    /// The release to move `component` to from cycle `installed` so that it runs on every minor
    /// from `low` through `high` (the cluster on both sides of a move): no older than the installed
    /// cycle, not past end of life on the date. Of those, the one that runs furthest towards
    /// `reach` (so one move spans as much of an in-place chain as possible), then the one
    /// supported longest (no `eol` counts as longest), then the newest.
    func target(
        of component: Component, from installed: VersionNumber, runningOn low: VersionNumber,
        through high: VersionNumber, reaching reach: VersionNumber
    ) -> Choice {
        target(
            of: component.id, releases: component.releases, from: installed, runningOn: low, through: high,
            reaching: reach)
    }

    /// `target(of:from:runningOn:through:reaching:)` for the component `id` with `releases` (read
    /// in place from a component held by a class, which would otherwise be copied whole).
    func target(
        of id: String, releases: [ComponentRelease], from installed: VersionNumber, runningOn low: VersionNumber,
        through high: VersionNumber, reaching reach: VersionNumber
    ) -> Choice {
        let key = Key(component: id, installed: installed, low: low, high: high, reach: reach)
        if let cached = cache[key] { return cached }
        let fitting = releases.filter {
            !($0.cycle < installed) && Self.mayRun($0.kubernetes, from: low, through: high)
        }
        let live = fitting.filter { release in release.eol.map { $0 > asOf } ?? true }
        let choice: Choice
        if let best = live.max(by: { lhs, rhs in
            let left = (Self.span(lhs, reach: reach), lhs.eol?.dayNumber ?? Int.max)
            let right = (Self.span(rhs, reach: reach), rhs.eol?.dayNumber ?? Int.max)
            return left != right ? left < right : lhs.cycle < rhs.cycle
        }) {
            choice = .release(best)
        } else if let newest = fitting.max(by: { $0.cycle < $1.cycle }) {
            choice = .allEnded(newest: newest)
        } else {
            choice = .noneSupports
        }
        cache[key] = choice
        return choice
    }

    /// How far up towards `reach` the release may run, as a minor number.
    private static func span(_ release: ComponentRelease, reach: VersionNumber) -> Int {
        guard let max = release.kubernetes?.max, max < reach else { return reach.part(1) }
        return max.part(1)
    }
}
