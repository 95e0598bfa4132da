/// The lifecycle status of a Kubernetes minor on a platform on a given date.
public enum ReleaseStatus: String, CaseIterable, Codable, Sendable {
    /// The most recent released minor.
    case newest
    /// The second most recent released minor (inside the two-minor support window).
    case supported
    /// Released and not end of life, but outside the two most recent.
    case maintained
    /// On or after `eol`, before `eoes`.
    case extendedSupport = "extended-support"
    /// On or after `eol` when there is no `eoes`, else on or after `eoes`.
    case endOfLife = "end-of-life"
    /// Scheduled, or not released yet on the date.
    case planned
    /// Not announced: projected from the past cadence (`ReleaseProjection`).
    case projected
}

/// A platform minor with its status on a date.
public struct ReleaseStanding: Hashable, Sendable {
    /// The release.
    public let release: PlatformRelease
    /// Its status.
    public let status: ReleaseStatus
    /// Days from the date to `eol` (negative once past), `nil` when no `eol` is known.
    public let daysToEol: Int?
    /// Days from the date to `eoes`, `nil` when there is none.
    public let daysToEoes: Int?
}

/// Decides the status of every minor of a platform's release list on a date.
public struct ReleaseCalendar: Sendable {
    /// The platform's minors.
    public let releases: [PlatformRelease]
    /// How many of the most recent released minors the SLA covers (`support.supportedMinors`).
    public let supportedMinors: Int

    public init(releases: [PlatformRelease], supportedMinors: Int = 2) {
        self.releases = releases
        self.supportedMinors = supportedMinors
    }

    /// Whether `release` counts as released on `day`: not planned and released on or before it.
    public static func isReleased(_ release: PlatformRelease, on day: CalendarDay) -> Bool {
        !release.planned && !release.projected && release.releaseDate <= day
    }

    /// The released minors on `day`, newest first.
    public func released(on day: CalendarDay) -> [PlatformRelease] {
        releases.filter { Self.isReleased($0, on: day) }.sorted { $1.cycle < $0.cycle }
    }

    /// The minors inside the support window on `day`, newest first.
    public func supportWindow(on day: CalendarDay) -> [VersionNumber] {
        released(on: day).prefix(supportedMinors).map(\.cycle)
    }

    /// Every minor with its status on `day`, newest first.
    public func standings(on day: CalendarDay) -> [ReleaseStanding] {
        let window = supportWindow(on: day)
        return releases.sorted { $1.cycle < $0.cycle }.map { release in
            ReleaseStanding(
                release: release,
                status: status(of: release, on: day, window: window),
                daysToEol: release.eol.map { day.days(until: $0) },
                daysToEoes: release.eoes.map { day.days(until: $0) })
        }
    }

    private func status(of release: PlatformRelease, on day: CalendarDay, window: [VersionNumber]) -> ReleaseStatus {
        if release.projected { return .projected }
        guard Self.isReleased(release, on: day) else { return .planned }
        if let eol = release.eol, day >= eol {
            if let eoes = release.eoes, day < eoes { return .extendedSupport }
            return .endOfLife
        }
        if release.cycle == window.first { return .newest }
        if window.contains(release.cycle) { return .supported }
        return .maintained
    }
}
