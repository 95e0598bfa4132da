import Testing

@testable import StackPlanCore

@Suite("US federal holidays")
struct HolidayTests {
    private func listing(_ year: Int, _ calendar: HolidayCalendar = .usFederal) -> [String] {
        calendar.holidays(in: year).map { "\($0.date) \($0.kind.rawValue) \($0.name)" }
    }

    /// Worked by hand: 2027-01-01 is a Friday; Juneteenth and Christmas fall on Saturdays,
    /// Independence Day on a Sunday, and 2028-01-01 on a Saturday (observed 2027-12-31).
    @Test func year2027() {
        #expect(
            listing(2027) == [
                "2027-01-01 actual New Year's Day",
                "2027-01-18 actual Birthday of Martin Luther King, Jr.",
                "2027-02-15 actual Washington's Birthday",
                "2027-05-31 actual Memorial Day",
                "2027-06-18 observed Juneteenth National Independence Day",
                "2027-06-19 actual Juneteenth National Independence Day",
                "2027-07-04 actual Independence Day",
                "2027-07-05 observed Independence Day",
                "2027-09-06 actual Labor Day",
                "2027-10-11 actual Columbus Day",
                "2027-11-11 actual Veterans Day",
                "2027-11-25 actual Thanksgiving Day",
                "2027-12-24 observed Christmas Day",
                "2027-12-25 actual Christmas Day",
                "2027-12-31 observed New Year's Day",
            ])
    }

    @Test func juneteenthExistsFrom2021() {
        #expect(!listing(2020).contains { $0.contains("Juneteenth") })
        #expect(listing(2021).contains("2021-06-18 observed Juneteenth National Independence Day"))
    }

    @Test func aSaturdayNewYearIsObservedInThePreviousYear() {
        // 2022-01-01 was a Saturday.
        #expect(listing(2021).last == "2021-12-31 observed New Year's Day")
        #expect(listing(2022).first == "2022-01-01 actual New Year's Day")
        #expect(!listing(2022).contains { $0.hasPrefix("2021") })
    }

    @Test(arguments: [
        (2026, "2026-05-25", "Memorial Day"), (2026, "2026-11-26", "Thanksgiving Day"),
        (2028, "2028-01-17", "Birthday of Martin Luther King, Jr."), (2024, "2024-09-02", "Labor Day"),
    ])
    func weekdayRules(_ year: Int, _ date: String, _ name: String) {
        #expect(listing(year).contains("\(date) actual \(name)"))
    }

    @Test func policyCanAddAndRemoveDates() {
        let calendar = HolidayCalendar(
            added: [Holiday(date: day("2026-11-27"), name: "Day after Thanksgiving", kind: .added)],
            removed: [day("2026-10-12")])
        let dates = listing(2026, calendar)
        #expect(dates.contains("2026-11-27 added Day after Thanksgiving"))
        #expect(!dates.contains { $0.hasPrefix("2026-10-12") })
        #expect(calendar.isHoliday(day("2026-11-27")))
        #expect(!calendar.isHoliday(day("2026-10-12")))
        #expect(HolidayCalendar.usFederal.isHoliday(day("2026-10-12")))
    }
}
