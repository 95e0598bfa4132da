/// The UTC offset rules of a time zone: a standard offset and, optionally, US daylight saving time
/// (since 2007: from the second Sunday of March at 02:00 local standard time to the first Sunday
/// of November at 02:00 local daylight time, one hour ahead).
///
/// The zones are built in rather than read from the system's tz database, so results do not
/// depend on the machine. Instants before 2007 use the same rule.
public struct ZoneRules: Hashable, Sendable {
    /// The IANA name, such as `America/Los_Angeles`.
    public let identifier: String
    /// Standard time's offset from UTC in seconds (Pacific: -8 h).
    public let standardOffset: Int
    /// Whether US daylight saving time applies.
    public let observesUSDaylightTime: Bool

    /// The zones StackPlan knows: the contiguous US zones and UTC.
    public static let known: [ZoneRules] = [
        ZoneRules(identifier: "America/Los_Angeles", standardOffset: -8 * 3600, observesUSDaylightTime: true),
        ZoneRules(identifier: "America/Denver", standardOffset: -7 * 3600, observesUSDaylightTime: true),
        ZoneRules(identifier: "America/Phoenix", standardOffset: -7 * 3600, observesUSDaylightTime: false),
        ZoneRules(identifier: "America/Chicago", standardOffset: -6 * 3600, observesUSDaylightTime: true),
        ZoneRules(identifier: "America/New_York", standardOffset: -5 * 3600, observesUSDaylightTime: true),
        ZoneRules(identifier: "UTC", standardOffset: 0, observesUSDaylightTime: false),
    ]

    /// Pacific time, the business hours' zone by default.
    public static let pacific = known[0]

    /// The zone named `identifier`, if known.
    public static func named(_ identifier: String) -> ZoneRules? {
        known.first { $0.identifier == identifier }
    }

    /// The offset from UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        guard observesUSDaylightTime else { return standardOffset }
        let year = instant.adding(seconds: standardOffset).utcDay.year
        let (start, end) = daylightPeriod(year)
        return instant >= start && instant < end ? standardOffset + 3600 : standardOffset
    }

    /// The local date and seconds after local midnight of `instant`.
    public func local(_ instant: Instant) -> (day: CalendarDay, secondsOfDay: Int) {
        let shifted = instant.adding(seconds: offset(at: instant))
        let day = shifted.utcDay
        return (day, shifted.seconds - day.dayNumber * 86_400)
    }

    /// The instant of a local date and time. Times in the spring-forward gap are read as
    /// standard time; in the fall-back overlap the first (daylight) reading wins.
    public func instant(_ day: CalendarDay, secondsOfDay: Int) -> Instant {
        let asDaylight = Instant(utc: day, secondsOfDay: secondsOfDay).adding(seconds: -(standardOffset + 3600))
        if observesUSDaylightTime, offset(at: asDaylight) == standardOffset + 3600 { return asDaylight }
        return Instant(utc: day, secondsOfDay: secondsOfDay).adding(seconds: -standardOffset)
    }

    /// The days daylight time starts and ends (second Sunday of March, first Sunday of November)
    /// for 1970–2100, computed once: every local-time conversion needs them.
    private static let daylightDays: [(march: CalendarDay, november: CalendarDay)] = tabulatedYears.map {
        daylightDays(in: $0)
    }
    private static let tabulatedYears = 1970...2100

    private static func daylightDays(in year: Int) -> (march: CalendarDay, november: CalendarDay) {
        (
            HolidayRule.weekday(month: 3, weekday: 7, ordinal: 2).date(in: year) ?? CalendarDay(dayNumber: 0),
            HolidayRule.weekday(month: 11, weekday: 7, ordinal: 1).date(in: year) ?? CalendarDay(dayNumber: 0)
        )
    }

    /// The daylight-time period of `year` as instants.
    private func daylightPeriod(_ year: Int) -> (Instant, Instant) {
        let (march, november) =
            Self.tabulatedYears.contains(year)
            ? Self.daylightDays[year - Self.tabulatedYears.lowerBound] : Self.daylightDays(in: year)
        let start = Instant(utc: march, secondsOfDay: 2 * 3600).adding(seconds: -standardOffset)
        let end = Instant(utc: november, secondsOfDay: 2 * 3600).adding(seconds: -(standardOffset + 3600))
        return (start, end)
    }
}
