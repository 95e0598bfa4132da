/// A dotted numeric version such as a release cycle (`1.36`, `26.02`, `2025.1`) or an installed
/// version (`3.4.1`).
///
/// Parts compare numerically (`1.9 < 1.10`); the original text is kept for display, so `26.02`
/// prints as written. A leading `v` and a pre-release or build suffix (`-beta.0`, `+security-01`)
/// are accepted on installed versions and ignored for ordering.
///
/// The first three parts are held as integers in the value itself (no allocation, so copying,
/// comparing and hashing a version costs a few machine words); a fourth part and beyond, which
/// versions rarely have, are read back from the text when needed. Parts are 32-bit: parsed parts
/// have at most nine digits, and `init(parts:)` clamps a part outside `Int32` to its range.
public struct VersionNumber: Hashable, Comparable, Sendable {
    /// Parts 0 and 1, 32 bits each (sign bit flipped, so unsigned order is numeric order); an
    /// absent part is 0, below every present one.
    private let leading: UInt64
    /// Part 2, encoded the same way.
    private let third: UInt32
    /// How many parts there are.
    public let partCount: Int
    /// The text as written, without a leading `v`.
    public let text: String

    /// The numeric parts, most significant first.
    public var parts: [Int] { (0..<partCount).map(part) }

    /// Part `index` (0 is the most significant), 0 when the version has no such part.
    public func part(_ index: Int) -> Int {
        switch index {
        case 0 where partCount > 0: Self.decode(UInt32(truncatingIfNeeded: leading >> 32))
        case 1 where partCount > 1: Self.decode(UInt32(truncatingIfNeeded: leading))
        case 2 where partCount > 2: Self.decode(third)
        case 3... where index < partCount: Self.parts(ofText: text).dropFirst(index).first ?? 0
        default: 0
        }
    }

    private init(parts: some Collection<Int>, text: String) {
        var (first, second, third): (UInt32, UInt32, UInt32) = (0, 0, 0)
        var count = 0
        for part in parts {
            switch count {
            case 0: first = Self.encode(part)
            case 1: second = Self.encode(part)
            case 2: third = Self.encode(part)
            default: break
            }
            count += 1
        }
        leading = UInt64(first) << 32 | UInt64(second)
        self.third = third
        partCount = count
        self.text = text
    }

    /// Parses a release cycle: two or more dot-separated non-negative integers, nothing else.
    public init?(cycle: some StringProtocol) {
        guard let parts = Self.parse(Substring(cycle)), parts.count >= 2 else { return nil }
        self.init(parts: parts, text: String(cycle))
    }

    /// Parses an installed version: an optional `v`, then one or more dot-separated integers,
    /// optionally followed by a `-` or `+` suffix.
    public init?(version: some StringProtocol) {
        var body = Substring(version)
        if body.first == "v" { body = body.dropFirst() }
        let core = body.prefix { $0 != "-" && $0 != "+" }
        guard let parts = Self.parse(core) else { return nil }
        self.init(parts: parts, text: String(body))
    }

    /// Creates a version from numeric parts (`[1, 36]` → `1.36`).
    public init(parts: [Int]) {
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text += "." }
            text += String(part)
        }
        self.init(parts: parts, text: text)
    }

    /// The Kubernetes-style minor of this version: its first two parts (`1.33.4` → `1.33`).
    public var minor: VersionNumber {
        partCount <= 2 ? self : VersionNumber(parts: [part(0), part(1)])
    }

    /// Whether this version belongs to `cycle`: the cycle's parts are a prefix of this version's.
    public func belongs(to cycle: VersionNumber) -> Bool {
        guard partCount >= cycle.partCount else { return false }
        switch cycle.partCount {
        case 1: return leading >> 32 == cycle.leading >> 32
        case 2: return leading == cycle.leading
        case 3: return leading == cycle.leading && third == cycle.third
        default: return zip(parts, cycle.parts).allSatisfy { $0 == $1 }
        }
    }

    /// For two-part versions (Kubernetes minors), the minor `offset` steps away (`1.33` + 2 → `1.35`).
    public func advancingMinor(by offset: Int) -> VersionNumber {
        VersionNumber(parts: [part(0), part(1) + offset])
    }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        if lhs.leading != rhs.leading { return lhs.leading < rhs.leading }
        if lhs.third != rhs.third { return lhs.third < rhs.third }
        // The first three parts are equal (an absent part encodes below every present one).
        if lhs.partCount > 3, rhs.partCount > 3 { return lhs.parts.lexicographicallyPrecedes(rhs.parts) }
        return lhs.partCount < rhs.partCount
    }

    public static func == (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        lhs.leading == rhs.leading && lhs.third == rhs.third && lhs.partCount == rhs.partCount
            && (lhs.partCount <= 3 || lhs.parts == rhs.parts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(leading)
        hasher.combine(third)
        hasher.combine(partCount)
    }

    private static func encode(_ part: Int) -> UInt32 {
        UInt32(bitPattern: Int32(clamping: part)) ^ 0x8000_0000
    }

    private static func decode(_ bits: UInt32) -> Int {
        Int(Int32(bitPattern: bits ^ 0x8000_0000))
    }

    /// Every part of a version's text: dot-separated integers (a `-` right after a dot, or at the
    /// start, is a sign, as `init(parts:)` writes negative parts), up to a suffix.
    private static func parts(ofText text: String) -> [Int] {
        var parts: [Int] = []
        var value = 0
        var negative = false
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-"), digits == 0, !negative {
                negative = true
            } else if byte == UInt8(ascii: ".") {
                parts.append(negative ? -value : value)
                (value, negative, digits) = (0, false, 0)
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                break
            }
        }
        if digits > 0 { parts.append(negative ? -value : value) }
        return parts
    }

    /// Dot-separated non-negative integers of at most nine digits each, read byte by byte.
    private static func parse(_ text: Substring) -> [Int]? {
        var parts: [Int] = []
        parts.reserveCapacity(3)
        var value = 0
        var digits = 0
        var firstDigitZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                // A leading zero in the first part (`01.35`) is not a version.
                if parts.isEmpty, digits > 1, firstDigitZero { return nil }
                parts.append(value)
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 {
                if parts.isEmpty, digits == 0 { firstDigitZero = byte == UInt8(ascii: "0") }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, !(parts.isEmpty && digits > 1 && firstDigitZero) else { return nil }
        parts.append(value)
        return parts
    }
}

extension VersionNumber: CustomStringConvertible {
    public var description: String { text }
}

extension VersionNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = VersionNumber(version: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a version")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
