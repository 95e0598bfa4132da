/// Projects the Kubernetes minors that are certain to come but not yet announced, upstream and per
/// platform, from the past cadence (Docs/planning-rules.md, "Projected releases").
///
/// - Upstream: each next minor after the last known one (released or planned) comes the median
///   interval between the last six known minors later; its `eoas` and `eol` are its release date
///   plus the median of the same durations over the last six released minors that have them.
/// - A platform: each minor after its last known one comes the median lag of the platform behind
///   upstream (over its last six minors) after that minor's upstream date, known or projected;
///   `eol` and `eoes` follow by the platform's median durations.
///
/// Projected releases carry `projected: true`; they never count as released.
public enum ReleaseProjection {
    /// How many recent minors each median looks at.
    static let window = 6

    /// The projected upstream minors released on or before `through`.
    public static func upstream(_ known: [KubernetesRelease], through: CalendarDay) -> [KubernetesRelease] {
        let sorted = known.sorted { $0.cycle < $1.cycle }
        guard let last = sorted.last else { return [] }
        let recent = Array(sorted.suffix(window))
        guard
            let interval = median(zip(recent, recent.dropFirst()).map { $0.releaseDate.days(until: $1.releaseDate) }),
            interval > 0
        else { return [] }
        let released = sorted.filter { !$0.planned }.suffix(window)
        let eoas = median(released.compactMap { release in release.eoas.map { release.releaseDate.days(until: $0) } })
        let eol = median(released.compactMap { release in release.eol.map { release.releaseDate.days(until: $0) } })
        var projected: [KubernetesRelease] = []
        var cycle = last.cycle
        var date = last.releaseDate
        while true {
            cycle = cycle.advancingMinor(by: 1)
            date = date.adding(days: interval)
            guard date <= through, projected.count < 60 else { break }
            projected.append(
                KubernetesRelease(
                    cycle: cycle, releaseDate: date, eoas: eoas.map { date.adding(days: $0) },
                    eol: eol.map { date.adding(days: $0) }, projected: true,
                    source: "projected: median of the last \(window) minors"))
        }
        return projected
    }

    /// The projected minors of `platform` released on or before `through`, following `upstream`
    /// (known and projected upstream minors).
    public static func platform(_ platform: Platform, upstream: [KubernetesRelease], through: CalendarDay)
        -> [PlatformRelease]
    {
        let upstreamDate = Dictionary(upstream.map { ($0.cycle, $0.releaseDate) }) { first, _ in first }
        let known = platform.releases.sorted { $0.cycle < $1.cycle }
        guard let last = known.last else { return [] }
        let recent = known.suffix(window)
        guard
            let lag = median(
                recent.compactMap { release in upstreamDate[release.cycle].map { $0.days(until: release.releaseDate) } }
            )
        else { return [] }
        let eol = median(recent.compactMap { release in release.eol.map { release.releaseDate.days(until: $0) } })
        let eoes = median(recent.compactMap { release in release.eoes.map { release.releaseDate.days(until: $0) } })
        var projected: [PlatformRelease] = []
        var cycle = last.cycle.advancingMinor(by: 1)
        while let base = upstreamDate[cycle] {
            let date = max(base.adding(days: lag), last.releaseDate)
            guard date <= through, projected.count < 60 else { break }
            projected.append(
                PlatformRelease(
                    cycle: cycle, releaseDate: date, eol: eol.map { date.adding(days: $0) },
                    eoes: eol == nil ? nil : eoes.map { date.adding(days: $0) }, projected: true,
                    source: "projected: upstream date plus the median lag of the last \(window) minors"))
            cycle = cycle.advancingMinor(by: 1)
        }
        return projected
    }

    /// The median of whole days (the lower middle of an even count, so results stay whole days).
    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}

extension Catalog {
    /// This catalog with projected minors through `through` added upstream and on every platform.
    public func withProjections(through: CalendarDay) -> Catalog {
        let upstream = ReleaseProjection.upstream(kubernetes, through: through)
        let allUpstream = kubernetes + upstream
        let platforms = platforms.map { platform in
            Platform(
                id: platform.id, name: platform.name, component: platform.component,
                releases: platform.releases
                    + ReleaseProjection.platform(platform, upstream: allUpstream, through: through))
        }
        return Catalog(
            version: version, title: title, dataAsOf: dataAsOf, categories: categories, kubernetes: allUpstream,
            platforms: platforms, components: components, policy: policy, tiers: tiers)
    }
}
