/// Keeps one copy of each distinct text: a large plan repeats the same few hundred step reasons
/// for thousands of clusters, and an interned String shares its buffer instead of holding its own.
struct StringInterner {
    private var seen: Set<String> = []
    /// Where the stored texts' bytes are: most reasons come from a shared cache (``StepTexts``)
    /// and already are a stored text, which its address tells without hashing its bytes.
    private var stored: Set<UInt> = []

    /// The stored String equal to `text`, storing `text` when it is new.
    mutating func intern(_ text: String) -> String {
        if let address = Self.address(of: text), stored.contains(address) { return text }
        let kept = seen.insert(text).memberAfterInsert
        if let address = Self.address(of: kept) { stored.insert(address) }
        return kept
    }

    /// Interns every step's reason in place.
    mutating func intern(reasonsOf steps: inout [PlanStep]) {
        for index in steps.indices { steps[index].reason = intern(steps[index].reason) }
    }

    /// The address of a text's bytes in its own storage; `nil` for a small text, whose bytes live
    /// inside the String value and have no lasting address. Only ever a shortcut: a text whose
    /// address matches is returned as it is, which is the right value whether or not it is the
    /// stored copy.
    private static func address(of text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }
}
