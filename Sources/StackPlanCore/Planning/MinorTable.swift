/// A platform's minors, each with a value, found by comparing versions along a short array: a
/// platform has a few dozen minors at most and planning looks one up at every hop, where hashing a
/// version (a seeded SipHash per lookup) costs several times a dozen comparisons of packed words.
struct MinorTable<Value> {
    private var minors: [VersionNumber] = []
    private var values: [Value] = []

    init() {}

    /// The value of `minor`, `nil` when it has none; setting replaces the value of an equal minor.
    subscript(minor: VersionNumber) -> Value? {
        get {
            guard let index = minors.firstIndex(of: minor) else { return nil }
            return values[index]
        }
        set {
            let index = minors.firstIndex(of: minor)
            switch (index, newValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil):
                minors.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                minors.append(minor)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    /// Whether `minor` has a value.
    func contains(_ minor: VersionNumber) -> Bool {
        minors.contains(minor)
    }

    /// Every minor with a value, in the order first set.
    var keys: [VersionNumber] { minors }
}

extension MinorTable where Value == Void {
    /// A set of `minors`.
    init(_ minors: some Sequence<VersionNumber>) {
        self.init()
        for minor in minors { self[minor] = () }
    }
}

extension MinorTable: Sendable where Value: Sendable {}
