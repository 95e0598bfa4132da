import StackPlanCore

/// Builds the report of `stackplan holidays`: the year's non-business days other than weekends.
public enum HolidayReport {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    public static func make(_ holidays: [Holiday], year: Int) -> Report {
        let table = TextTable(
            columns: [.init("Date"), .init("Weekday"), .init("Holiday"), .init("Kind")],
            rows: holidays.map { [$0.date.description, weekdays[$0.date.isoWeekday - 1], $0.name, $0.kind.rawValue] })
        let json = JSONValue.array(
            holidays.map {
                .object([
                    ("date", .day($0.date)), ("weekday", .string(weekdays[$0.date.isoWeekday - 1])),
                    ("name", .string($0.name)), ("kind", .string($0.kind.rawValue)),
                ])
            })
        return Report(
            title: "Non-business days in \(year)", tables: [table],
            notes: [
                "Saturdays and Sundays are non-business days too. A holiday on a Saturday is observed on the Friday "
                    + "before, on a Sunday on the Monday after; both days are non-business days."
            ],
            json: json)
    }
}
