/// A dotted numeric version such as a release cycle (`1.36`, `26.02`, `2025.1`) or an installed
/// version (`3.4.1`).
///
/// Parts compare numerically (`1.9 < 1.10`); the original text is kept for display, so `26.02`
/// prints as written. A leading `v` and a pre-release or build suffix (`-beta.0`, `+security-01`)
/// are accepted on installed versions and ignored for ordering.
///
/// The first three parts and the part count are packed into one word (no allocation, so copying,
/// comparing and hashing a version costs a few machine words); a fourth part and beyond, which
/// versions rarely have, and parts that do not fit the word (above 1,048,574, or negative) are
/// read back from the text when needed.
public struct VersionNumber: Hashable, Comparable, Sendable {
    /// Most significant first, so that comparing words compares versions: bits 63–44, 43–24 and
    /// 23–4 hold parts 0, 1 and 2 plus one (0 when absent, below every present part), bits 3–1 the
    /// part count up to 7, bit 0 is set when a part does not fit (the fields are then 0 and the
    /// parts come from the text).
    private let packed: UInt64
    /// The text as written, without a leading `v`.
    public let text: String

    private static let fieldLimit = (1 << 20) - 1
    private var isPacked: Bool { packed & 1 == 0 }
    private var countField: Int { Int(packed >> 1 & 7) }

    /// How many parts there are.
    public var partCount: Int {
        countField < 7 ? countField : Self.parts(ofText: text).count
    }

    /// The numeric parts, most significant first.
    public var parts: [Int] {
        isPacked && countField <= 3 ? (0..<countField).map(part) : Self.parts(ofText: text)
    }

    /// Part `index` (0 is the most significant), 0 when the version has no such part.
    public func part(_ index: Int) -> Int {
        guard index >= 0, index < 3, isPacked else {
            let parts = Self.parts(ofText: text)
            return parts.indices.contains(index) ? parts[index] : 0
        }
        return index < countField ? Int(packed >> (44 - 20 * index) & 0xF_FFFF) - 1 : 0
    }

    private init(parts: some Collection<Int>, text: String) {
        var fields: UInt64 = 0
        var count = 0
        var fits = true
        for part in parts {
            if count < 3 {
                if part >= 0, part < Self.fieldLimit {
                    fields |= UInt64(part + 1) << (44 - 20 * count)
                } else {
                    fits = false
                }
            }
            count += 1
        }
        packed = (fits ? fields : 0) | UInt64(min(count, 7)) << 1 | (fits ? 0 : 1)
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
        self.init(parts: parts, text: Self.dotted(parts))
    }

    /// `parts` in decimal joined by dots (`[1, 36]` → `1.36`, a negative part with its sign),
    /// written digit by digit into a String of exactly that length (short enough, it lives
    /// inline): interpolation costs several times as much, and planning makes a minor per hop.
    static func dotted(_ parts: some Collection<Int>) -> String {
        var length = max(parts.count - 1, 0)
        for part in parts {
            var rest = part.magnitude
            length += part < 0 ? 2 : 1
            while rest >= 10 {
                rest /= 10
                length += 1
            }
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            // Each part from its last digit back, after the dot and sign before it.
            var end = 0
            for part in parts {
                if end > 0 {
                    buffer[end] = UInt8(ascii: ".")
                    end += 1
                }
                if part < 0 {
                    buffer[end] = UInt8(ascii: "-")
                    end += 1
                }
                var digits = 1
                var rest = part.magnitude
                while rest >= 10 {
                    rest /= 10
                    digits += 1
                }
                rest = part.magnitude
                for offset in (0..<digits).reversed() {
                    buffer[end + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += digits
            }
            return end
        }
    }

    /// The Kubernetes-style minor of this version: its first two parts (`1.33.4` → `1.33`).
    public var minor: VersionNumber {
        guard isPacked, countField > 2 else {
            return partCount <= 2 ? self : VersionNumber(parts: [part(0), part(1)])
        }
        // Parts 0 and 1 as they are, the count 2: no array, and a text short enough to live inline
        // (written from a pair of values: a lazily mapped range allocated two objects per call).
        return VersionNumber(packed: packed & ~0 << 24 | 2 << 1, text: Self.dotted(PartPair(part(0), part(1))))
    }

    /// Two parts as a collection, kept on the stack.
    private struct PartPair: RandomAccessCollection {
        let first: Int
        let second: Int

        init(_ first: Int, _ second: Int) {
            (self.first, self.second) = (first, second)
        }

        var startIndex: Int { 0 }
        var endIndex: Int { 2 }
        subscript(position: Int) -> Int { position == 0 ? first : second }
    }

    private init(packed: UInt64, text: String) {
        self.packed = packed
        self.text = text
    }

    /// Whether this version belongs to `cycle`: the cycle's parts are a prefix of this version's.
    public func belongs(to cycle: VersionNumber) -> Bool {
        if isPacked, cycle.isPacked, cycle.countField <= 3 {
            guard countField >= cycle.countField else { return false }
            let mask: UInt64 = ~0 << (64 - 20 * cycle.countField)
            return (packed ^ cycle.packed) & mask == 0
        }
        let (mine, theirs) = (parts, cycle.parts)
        return mine.count >= theirs.count && zip(mine, theirs).allSatisfy { $0 == $1 }
    }

    /// This version as a cycle's key: its packed word, when it is packed with at most three
    /// parts (``cycleKey(ofPrefix:)`` then gives the same word for a version in this cycle);
    /// `nil` otherwise.
    var cycleKey: UInt64? {
        isPacked && countField <= 3 ? packed : nil
    }

    /// The ``cycleKey`` of the cycle made of this version's first `count` parts (one to three),
    /// `nil` when the version is not packed or has fewer parts: a version belongs to a keyed cycle
    /// exactly when one of its prefixes has the cycle's key.
    func cycleKey(ofPrefix count: Int) -> UInt64? {
        guard isPacked, count >= 1, count <= min(countField, 3) else { return nil }
        let mask: UInt64 = ~0 << (64 - 20 * count)
        return packed & mask | UInt64(count) << 1
    }

    /// For two-part versions (Kubernetes minors), the minor `offset` steps away (`1.33` + 2 → `1.35`).
    public func advancingMinor(by offset: Int) -> VersionNumber {
        VersionNumber(parts: [part(0), part(1) + offset])
    }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        if lhs.isPacked, rhs.isPacked {
            let (left, right) = (lhs.packed >> 4, rhs.packed >> 4)
            if left != right { return left < right }
            // The first three parts are equal: the shorter version is the lower, unless both go on.
            if lhs.countField <= 3 || rhs.countField <= 3 { return lhs.countField < rhs.countField }
        }
        return lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }

    public static func == (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        // `packed` is a function of the parts, so equal parts pack equally.
        lhs.packed == rhs.packed && (lhs.isPacked && lhs.countField <= 3 || lhs.parts == rhs.parts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed)
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
                parts.append(negative ? 0 &- value : value)
                (value, negative, digits) = (0, false, 0)
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                break
            }
        }
        if digits > 0 { parts.append(negative ? 0 &- value : value) }
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
