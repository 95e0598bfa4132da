/// A time zone as the core sees it: the UTC offset in force at an instant. Any IANA zone can be
/// supplied from the edges (Foundation's `TimeZone` behind this protocol); the core stays free of
/// I/O. `ZoneRules` (the built-in US zones) conforms.
public protocol TimeZoneRules: Sendable {
    /// The IANA name, such as `Europe/Berlin`.
    var identifier: String { get }
    /// Seconds east of UTC in force at `instant`.
    func offset(at instant: Instant) -> Int
}

extension ZoneRules: TimeZoneRules {}

extension TimeZoneRules {
    /// The local day of `instant`.
    public func localDay(_ instant: Instant) -> CalendarDay {
        CalendarDay(dayNumber: Int((Double(instant.seconds + offset(at: instant)) / 86_400).rounded(.down)))
    }

    /// The instant of local time `secondsOfDay` on `day`. A time that occurs twice (a fall-back)
    /// is its first occurrence; a time that does not exist (a spring-forward gap) moves forward
    /// by the gap (02:30 on a day clocks jump from 02:00 to 03:00 is 03:30).
    public func instant(localDay day: CalendarDay, secondsOfDay: Int) -> Instant {
        let local = day.dayNumber * 86_400 + secondsOfDay
        let before = offset(at: Instant(seconds: local - 43_200))
        let after = offset(at: Instant(seconds: local + 43_200))
        let candidates = Set([before, after]).map { Instant(seconds: local - $0) }
            .filter { $0.seconds + offset(at: $0) == local }
        // In the gap no candidate maps back: the offset before the jump gives the moved time.
        return candidates.min() ?? Instant(seconds: local - before)
    }
}
