/// How a holiday's date is found in a given year.
public enum HolidayRule: Hashable, Sendable {
    /// A fixed date; when it falls on a Saturday it is observed the Friday before, on a Sunday the
    /// Monday after (5 U.S.C. 6103(b)).
    case fixed(month: Int, day: Int)
    /// The `ordinal`-th `weekday` (ISO, 1 = Monday) of a month; `ordinal` -1 is the last one.
    case weekday(month: Int, weekday: Int, ordinal: Int)

    /// The actual date in `year`.
    public func date(in year: Int) -> CalendarDay? {
        switch self {
        case let .fixed(month, day):
            return CalendarDay(year: year, month: month, day: day)
        case let .weekday(month, weekday, ordinal):
            guard let first = CalendarDay(year: year, month: month, day: 1) else { return nil }
            if ordinal > 0 {
                let offset = (weekday - first.isoWeekday + 7) % 7 + (ordinal - 1) * 7
                let day = first.adding(days: offset)
                return day.month == month ? day : nil
            }
            let last = first.adding(months: 1).adding(days: -1)
            return last.adding(days: -((last.isoWeekday - weekday + 7) % 7))
        }
    }

    /// The observed date for a fixed-date holiday falling on a weekend; `nil` otherwise.
    public func observedDate(in year: Int) -> CalendarDay? {
        guard case .fixed = self, let actual = date(in: year) else { return nil }
        switch actual.isoWeekday {
        case 6: return actual.adding(days: -1)
        case 7: return actual.adding(days: 1)
        default: return nil
        }
    }
}

/// A named holiday rule, in force from a year on.
public struct NamedHolidayRule: Hashable, Sendable {
    public let name: String
    public let rule: HolidayRule
    /// The first year the holiday exists (Juneteenth: 2021).
    public let since: Int

    public init(_ name: String, _ rule: HolidayRule, since: Int = 1) {
        self.name = name
        self.rule = rule
        self.since = since
    }

    /// The eleven legal public holidays of 5 U.S.C. 6103(a), with the statute's names.
    public static let usFederal: [NamedHolidayRule] = [
        NamedHolidayRule("New Year's Day", .fixed(month: 1, day: 1)),
        NamedHolidayRule("Birthday of Martin Luther King, Jr.", .weekday(month: 1, weekday: 1, ordinal: 3)),
        NamedHolidayRule("Washington's Birthday", .weekday(month: 2, weekday: 1, ordinal: 3)),
        NamedHolidayRule("Memorial Day", .weekday(month: 5, weekday: 1, ordinal: -1)),
        NamedHolidayRule("Juneteenth National Independence Day", .fixed(month: 6, day: 19), since: 2021),
        NamedHolidayRule("Independence Day", .fixed(month: 7, day: 4)),
        NamedHolidayRule("Labor Day", .weekday(month: 9, weekday: 1, ordinal: 1)),
        NamedHolidayRule("Columbus Day", .weekday(month: 10, weekday: 1, ordinal: 2)),
        NamedHolidayRule("Veterans Day", .fixed(month: 11, day: 11)),
        NamedHolidayRule("Thanksgiving Day", .weekday(month: 11, weekday: 4, ordinal: 4)),
        NamedHolidayRule("Christmas Day", .fixed(month: 12, day: 25)),
    ]
}

/// A non-business day other than a weekend.
public struct Holiday: Hashable, Sendable {
    /// How the day came to be a holiday.
    public enum Kind: String, Sendable, CaseIterable {
        /// The holiday's own date.
        case actual
        /// The weekday a weekend holiday is observed on.
        case observed
        /// A date `policy.yaml` adds.
        case added
    }

    public let date: CalendarDay
    public let name: String
    public let kind: Kind

    public init(date: CalendarDay, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}

/// The holidays of the business calendar: rules, plus dates added, minus dates removed
/// (`holidays:` in `policy.yaml`). Both a holiday's actual and its observed day are non-business days.
public struct HolidayCalendar: Hashable, Sendable {
    public let rules: [NamedHolidayRule]
    /// Extra non-business days with their names.
    public let added: [Holiday]
    /// Dates that are business days even if a rule makes them holidays.
    public let removed: Set<CalendarDay>

    public init(
        rules: [NamedHolidayRule] = NamedHolidayRule.usFederal, added: [Holiday] = [], removed: Set<CalendarDay> = []
    ) {
        self.rules = rules
        self.added = added
        self.removed = removed
    }

    /// The US federal holidays with no additions or removals.
    public static let usFederal = HolidayCalendar()

    /// Every holiday dated in `year`, by date then name. A holiday observed in another year (New
    /// Year's Day on a Saturday is observed on December 31) is listed in the year of its date.
    public func holidays(in year: Int) -> [Holiday] {
        var days: [Holiday] = []
        for ruleYear in (year - 1)...(year + 1) {
            for named in rules where ruleYear >= named.since {
                if let actual = named.rule.date(in: ruleYear) {
                    days.append(Holiday(date: actual, name: named.name, kind: .actual))
                }
                if let observed = named.rule.observedDate(in: ruleYear) {
                    days.append(Holiday(date: observed, name: named.name, kind: .observed))
                }
            }
        }
        days += added.map { Holiday(date: $0.date, name: $0.name, kind: .added) }
        return days.filter { $0.date.year == year && !removed.contains($0.date) }
            .sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// Whether `day` is a holiday (weekends are not counted here).
    public func isHoliday(_ day: CalendarDay) -> Bool {
        holidays(in: day.year).contains { $0.date == day }
    }
}
