/// Business hours: a daily window on chosen weekdays in one time zone, minus holidays.
public struct BusinessHours: Hashable, Sendable {
    public let zone: ZoneRules
    /// Opening time, seconds after local midnight (08:00 → 28,800).
    public let start: Int
    /// Closing time, seconds after local midnight (17:00 → 61,200).
    public let end: Int
    /// Business weekdays, ISO numbering (1 = Monday).
    public let weekdays: Set<Int>
    public let holidays: HolidayCalendar
    /// Every holiday from 1970 to 2100 as one bit per day from 1970-01-01, computed once so
    /// clocks need no per-call work (no hashing, no calendar arithmetic).
    private let holidayBits: [UInt64]
    /// The days `holidayBits` covers: 1970-01-01 (day 0) to 2100-12-31.
    private static let precomputedDays = 0..<(CalendarDay(year: 2101, month: 1, day: 1)?.dayNumber ?? 0)
    /// Bit `weekday` is set for each business weekday.
    private let weekdayMask: Int

    public init(zone: ZoneRules, start: Int, end: Int, weekdays: Set<Int>, holidays: HolidayCalendar) {
        self.zone = zone
        self.start = start
        self.end = end
        self.weekdays = weekdays
        self.holidays = holidays
        var bits = [UInt64](repeating: 0, count: Self.precomputedDays.count / 64 + 1)
        for year in 1970...2100 {
            for holiday in holidays.holidays(in: year) where Self.precomputedDays.contains(holiday.date.dayNumber) {
                bits[holiday.date.dayNumber / 64] |= 1 << UInt64(holiday.date.dayNumber % 64)
            }
        }
        holidayBits = bits
        weekdayMask = weekdays.reduce(0) { (1...7).contains($1) ? $0 | 1 << $1 : $0 }
    }

    /// Monday–Friday 08:00–17:00 America/Los_Angeles, US federal holidays excluded.
    public static let standard = BusinessHours(
        zone: .pacific, start: 8 * 3600, end: 17 * 3600, weekdays: [1, 2, 3, 4, 5], holidays: .usFederal)

    /// Whether `day` is a business day: a business weekday that is not a holiday.
    public func isBusinessDay(_ day: CalendarDay) -> Bool {
        guard weekdayMask & 1 << day.isoWeekday != 0 else { return false }
        let number = day.dayNumber
        if Self.precomputedDays.contains(number) { return holidayBits[number / 64] & 1 << UInt64(number % 64) == 0 }
        return !holidays.isHoliday(day)
    }

    /// The instant `seconds` of business time after `opened`: time counts only inside business
    /// hours on business days; an instant outside them starts counting at the next opening.
    /// A due time may fall exactly on the closing time.
    public func adding(businessSeconds seconds: Int, to opened: Instant) -> Instant {
        var (day, time) = zone.local(opened)
        var remaining = seconds
        // Guard against a calendar with no business days at all: stop after ten years.
        for _ in 0..<3660 {
            if !isBusinessDay(day) || time >= end {
                day = day.adding(days: 1)
                time = start
                continue
            }
            time = max(time, start)
            let available = end - time
            if remaining <= available {
                return zone.instant(day, secondsOfDay: time + remaining)
            }
            remaining -= available
            day = day.adding(days: 1)
            time = start
        }
        return opened.adding(seconds: seconds)
    }
}
