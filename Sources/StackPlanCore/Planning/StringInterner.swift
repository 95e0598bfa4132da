/// Keeps one copy of each distinct text: a large plan repeats the same few hundred step reasons
/// for thousands of clusters, and an interned String shares its buffer instead of holding its own.
struct StringInterner {
    private var seen: Set<String> = []

    /// The stored String equal to `text`, storing `text` when it is new.
    mutating func intern(_ text: String) -> String {
        seen.insert(text).memberAfterInsert
    }

    /// Interns every step's reason in place.
    mutating func intern(reasonsOf steps: inout [PlanStep]) {
        for index in steps.indices { steps[index].reason = intern(steps[index].reason) }
    }
}
