/// A release as a catalog file holds it, for comparison with a source.
public struct TrackedRelease: Hashable, Sendable {
    public let cycle: VersionNumber
    /// The tracked fields the entry has, as written.
    public let values: [RefreshField: String]
    /// `status: planned`.
    public let planned: Bool
    /// Curated by hand: its `source` does not name endoflife.date, or it carries a `note`.
    public let curated: Bool

    public init(cycle: VersionNumber, values: [RefreshField: String], planned: Bool, curated: Bool) {
        self.cycle = cycle
        self.values = values
        self.planned = planned
        self.curated = curated
    }
}

/// One difference between a catalog file and its source.
public struct RefreshChange: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A cycle newer than every cycle in the file.
        case added
        /// A field whose source value differs.
        case changed
        /// A `planned` entry the source has released.
        case released
        /// A difference on a release curated by hand: reported, left alone (unless preferred).
        case conflict
    }

    /// The catalog file, relative to the catalog directory.
    public let file: String
    /// The component or platform id, or `kubernetes`.
    public let id: String
    public let releaseCycle: String
    /// The field; `nil` for a whole added cycle, `status` changes use `nil` with kind `released`.
    public let field: String?
    public let from: String?
    public let to: String?
    public let kind: Kind

    public init(
        file: String, id: String, releaseCycle: String, field: String?, from: String?, to: String?, kind: Kind
    ) {
        self.file = file
        self.id = id
        self.releaseCycle = releaseCycle
        self.field = field
        self.from = from
        self.to = to
        self.kind = kind
    }

    /// Whether applying the change set writes this change (conflicts are only reported).
    public var applies: Bool { kind != .conflict }
}

/// Compares one catalog file's releases with its source (pure).
public enum RefreshDiff {
    /// The changes that bring `tracked` to `source`, and how many releases are already equal.
    ///
    /// - A release in both: each tracked field whose source value differs is `changed`, or a
    ///   `conflict` when the release is curated by hand (`changed` again with `preferSource`). A
    ///   `planned` release the source has is `released`: its `status` goes and its fields follow the
    ///   source, curated or not.
    /// - A source cycle newer than every cycle in the file is `added`. Older cycles the file leaves
    ///   out stay out: the file chooses how far back it goes.
    public static func changes(
        file: String, id: String, kind: RefreshFileKind, tracked: [TrackedRelease], source: [SourceRelease],
        preferSource: Bool
    ) -> (changes: [RefreshChange], unchanged: Int) {
        let fields = RefreshField.tracked(in: kind)
        let bySource = Dictionary(source.map { ($0.cycle, $0) }) { first, _ in first }
        var changes: [RefreshChange] = []
        var unchanged = 0
        for release in tracked {
            guard let stated = bySource[release.cycle] else { continue }
            var differences: [RefreshChange] = []
            if release.planned {
                differences.append(
                    RefreshChange(
                        file: file, id: id, releaseCycle: release.cycle.text, field: "status", from: "planned",
                        to: nil, kind: .released))
            }
            for field in fields {
                let current = release.values[field]
                let target: String?
                switch stated.value(of: field) {
                case .text(let text): target = text
                case .none: target = nil
                case .keep: continue
                }
                guard current != target else { continue }
                let kind: RefreshChange.Kind =
                    release.planned ? .released : (release.curated && !preferSource ? .conflict : .changed)
                differences.append(
                    RefreshChange(
                        file: file, id: id, releaseCycle: release.cycle.text, field: field.rawValue, from: current,
                        to: target, kind: kind))
            }
            if differences.isEmpty { unchanged += 1 }
            changes += differences
        }
        let newest = tracked.map(\.cycle).max()
        for stated in source.sorted(by: { $0.cycle < $1.cycle }) where newest.map({ $0 < stated.cycle }) ?? true {
            changes.append(
                RefreshChange(
                    file: file, id: id, releaseCycle: stated.cycle.text, field: nil, from: nil,
                    to: stated.releaseDate?.description, kind: .added))
        }
        return (changes, unchanged)
    }
}
