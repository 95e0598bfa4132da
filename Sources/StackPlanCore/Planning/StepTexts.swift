/// The texts of plan steps, made once per distinct input and then shared: a fleet repeats the
/// same few hundred reasons tens of thousands of times, and a lookup costs less than formatting
/// one. Keys hold the version *texts* that appear in a reason (equal versions may be written
/// differently, `1.35-rc.1` and `1.35`), so a cached text is exactly the one formatting would make.
/// One per path builder, like its release cache, so never shared between threads.
final class StepTexts {
    /// The kinds of component reasons, each a function of the key's fields.
    enum Kind: UInt8 {
        /// R3: the installed cycle reaches end of life and a release was chosen.
        case endOfLife
        /// R3 with no release to move to (the blocked reason follows).
        case endOfLifeBlocked
        /// R8: the installed cycle does not run on the minors of a move.
        case doesNotRun
        /// No release runs on the minors, or every one that does has ended.
        case blocked
        /// The warning that an installed version does not run on the cluster's current minor
        /// (the key's cycle is the installed version's text).
        case currentMinorWarning
    }

    private struct HopKey: Hashable {
        let sideBySide: Bool
        let to: String
        let releaseDays: Int
        let platform: String

        /// The texts by their fingerprints (``TextFingerprint``); equality compares them whole.
        func hash(into hasher: inout Hasher) {
            hasher.combine(sideBySide)
            hasher.combine(TextFingerprint.of(to))
            hasher.combine(releaseDays)
            hasher.combine(TextFingerprint.of(platform))
        }
    }

    /// The minors are kept as versions for a cheap hash, and compared by their texts.
    private struct ComponentKey: Hashable {
        let kind: Kind
        let component: String
        let cycle: String
        let low: VersionNumber
        let high: VersionNumber

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.kind == rhs.kind && lhs.component == rhs.component && lhs.cycle == rhs.cycle
                && lhs.low.text == rhs.low.text && lhs.high.text == rhs.high.text
        }

        /// The texts by their fingerprints (``TextFingerprint``) and the minors by their values:
        /// equal texts give equal versions, so equal keys hash alike.
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(TextFingerprint.of(component))
            hasher.combine(TextFingerprint.of(cycle))
            hasher.combine(low)
            hasher.combine(high)
        }
    }

    private var hops: [HopKey: String] = [:]
    private var components: [ComponentKey: String] = [:]

    /// Why a cluster moves to `to` on `platform` (in place: the next minor; side-by-side: the
    /// target), `releaseDays` being its strategy's R2 deadline.
    func hopReason(sideBySide: Bool, to: VersionNumber, releaseDays: Int, platform: Platform) -> String {
        let key = HopKey(sideBySide: sideBySide, to: to.text, releaseDays: releaseDays, platform: platform.id)
        if let text = hops[key] { return text }
        let text =
            sideBySide
            ? "build a new cluster on \(to) and move (side-by-side, R2: \(releaseDays) days after release)"
            : "one minor at a time (R2: \(releaseDays) days after \(to) is released on \(platform.name))"
        hops[key] = text
        return text
    }

    /// The reason (or warning) of `kind` about `component` at `cycle` on the minors `low` through
    /// `high`, made by `make` the first time (it must depend on nothing else but the catalog).
    func componentReason(
        _ kind: Kind, component: String, cycle: String, low: VersionNumber, high: VersionNumber,
        make: () -> String
    ) -> String {
        let key = ComponentKey(kind: kind, component: component, cycle: cycle, low: low, high: high)
        if let text = components[key] { return text }
        let text = make()
        components[key] = text
        return text
    }
}
