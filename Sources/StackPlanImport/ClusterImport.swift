import StackPlanCore

/// What the tools said about one cluster, and the inventory entry it makes.
public struct ClusterImport: Sendable {
    public var name: String?
    public var platform: String?
    public var strategy: UpgradeStrategy?
    /// From `kubectl version` (patch precision) or `aws eks describe-cluster` (minor).
    public var version: VersionNumber?
    public var nodes: (oldest: VersionNumber, counts: [(version: String, nodes: Int)])?
    public var helm: [ToolOutputs.HelmRelease]?
    public var run: ToolOutputs.TestRun?

    public init() {}

    /// One difference from the inventory's entry.
    public struct Difference: Hashable, Sendable {
        public let field: String
        public let from: String?
        public let to: String?
    }

    /// The result of matching Helm releases with the catalog's charts.
    public struct Matched: Sendable {
        public let components: [InstalledComponent]
        public let uncataloged: [InstalledComponent]
        /// Releases no catalog component claims, as `release (chart chart-version)`.
        public let unmatched: [String]
    }

    /// Maps Helm releases to catalog components by chart name; the rest is uncataloged.
    public static func match(_ releases: [ToolOutputs.HelmRelease], catalog: Catalog) -> Matched {
        var components: [String: InstalledComponent] = [:]
        var uncataloged: [String: InstalledComponent] = [:]
        var unmatched: [String] = []
        for release in releases {
            let owner = catalog.components.first { component in component.charts.contains { $0.name == release.chart } }
            let source = owner?.charts.first { $0.name == release.chart }?.version ?? .appVersion
            let text = (source == .chart || release.appVersion.isEmpty) ? release.chartVersion : release.appVersion
            guard let version = VersionNumber(version: text.hasPrefix("v") ? String(text.dropFirst()) : text) else {
                unmatched.append("\(release.name) (chart \(release.chart)-\(release.chartVersion), no version)")
                continue
            }
            if let owner {
                components[owner.id] = InstalledComponent(id: owner.id, version: version)
            } else {
                uncataloged[release.chart] = InstalledComponent(id: release.chart, version: version)
                unmatched.append("\(release.name) (chart \(release.chart)-\(release.chartVersion))")
            }
        }
        return Matched(
            components: components.values.sorted { $0.id < $1.id },
            uncataloged: uncataloged.values.sorted { $0.id < $1.id },
            unmatched: unmatched)
    }

    /// The cluster entry: what the tools said over what the inventory had (`existing`), which
    /// supplies anything the inputs did not (strategy, platform, components when no Helm list).
    /// `nil` with the reason when no version is known.
    public func cluster(existing: Cluster?, catalog: Catalog, asOf: CalendarDay) -> (Cluster?, Matched?, String?) {
        guard let name = name ?? existing?.name else { return (nil, nil, "no cluster name: give --cluster") }
        guard let version = version ?? existing?.version else {
            return (nil, nil, "no Kubernetes version for \(name): give --kubectl-version or --eks")
        }
        guard let platform = platform ?? existing?.platform else {
            return (nil, nil, "no platform for \(name): give --platform")
        }
        let matched = helm.map { Self.match($0, catalog: catalog) }
        let conformance = run.map { run in
            ConformanceRun(
                date: run.date ?? asOf, kubernetes: version, passed: run.passed, failed: run.failed,
                skipped: run.skipped)
        }
        let cluster = Cluster(
            name: name, platform: platform, version: version, nodeVersion: nodes?.oldest ?? existing?.nodeVersion,
            strategy: strategy ?? existing?.strategy ?? .inPlace,
            components: matched?.components ?? existing?.components ?? [],
            uncataloged: matched?.uncataloged ?? existing?.uncataloged ?? [],
            conformance: conformance ?? existing?.conformance)
        return (cluster, matched, nil)
    }

    /// What changes from `old` (nothing for a new cluster: every field is "added").
    public static func differences(from old: Cluster?, to new: Cluster) -> [Difference] {
        func describe(_ items: [InstalledComponent]) -> [String: String] {
            Dictionary(items.map { ($0.id, $0.version.text) }) { first, _ in first }
        }
        var out: [Difference] = []
        func compare(_ field: String, _ a: String?, _ b: String?) {
            if a != b { out.append(Difference(field: field, from: a, to: b)) }
        }
        compare("platform", old?.platform, new.platform)
        compare("version", old?.version.text, new.version.text)
        compare("nodeVersion", old?.nodeVersion?.text, new.nodeVersion?.text)
        compare("strategy", old?.strategy.rawValue, new.strategy.rawValue)
        for (field, before, after) in [
            ("components", describe(old?.components ?? []), describe(new.components)),
            ("uncataloged", describe(old?.uncataloged ?? []), describe(new.uncataloged)),
        ] {
            for key in Set(before.keys).union(after.keys).sorted() {
                compare("\(field).\(key)", before[key], after[key])
            }
        }
        let run = { (run: ConformanceRun?) in
            run.map { "\($0.date) \($0.kubernetes): \($0.passed) passed, \($0.failed) failed, \($0.skipped) skipped" }
        }
        compare("conformance", run(old?.conformance), run(new.conformance))
        return out
    }
}
