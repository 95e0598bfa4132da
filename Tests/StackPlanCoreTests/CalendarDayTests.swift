import Testing

@testable import StackPlanCore

@Suite("CalendarDay")
struct CalendarDayTests {
    /// The fast conversion agrees with Hinnant's on every day of years 1–9999 and on both sides
    /// of its range, and each date converts back to its day.
    @Test func bothDayToDateConversionsAgree() {
        // 0001-01-01 is day -719,162 and 9999-12-31 day 2,932,896.
        for days in -719_162...2_932_896 {
            let fast = CalendarDay.civilFromDays(days)
            let reference = CalendarDay.civilFromDaysAnyRange(days)
            guard fast == reference else {
                Issue.record("day \(days): \(fast) != \(reference)")
                return
            }
        }
        for days in [-12_699_423, -12_699_422, -12_699_421, Int(Int32.min), Int(Int32.max), 1_060_000_000] {
            #expect(CalendarDay.civilFromDays(days) == CalendarDay.civilFromDaysAnyRange(days), "\(days)")
        }
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let (year, month, day) = CalendarDay.civilFromDays(days)
            #expect(CalendarDay(year: year, month: month, day: day)?.dayNumber == days)
        }
    }

    @Test(arguments: [0, 1, -1, 86_399, 86_400, -86_399, -86_400, -86_401, Int.min, Int.max])
    func anInstantsUTCDayIsTheFloorOfItsDays(seconds: Int) {
        let expected = Int((Double(seconds) / 86_400).rounded(.down))
        #expect(Instant(seconds: seconds).utcDay.dayNumber == Int(Int32(clamping: expected)))
    }
    @Test(arguments: ["1970-01-01", "2024-02-29", "2026-12-31", "2000-02-29", "9999-12-31", "0001-01-01", "0099-10-05"])
    func roundTripsValidDates(_ text: String) throws {
        let day = try #require(CalendarDay(text))
        #expect(day.description == text)
    }

    @Test func daysOutsideFourDigitYearsStillPrint() throws {
        let last = try #require(CalendarDay("9999-12-31"))
        #expect(last.adding(days: 1).description == "10000-01-01")
        let first = try #require(CalendarDay("0001-01-01"))
        #expect(first.adding(days: -366).description == "0000-01-01")
    }

    @Test(arguments: [
        "2025-02-29", "2026-13-01", "2026-00-10", "2026-4-01", "26-04-01", "2026/04/01", "", "1900-02-29",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func countsDaysAcrossYearsAndLeapDays() throws {
        let start = try #require(CalendarDay("2024-02-28"))
        #expect(start.adding(days: 1).description == "2024-02-29")
        #expect(start.adding(days: 2).description == "2024-03-01")
        #expect(try #require(CalendarDay("2025-12-31")).adding(days: 1).description == "2026-01-01")
        #expect(try #require(CalendarDay("2026-01-28")).adding(days: 120).description == "2026-05-28")
        #expect(start.days(until: try #require(CalendarDay("2025-02-28"))) == 366)
    }

    @Test(arguments: [("1970-01-01", 4), ("2026-11-25", 3), ("2026-11-29", 7), ("2026-11-30", 1), ("2000-01-01", 6)])
    func knowsTheWeekday(_ text: String, _ weekday: Int) throws {
        #expect(try #require(CalendarDay(text)).isoWeekday == weekday)
    }

    @Test func addsMonthsClampingToTheMonthEnd() throws {
        #expect(try #require(CalendarDay("2026-01-31")).adding(months: 1).description == "2026-02-28")
        #expect(try #require(CalendarDay("2026-11-15")).adding(months: 3).description == "2027-02-15")
    }
}

@Suite("Quarter")
struct QuarterTests {
    @Test func parsesAndOrders() throws {
        let q3 = try #require(Quarter("2026-Q3"))
        #expect(q3.next.description == "2026-Q4")
        #expect(q3.next.next.description == "2027-Q1")
        #expect(q3 < q3.next)
        #expect(q3.quarters(until: try #require(Quarter("2027-Q2"))) == 3)
        #expect(q3.firstDay.description == "2026-07-01")
        #expect(Quarter(containing: try #require(CalendarDay("2026-11-25"))).description == "2026-Q4")
    }

    @Test(arguments: ["2026-Q5", "2026-Q0", "2026Q1", "26-Q1", "2026-q1", "2026-Q12"])
    func rejectsMalformedQuarters(_ text: String) {
        #expect(Quarter(text) == nil)
    }
}
