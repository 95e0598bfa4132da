/// A dotted numeric version such as a release cycle (`1.36`, `26.02`, `2025.1`) or an installed
/// version (`3.4.1`).
///
/// Parts compare numerically (`1.9 < 1.10`); the original text is kept for display, so `26.02`
/// prints as written. A leading `v` and a pre-release or build suffix (`-beta.0`, `+security-01`)
/// are accepted on installed versions and ignored for ordering.
public struct VersionNumber: Hashable, Comparable, Sendable {
    /// The numeric parts, most significant first.
    public let parts: [Int]
    /// The text as written, without a leading `v`.
    public let text: String

    /// Parses a release cycle: two or more dot-separated non-negative integers, nothing else.
    public init?(cycle: some StringProtocol) {
        guard let parts = Self.parse(Substring(cycle)), parts.count >= 2 else { return nil }
        self.parts = parts
        self.text = String(cycle)
    }

    /// Parses an installed version: an optional `v`, then one or more dot-separated integers,
    /// optionally followed by a `-` or `+` suffix.
    public init?(version: some StringProtocol) {
        var body = Substring(version)
        if body.first == "v" { body = body.dropFirst() }
        let core = body.prefix { $0 != "-" && $0 != "+" }
        guard let parts = Self.parse(core) else { return nil }
        self.parts = parts
        self.text = String(body)
    }

    /// Creates a version from numeric parts (`[1, 36]` → `1.36`).
    public init(parts: [Int]) {
        self.parts = parts
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text += "." }
            text += String(part)
        }
        self.text = text
    }

    /// The Kubernetes-style minor of this version: its first two parts (`1.33.4` → `1.33`).
    public var minor: VersionNumber {
        parts.count <= 2 ? self : VersionNumber(parts: Array(parts.prefix(2)))
    }

    /// Whether this version belongs to `cycle`: the cycle's parts are a prefix of this version's.
    public func belongs(to cycle: VersionNumber) -> Bool {
        guard parts.count >= cycle.parts.count else { return false }
        for index in cycle.parts.indices where parts[index] != cycle.parts[index] { return false }
        return true
    }

    /// For two-part versions (Kubernetes minors), the minor `offset` steps away (`1.33` + 2 → `1.35`).
    public func advancingMinor(by offset: Int) -> VersionNumber {
        let major = parts.first ?? 0
        let minor = (parts.count > 1 ? parts[1] : 0) + offset
        return VersionNumber(parts: [major, minor])
    }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        for (left, right) in zip(lhs.parts, rhs.parts) where left != right {
            return left < right
        }
        return lhs.parts.count < rhs.parts.count
    }

    public static func == (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        lhs.parts == rhs.parts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(parts)
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
