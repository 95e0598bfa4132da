/// A calendar date without a time of day or time zone, such as a release or end-of-life date.
///
/// Days are stored as a count of days since 1970-01-01, so comparison and day arithmetic are exact
/// and free of time-zone effects. The text form is ISO 8601 `YYYY-MM-DD`.
public struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int { Int(storedDayNumber) }
    /// Stored in 32 bits (±5.8 million years): an optional day then takes 8 bytes instead of 16,
    /// and a plan holds a million of them.
    private let storedDayNumber: Int32

    /// Creates a day from its count of days since 1970-01-01 (clamped to ±2^31 days).
    public init(dayNumber: Int) {
        storedDayNumber = Int32(clamping: dayNumber)
    }

    /// Creates a day from a year, month and day, or returns `nil` when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        storedDayNumber = Int32(clamping: Self.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let day = text.withUTF8({ CalendarDay(utf8: $0) }) else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` exactly from UTF-8 bytes (the fast path for large inputs).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes, 0, 4), let month = Self.number(bytes, 5, 2),
            let day = Self.number(bytes, 8, 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        Self.civilFromDays(dayNumber)
    }

    /// The year of this date.
    public var year: Int { components.year }

    /// The month of this date, 1 to 12.
    public var month: Int { components.month }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let value = (dayNumber + 3) % 7
        return (value < 0 ? value + 7 : value) + 1
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(dayNumber: dayNumber + days)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        other.dayNumber - dayNumber
    }

    /// The same day of the month `months` months later, clamped to the month's last day.
    public func adding(months: Int) -> CalendarDay {
        let (year, month, day) = components
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let clamped = min(day, Self.daysInMonth(year: newYear, month: newMonth))
        return CalendarDay(dayNumber: Self.daysFromCivil(year: newYear, month: newMonth, day: clamped))
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The decimal number in `count` bytes from `start`, or `nil` when one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    // Howard Hinnant's days_from_civil / civil_from_days algorithms.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Neri and Schneider's algorithm ("Euclidean affine functions and their application to
    /// calendar algorithms", 2022): unsigned 32-bit arithmetic, no signed division, for every day
    /// from about the year -32,800 on; Hinnant's below for anything else.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        // 719,468 days from 0000-03-01 to 1970-01-01, plus 82 cycles of 400 years.
        let shifted = days + 12_699_422
        guard shifted >= 0, shifted <= Int(UInt32.max / 4) else { return civilFromDaysAnyRange(days) }
        let n1 = 4 &* UInt32(shifted) &+ 3
        let century = n1 / 146_097
        let n2 = 4 &* (n1 % 146_097 / 4) &+ 3
        let p2 = UInt64(2_939_745) &* UInt64(n2)
        let yearOfCentury = UInt32(truncatingIfNeeded: p2 >> 32)
        let dayOfYear = UInt32(truncatingIfNeeded: p2) / 2_939_745 / 4
        let n3 = 2141 &* dayOfYear &+ 197_913
        let month = Int(n3 >> 16)
        let day = Int((n3 & 0xFFFF) / 2141) + 1
        let inNextYear = dayOfYear >= 306
        let year = Int(100 &* century &+ yearOfCentury) - 32_800 + (inNextYear ? 1 : 0)
        return (year, inNextYear ? month - 12 : month, day)
    }

    static func civilFromDaysAnyRange(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension CalendarDay: CustomStringConvertible {
    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        guard (0...9999).contains(year) else {
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        }
        // Ten ASCII digits and dashes, written in place (reports print hundreds of thousands).
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digits(_ value: Int, at end: Int, count: Int) {
                var value = value
                for index in stride(from: end, to: end - count, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(year, at: 3, count: 4)
            bytes[4] = UInt8(ascii: "-")
            digits(month, at: 6, count: 2)
            bytes[7] = UInt8(ascii: "-")
            digits(day, at: 9, count: 2)
            return 10
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension CalendarDay: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
