/// When work may happen on a customer's clusters: a weekly maintenance window.
public struct MaintenanceWindow: Hashable, Sendable {
    /// ISO weekdays (1 Monday … 7 Sunday) the window opens on.
    public let days: Set<Int>
    /// Local start, seconds after midnight.
    public let start: Int
    /// Length in seconds.
    public let duration: Int
    /// The IANA zone of `start`.
    public let zone: String

    public init(days: Set<Int>, start: Int, duration: Int, zone: String) {
        self.days = days
        self.start = start
        self.duration = duration
        self.zone = zone
    }
}

/// A period in which no work starts or runs on a customer's clusters.
public struct Freeze: Hashable, Sendable {
    public let from: CalendarDay
    public let until: CalendarDay
    public let reason: String
    /// The environments it covers; `nil` for all of them.
    public let environments: [String]?

    public init(from: CalendarDay, until: CalendarDay, reason: String, environments: [String]? = nil) {
        self.from = from
        self.until = until
        self.reason = reason
        self.environments = environments
    }

    /// Whether the freeze covers `environment` and overlaps the days `first…last`.
    public func blocks(_ environment: String, from first: CalendarDay, through last: CalendarDay) -> Bool {
        (environments?.contains(environment) ?? true) && !(last < from) && !(until < first)
    }
}

/// A step's concrete window: the instants it starts and ends, in the window's zone.
public struct PlannedWindow: Hashable, Sendable {
    public let start: Instant
    public let end: Instant
    public let zone: String
    /// The window's offset from UTC at its start (for display with the local time).
    public let offset: Int
}

/// Finds the first maintenance window for a step: on or after a day, outside freezes and the
/// pod's holidays, in a week with pod capacity.
struct WindowFinder {
    let windows: [MaintenanceWindow]
    let freezes: [Freeze]
    let environment: String
    let holidays: HolidayCalendar
    /// The pod's zone, for the local date holidays are judged on.
    let podZone: any TimeZoneRules
    let zones: [String: any TimeZoneRules]
    /// How far ahead to look before giving up.
    static let horizonDays = 730

    /// The first window on or after `earliest` whose step span (`duration` days from its date)
    /// touches no freeze, not on a pod holiday, for which `hasRoom(day)` holds. Also the freeze
    /// that pushed the step out, if one did.
    func first(from earliest: CalendarDay, duration: Int, hasRoom: (CalendarDay) -> Bool) -> (
        found: (day: CalendarDay, window: PlannedWindow)?, blockedBy: Freeze?
    ) {
        var blockedBy: Freeze?
        let ordered = windows.sorted { ($0.start, $0.zone) < ($1.start, $1.zone) }
        for offset in 0..<Self.horizonDays {
            let day = earliest.adding(days: offset)
            for window in ordered where window.days.contains(day.isoWeekday) {
                guard let zone = zones[window.zone] else { continue }
                let start = zone.instant(localDay: day, secondsOfDay: window.start)
                let end = start.adding(seconds: window.duration)
                let last = day.adding(days: max(1, duration) - 1)
                if let freeze = freezes.first(where: {
                    $0.blocks(environment, from: day, through: max(last, zone.localDay(end)))
                }) {
                    blockedBy = blockedBy ?? freeze
                    continue
                }
                guard !holidays.isHoliday(podZone.localDay(start)), hasRoom(day) else { continue }
                return (
                    (day, PlannedWindow(start: start, end: end, zone: window.zone, offset: zone.offset(at: start))),
                    blockedBy
                )
            }
        }
        return (nil, blockedBy)
    }
}
