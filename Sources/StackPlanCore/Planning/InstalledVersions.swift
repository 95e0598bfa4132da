/// The version of each catalog component on a cluster while its path is planned (moves update
/// it), each with its catalog entry looked up once: entry `i` is the cluster's component `i`
/// (id order), so a move addresses it by that index and the path iterates in id order without
/// sorting or searching.
struct InstalledVersions {
    struct Entry {
        /// `nil` once moved to a version whose text does not parse (the component is then left alone).
        private(set) var version: VersionNumber?
        /// The catalog component, `nil` when the catalog does not know the id.
        let component: ComponentBox?
        /// The index in the component's releases of the one `version` belongs to: found when the
        /// version is set, not at every look during the path (each hop looks at every component).
        private(set) var releaseIndex: Int?

        init(version: VersionNumber?, component: ComponentBox?) {
            self.component = component
            set(version)
        }

        /// The release `version` belongs to, `nil` when none (or no version, or no catalog entry).
        var release: ComponentRelease? {
            guard let releaseIndex, let component else { return nil }
            return component.value.releases[releaseIndex]
        }

        /// Whether the release `version` belongs to runs on every minor from `low` through
        /// `high`; `nil` when there is no such release. Reads the release's range in place: a
        /// copy of the whole release (`release`) costs more than the test, and every hop tests
        /// every component.
        func releaseMayRun(from low: VersionNumber, through high: VersionNumber) -> Bool? {
            guard let releaseIndex, let component else { return nil }
            return ReleaseChooser.mayRun(component.value.releases[releaseIndex].kubernetes, from: low, through: high)
        }

        mutating func set(_ version: VersionNumber?) {
            self.version = version
            releaseIndex = version.flatMap { version in
                component?.releaseIndex(containing: version)
            }
        }
    }

    private(set) var entries: [Entry]

    /// `components` in id order (as `Cluster` keeps them), resolved against `catalog`.
    init(_ components: [InstalledComponent], catalog: [FingerprintKey: ComponentBox]) {
        entries = components.map { Entry(version: $0.version, component: catalog[FingerprintKey($0.id)]) }
    }

    /// Records that the component at `index` (the cluster's, in the same order) now runs `version`.
    mutating func set(at index: Int, to version: VersionNumber?) {
        entries[index].set(version)
    }
}
