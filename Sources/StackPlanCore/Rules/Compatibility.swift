/// The answer to "which release of each component runs on Kubernetes minor N?".
public struct CompatibilityEntry: Hashable, Sendable {
    /// The component.
    public let component: Component
    /// The newest cycle whose Kubernetes range contains the minor, or `nil` when none is known.
    public let release: ComponentRelease?
}

extension Catalog {
    /// For each component (offered on `platform` when given), the newest release cycle known to
    /// support Kubernetes `minor`.
    ///
    /// A cycle supports the minor only when it states a range that contains it; cycles with no
    /// range say nothing and are skipped.
    public func compatibility(kubernetes minor: VersionNumber, platform: String? = nil) -> [CompatibilityEntry] {
        components
            .filter { platform.map($0.isOffered(on:)) ?? true }
            .map { component in
                let release = component.releases
                    .filter { $0.supports(kubernetes: minor) }
                    .max { $0.cycle < $1.cycle }
                return CompatibilityEntry(component: component, release: release)
            }
    }
}
