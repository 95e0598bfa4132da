/// What changed between two catalog editions.
public struct CatalogDiff: Hashable, Sendable {
    /// One change, described for people and typed for tools.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case componentAdded = "component-added"
            case componentRemoved = "component-removed"
            case promoted
            case demoted
            case releaseAdded = "release-added"
            case releaseRemoved = "release-removed"
            case dateChanged = "date-changed"
            case compatibilityChanged = "compatibility-changed"
            case kubernetesAdded = "kubernetes-added"
            case platformReleaseAdded = "platform-release-added"
        }

        public let kind: Kind
        /// The component, platform id or `kubernetes`.
        public let subject: String
        /// The release cycle or field concerned, if any.
        public let detail: String?
        public let old: String?
        public let new: String?
    }

    public let from: Quarter
    public let to: Quarter
    public let changes: [Change]

    /// Compares `old` with `new`: components, tiers, release cycles, dates and Kubernetes ranges.
    public init(from old: Catalog, to new: Catalog) {
        from = old.version
        to = new.version
        var changes: [Change] = []
        let oldComponents = Dictionary(old.components.map { ($0.id, $0) }) { first, _ in first }
        let newComponents = Dictionary(new.components.map { ($0.id, $0) }) { first, _ in first }
        for id in Set(oldComponents.keys).union(newComponents.keys).sorted() {
            switch (oldComponents[id], newComponents[id]) {
            case (nil, let added?):
                changes.append(
                    Change(kind: .componentAdded, subject: id, detail: nil, old: nil, new: added.tier.rawValue))
            case (let removed?, nil):
                changes.append(
                    Change(kind: .componentRemoved, subject: id, detail: nil, old: removed.tier.rawValue, new: nil))
            case (let before?, let after?):
                if before.tier != after.tier {
                    changes.append(
                        Change(
                            kind: after.tier > before.tier ? .promoted : .demoted, subject: id, detail: nil,
                            old: before.tier.rawValue, new: after.tier.rawValue))
                }
                changes += Self.releases(id, before.releases, after.releases)
            case (nil, nil): break
            }
        }
        let oldUpstream = Set(old.kubernetes.filter { !$0.planned }.map(\.cycle))
        for release in new.kubernetes where !release.planned && !oldUpstream.contains(release.cycle) {
            changes.append(
                Change(
                    kind: .kubernetesAdded, subject: "kubernetes", detail: release.cycle.text, old: nil,
                    new: release.releaseDate.description))
        }
        for platform in new.platforms {
            let before = Set(old.platform(platform.id)?.releases.map(\.cycle) ?? [])
            for release in platform.releases where !before.contains(release.cycle) {
                changes.append(
                    Change(
                        kind: .platformReleaseAdded, subject: platform.id, detail: release.cycle.text, old: nil,
                        new: release.releaseDate.description))
            }
        }
        self.changes = changes
    }

    private static func releases(_ id: String, _ old: [ComponentRelease], _ new: [ComponentRelease]) -> [Change] {
        let before = Dictionary(old.map { ($0.cycle, $0) }) { first, _ in first }
        let after = Dictionary(new.map { ($0.cycle, $0) }) { first, _ in first }
        var changes: [Change] = []
        for cycle in Set(before.keys).union(after.keys).sorted() {
            switch (before[cycle], after[cycle]) {
            case (nil, let added?):
                changes.append(
                    Change(
                        kind: .releaseAdded, subject: id, detail: cycle.text, old: nil,
                        new: added.releaseDate.description))
            case (let removed?, nil):
                changes.append(
                    Change(
                        kind: .releaseRemoved, subject: id, detail: cycle.text, old: removed.releaseDate.description,
                        new: nil))
            case (let a?, let b?):
                for (field, x, y) in [
                    ("releaseDate", Optional(a.releaseDate), Optional(b.releaseDate)), ("eol", a.eol, b.eol),
                ] where x != y {
                    changes.append(
                        Change(
                            kind: .dateChanged, subject: id, detail: "\(cycle.text) \(field)", old: x?.description,
                            new: y?.description))
                }
                if a.kubernetes != b.kubernetes {
                    changes.append(
                        Change(
                            kind: .compatibilityChanged, subject: id, detail: cycle.text,
                            old: a.kubernetes?.description,
                            new: b.kubernetes?.description))
                }
            case (nil, nil): break
            }
        }
        return changes
    }
}
