/// A point in time: whole seconds since 1970-01-01T00:00:00Z. Always absolute (time-zone aware);
/// local dates and times come from a ``ZoneRules``.
public struct Instant: Hashable, Comparable, Sendable {
    /// Seconds since the Unix epoch, UTC.
    public let seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// The instant at `secondsOfDay` after midnight UTC of `day`.
    public init(utc day: CalendarDay, secondsOfDay: Int = 0) {
        seconds = day.dayNumber * 86_400 + secondsOfDay
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM`
    /// (or `±HHMM`). A time without a zone is rejected: instants must be unambiguous. Fractions
    /// of a second are dropped. Instants outside 1900-01-01 to 9998-12-31 (UTC) are refused, so
    /// anything computed from them (a due time, a request window) still prints as a 4-digit year.
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        guard let instant = text.withUTF8({ Instant(isoUTF8: $0) }) else { return nil }
        self = instant
    }

    /// Parses the ISO 8601 form of ``init(iso:)`` from UTF-8 bytes (the fast path for large logs).
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 17, let day = CalendarDay(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
            let hour = Self.number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = Self.number(bytes, 14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = Self.number(bytes, index + 1, 2), value < 60 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let rest = bytes.count - index - 1
            guard let hours = Self.number(bytes, index + 1, 2), hours <= 18 else { return nil }
            let minutes: Int?
            if rest == 5, bytes[index + 3] == UInt8(ascii: ":") {
                minutes = Self.number(bytes, index + 4, 2)
            } else if rest == 4 {
                minutes = Self.number(bytes, index + 3, 2)
            } else if rest == 2 {
                minutes = 0
            } else {
                minutes = nil
            }
            guard let minutes, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        let value = day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard (Self.earliest...Self.latest).contains(value) else { return nil }
        seconds = value
    }

    /// 1900-01-01T00:00:00Z and 9998-12-31T23:59:59Z, the range of parsed instants.
    static let earliest = (CalendarDay(year: 1900, month: 1, day: 1)?.dayNumber ?? 0) * 86_400
    static let latest = ((CalendarDay(year: 9998, month: 12, day: 31)?.dayNumber ?? 0) + 1) * 86_400 - 1

    /// The UTC date.
    public var utcDay: CalendarDay {
        // Floor division in integers (no overflow, even at Int.min).
        CalendarDay(dayNumber: seconds >= 0 ? seconds / 86_400 : -1 - (-(seconds + 1)) / 86_400)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var isoUTC: String {
        format(offset: 0)
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in the given offset from UTC (`Z` when zero).
    public func format(offset: Int) -> String {
        let local = seconds + offset
        let day = CalendarDay(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let time = local - day.dayNumber * 86_400
        let clock = "\(Self.pad(time / 3600)):\(Self.pad(time % 3600 / 60)):\(Self.pad(time % 60))"
        guard offset != 0 else { return "\(day)T\(clock)Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(day)T\(clock)\(sign)\(Self.pad(magnitude / 3600)):\(Self.pad(magnitude % 3600 / 60))"
    }

    /// The instant `seconds` later.
    public func adding(seconds delta: Int) -> Instant {
        Instant(seconds: seconds + delta)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds < rhs.seconds
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        CalendarDay.number(bytes, start, count)
    }
}
