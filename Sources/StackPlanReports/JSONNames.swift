/// The names of an enum's cases as JSON string values, escaped and quoted once: a report that
/// writes a million severities and states copies each from here instead of escaping it again.
public struct JSONNames<Case: CaseIterable & RawRepresentable & Equatable & Sendable>: Sendable
where Case.RawValue == String {
    private let cases: [Case]
    private let encoded: [[UInt8]]

    public init() {
        cases = Array(Case.allCases)
        encoded = cases.map { JSONValue.string($0.rawValue).serializedBytes().dropLast() }
    }

    /// The encoded name of `value` (found among at most a few dozen cases), or nil.
    func encoded(_ value: Case) -> [UInt8]? {
        cases.firstIndex(of: value).map { encoded[$0] }
    }
}

extension JSONWriter {
    /// `value`'s raw value as a string, copied from `names` where it was encoded once.
    public mutating func string<Case>(_ value: Case, from names: JSONNames<Case>) {
        guard let bytes = names.encoded(value) else { return string(value.rawValue) }
        encodedValue(bytes)
    }
}
