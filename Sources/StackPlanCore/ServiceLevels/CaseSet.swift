/// A small enum that a ``CaseSet`` can hold: `ordered` lists its cases once, in declaration order.
public protocol OrderedCases: Hashable, Sendable {
    /// Every case, in declaration order (at most 64).
    static var ordered: [Self] { get }
}

/// A set of a small enum's cases kept as bits: no allocation per set (an incident's reasons and
/// flags are a million sets in a large log), iterated in the order of ``OrderedCases/ordered``.
public struct CaseSet<Case: OrderedCases>: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
    private var bits: UInt64 = 0

    public init() {}

    public init(arrayLiteral members: Case...) {
        for member in members { insert(member) }
    }

    public var isEmpty: Bool { bits == 0 }

    public func contains(_ member: Case) -> Bool {
        Self.bit(member).map { bits & $0 != 0 } ?? false
    }

    public mutating func insert(_ member: Case) {
        if let bit = Self.bit(member) { bits |= bit }
    }

    /// The members, in declaration order.
    public var members: [Case] { Array(self) }

    public func makeIterator() -> Iterator { Iterator(bits: bits) }

    /// Yields the members in declaration order.
    public struct Iterator: IteratorProtocol {
        /// The members not yet yielded.
        fileprivate var bits: UInt64

        public mutating func next() -> Case? {
            guard bits != 0 else { return nil }
            let position = bits.trailingZeroBitCount
            bits &= bits - 1
            let cases = Case.ordered
            return position < cases.count ? cases[position] : nil
        }
    }

    private static func bit(_ member: Case) -> UInt64? {
        guard let position = Case.ordered.firstIndex(of: member), position < 64 else { return nil }
        return 1 << UInt64(position)
    }
}
