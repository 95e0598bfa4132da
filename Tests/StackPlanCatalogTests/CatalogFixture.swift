import StackPlanCore

@testable import StackPlanCatalog

/// A small valid catalog as in-memory files; tests replace one file to plant a mistake.
enum CatalogFixture {
    static let catalog = """
        version: 2026-Q3
        title: Test catalog
        dataAsOf: 2026-08-20
        categories:
          - id: observability
            name: Monitoring
          - id: storage
            name: Storage
        """

    static let kubernetes = """
        releases:
          - releaseCycle: "1.37"
            status: planned
            releaseDate: 2026-08-26
            source: sig-release
          - releaseCycle: "1.36"
            releaseDate: 2026-04-22
            eoas: 2027-04-28
            eol: 2027-06-28
            latest: "1.36.4"
            latestReleaseDate: 2026-08-20
            source: eol.date
        """

    static let eks = """
        id: eks
        name: EKS
        component: eks
        releases:
          - releaseCycle: "1.36"
            releaseDate: 2026-06-02
            eol: 2027-08-02
            eoes: 2028-08-02
            source: eol.date
          - releaseCycle: "1.33"
            releaseDate: 2025-05-28
            eol: 2026-07-29
            source: eol.date
          - releaseCycle: "1.32"
            releaseDate: 2025-01-25
            eol: 2026-03-23
            source: eol.date
        """

    static let eksComponent = """
        id: eks
        name: EKS
        category: storage
        tier: infrastructure
        role: platform
        platforms: [eks]
        upstream: https://aws.amazon.com/eks/
        history:
          - quarter: 2026-Q3
            tier: infrastructure
            note: listed
        """

    static let prometheus = """
        id: prometheus
        name: Prometheus
        category: observability
        tier: infrastructure
        role: monitoring
        upstream: https://github.com/prometheus/prometheus
        history:
          - quarter: 2026-Q2
            tier: certified
            note: first listed
          - quarter: 2026-Q3
            tier: infrastructure
            note: promoted
        releases:
          - releaseCycle: "3.5"
            releaseDate: 2025-07-14
            eol: 2026-07-31
            latest: "3.5.5"
            kubernetes: {min: "1.30", max: "1.36"}
            source: eol.date
        """

    static var files: [String: String] {
        [
            "catalog.yaml": catalog, "kubernetes.yaml": kubernetes, "platforms/eks.yaml": eks,
            "components/eks.yaml": eksComponent, "components/prometheus.yaml": prometheus,
        ]
    }

    /// Loads `files` as a catalog under the directory name `cat/`.
    static func load(_ files: [String: String], asOf: String = "2026-08-21") -> CatalogLoadResult {
        let sources = files.map { SourceFile(path: "cat/\($0.key)", relativePath: $0.key, text: $0.value) }
        return CatalogLoader().load(files: sources, asOf: CalendarDay(asOf) ?? CalendarDay(dayNumber: 0))
    }

    /// The fixture with one file replaced (or removed when `text` is nil).
    static func with(_ path: String, _ text: String?) -> [String: String] {
        var copy = files
        copy[path] = text
        return copy
    }
}
