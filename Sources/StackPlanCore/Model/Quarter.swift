/// A calendar quarter such as `2026-Q4`: the unit of catalog editions and tier reviews.
public struct Quarter: Hashable, Comparable, Sendable {
    /// The year.
    public let year: Int
    /// The quarter of the year, 1 to 4.
    public let quarter: Int

    /// Creates a quarter, or returns `nil` when `quarter` is not 1 to 4.
    public init?(year: Int, quarter: Int) {
        guard (1...9999).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYY-Qn`.
    public init?(_ text: some StringProtocol) {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 4, let year = Int(pieces[0]),
            pieces[1].count == 2, pieces[1].first == "Q", let quarter = Int(pieces[1].dropFirst())
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The quarter that contains `day`.
    public init(containing day: CalendarDay) {
        let (year, month, _) = day.components
        self.year = year
        self.quarter = (month - 1) / 3 + 1
    }

    /// The first day of the quarter.
    public var firstDay: CalendarDay {
        CalendarDay(year: year, month: (quarter - 1) * 3 + 1, day: 1) ?? CalendarDay(dayNumber: 0)
    }

    /// The quarter after this one.
    public var next: Quarter {
        quarter == 4 ? Quarter(unchecked: year + 1, 1) : Quarter(unchecked: year, quarter + 1)
    }

    /// The number of quarters from this one to `other`.
    public func quarters(until other: Quarter) -> Int {
        (other.year * 4 + other.quarter) - (year * 4 + quarter)
    }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }

    private init(unchecked year: Int, _ quarter: Int) {
        self.year = year
        self.quarter = quarter
    }
}

extension Quarter: CustomStringConvertible {
    /// The `YYYY-Qn` form.
    public var description: String { "\(year)-Q\(quarter)" }
}

extension Quarter: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Quarter(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not YYYY-Qn")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
