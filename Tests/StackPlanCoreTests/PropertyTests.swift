import Foundation
import Testing

@testable import StackPlanCore

/// Property tests against obvious models, with a seeded generator (the same cases every run).
@Suite("Properties")
struct PropertyTests {
    private static var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }

    private static func foundationDate(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        gregorian.date(from: DateComponents(year: year, month: month, day: day))
    }

    @Test func calendarDaysMatchFoundationFrom1900To2100() throws {
        let calendar = Self.gregorian
        let start = try #require(CalendarDay(year: 1900, month: 1, day: 1))
        let end = try #require(CalendarDay(year: 2100, month: 12, day: 31))
        let origin = try #require(Self.foundationDate(1900, 1, 1))
        // Every day of the two centuries: components, weekday and the distance from the start.
        var day = start
        var offset = 0
        while day <= end {
            let date = try #require(calendar.date(byAdding: .day, value: offset, to: origin))
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let (year, month, dayOfMonth) = day.components
            guard year == parts.year, month == parts.month, dayOfMonth == parts.day else {
                Issue.record("\(day) is \(parts) in Foundation")
                return
            }
            // Foundation: Sunday 1 … Saturday 7; ISO: Monday 1 … Sunday 7.
            #expect(day.isoWeekday == ((parts.weekday ?? 1) + 5) % 7 + 1)
            #expect(start.days(until: day) == offset)
            day = day.adding(days: 1)
            offset += 1
        }
        #expect(offset == 73_414)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func addingMonthsAndDaysMatchesFoundation(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let calendar = Self.gregorian
        for _ in 0..<2_000 {
            let year = Int.random(in: 1900...2099, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let dayOfMonth = Int.random(in: 1...CalendarDay.daysInMonth(year: year, month: month), using: &random)
            let day = try #require(CalendarDay(year: year, month: month, day: dayOfMonth))
            let date = try #require(Self.foundationDate(year, month, dayOfMonth))
            let days = Int.random(in: -3_000...3_000, using: &random)
            let months = Int.random(in: -36...36, using: &random)
            let byDays = try #require(calendar.date(byAdding: .day, value: days, to: date))
            #expect(day.adding(days: days).description == Self.text(byDays, calendar))
            // Months: the same month number moved, the day clamped to the month's end. (Modelled here
            // rather than asked of Foundation: swift-corelibs-foundation answers 1962-03-01 for
            // 1962-01-31 plus one month on this machine.)
            let total = year * 12 + (month - 1) + months
            let (newYear, newMonth) = (total / 12, total % 12 + 1)
            let clamped = min(dayOfMonth, CalendarDay.daysInMonth(year: newYear, month: newMonth))
            #expect(day.adding(months: months) == CalendarDay(year: newYear, month: newMonth, day: clamped))
            #expect(day.adding(days: days).adding(days: -days) == day)
            #expect(CalendarDay(day.description) == day)
        }
    }

    private static func text(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func versionsOrderLikeTheirNumbers(_ seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func version() -> [Int] {
            (0..<Int.random(in: 1...9, using: &random)).map { _ in
                // Mostly small parts; now and then one too wide to pack, read from the text instead.
                Int.random(in: 0...9, using: &random) == 0
                    ? Int.random(in: 1_048_570...1_048_580, using: &random) : Int.random(in: 0...12, using: &random)
            }
        }
        for _ in 0..<3_000 {
            let a = version()
            let b = version()
            let c = version()
            let (x, y, z) = (VersionNumber(parts: a), VersionNumber(parts: b), VersionNumber(parts: c))
            // The model: numeric parts compared in order, a missing part counting as nothing.
            #expect((x < y) == a.lexicographicallyPrecedes(b))
            #expect((x == y) == (a == b))
            #expect(x.parts == a)
            #expect(!(x < y && y < x))
            if x < y, y < z { #expect(x < z) }
            #expect(VersionNumber(version: x.text) == x)
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func theBusinessClockAddsUpAndNeverGoesBack(_ seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let hours = ServiceLevelPolicy.standard.businessHours
        let base = Instant(iso: "2026-01-01T00:00:00Z")?.seconds ?? 0
        for _ in 0..<500 {
            let opened = Instant(seconds: base + Int.random(in: 0..<(2 * 365 * 86_400), using: &random))
            let first = Int.random(in: 0...(20 * 3600), using: &random)
            let second = Int.random(in: 0...(20 * 3600), using: &random)
            let once = hours.adding(businessSeconds: first + second, to: opened)
            let twice = hours.adding(businessSeconds: second, to: hours.adding(businessSeconds: first, to: opened))
            #expect(!(once < opened))
            #expect(once == twice, "opened \(opened.isoUTC), \(first) s then \(second) s")
        }
    }
}
