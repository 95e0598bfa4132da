/// The version of each catalog component on a cluster while its path is planned (moves update
/// it), in component-id order, each with its catalog entry looked up once.
///
/// A cluster runs a handful of components: a short array searched in order costs less than
/// hashing the id for a dictionary, and it iterates in id order without sorting.
struct InstalledVersions {
    struct Entry {
        let id: String
        /// `nil` once moved to a version whose text does not parse (the component is then left alone).
        var version: VersionNumber?
        /// The catalog component, `nil` when the catalog does not know the id.
        let component: ComponentBox?
    }

    private(set) var entries: [Entry]

    /// `components` in id order (as `Cluster` keeps them), resolved against `catalog`.
    init(_ components: [InstalledComponent], catalog: [String: ComponentBox]) {
        entries = components.map { Entry(id: $0.id, version: $0.version, component: catalog[$0.id]) }
    }

    /// Records that the component `id` now runs `version`.
    mutating func set(_ id: String, to version: VersionNumber?) {
        if let index = entries.firstIndex(where: { $0.id == id }) { entries[index].version = version }
    }
}
