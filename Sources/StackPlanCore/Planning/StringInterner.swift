/// Keeps one copy of each distinct text: a large plan repeats the same few hundred step reasons
/// for thousands of clusters, and an interned String shares its buffer instead of holding its own.
struct StringInterner {
    private var seen: Set<String> = []

    /// The stored String equal to `text`, storing `text` when it is new.
    mutating func intern(_ text: String) -> String {
        seen.insert(text).memberAfterInsert
    }

    /// `plan` with every step's reason interned.
    mutating func intern(_ plan: ClusterPlan) -> ClusterPlan {
        var plan = plan
        for index in plan.steps.indices { plan.steps[index].reason = intern(plan.steps[index].reason) }
        return plan
    }
}
