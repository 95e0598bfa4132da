import Testing

@testable import StackPlanCore

/// A small catalog with real EKS dates and a few components, built in code for planner tests.
enum PlannerFixture {
    static func release(
        _ text: String, _ date: String, eol: String?, eoes: String? = nil, planned: Bool = false
    ) -> PlatformRelease {
        PlatformRelease(
            cycle: cycle(text), releaseDate: day(date), eol: eol.map { day($0) }, eoes: eoes.map { day($0) },
            planned: planned, source: "test")
    }

    static func component(
        _ id: String, role: ComponentRole?, _ releases: [(String, String?, String?, String?)]
    ) -> Component {
        Component(
            id: id, name: id, category: "c", tier: .infrastructure, role: role, upstream: "https://example.org",
            history: [],
            releases: releases.map { text, eol, min, max in
                ComponentRelease(
                    cycle: cycle(text), releaseDate: day("2025-01-01"), eol: eol.map { day($0) }, latest: text + ".9",
                    kubernetes: (min == nil && max == nil)
                        ? nil : KubernetesRange(min: min.map { cycle($0) }, max: max.map { cycle($0) }),
                    source: "test")
            })
    }

    static let catalog = Catalog(
        version: Quarter(year: 2026, quarter: 3) ?? Quarter(containing: day("2026-07-01")), title: "test",
        dataAsOf: day("2026-08-20"), categories: [Category(id: "c", name: "C")], kubernetes: [],
        platforms: [
            Platform(
                id: "eks", name: "EKS", component: nil,
                releases: [
                    release("1.24", "2022-11-15", eol: "2024-01-31"),
                    release("1.27", "2023-05-24", eol: "2024-07-24"),
                    release("1.30", "2024-05-23", eol: "2025-07-23", eoes: "2026-07-23"),
                    release("1.31", "2024-09-26", eol: "2025-11-26", eoes: "2026-11-26"),
                    release("1.32", "2025-01-25", eol: "2026-03-23", eoes: "2027-03-23"),
                    release("1.33", "2025-05-28", eol: "2026-07-29", eoes: "2027-07-29"),
                    release("1.34", "2025-10-06", eol: "2026-12-02", eoes: "2027-12-02"),
                    release("1.35", "2026-01-28", eol: "2027-03-27", eoes: "2028-03-27"),
                    release("1.36", "2026-06-02", eol: "2027-08-02", eoes: "2028-08-02"),
                    // Planned: never released, whatever its date.
                    release("1.37", "2026-08-25", eol: nil, planned: true),
                ])
        ],
        components: [
            component(
                "prometheus", role: .monitoring, [("3.4", "2025-06-28", nil, nil), ("3.13", "2027-07-31", nil, nil)]),
            component(
                "ingress-nginx", role: .ingress,
                [
                    ("1.11", nil, "1.26", "1.30"), ("1.12", nil, "1.28", "1.32"), ("1.13", nil, "1.29", "1.33"),
                    ("1.14", nil, "1.30", "1.34"), ("1.15", nil, "1.31", "1.35"),
                ]),
            component(
                "istio", role: .mesh,
                [
                    ("1.24", "2025-06-24", "1.28", "1.31"), ("1.29", "2026-08-31", "1.31", "1.35"),
                    ("1.30", "2026-11-30", "1.32", "1.36"),
                ]),
            component("calico", role: .security, [("3.30", nil, "1.31", "1.35"), ("3.32", nil, "1.34", "1.36")]),
        ])

    static func cluster(
        _ name: String, _ version: String, nodes: String? = nil, strategy: UpgradeStrategy = .inPlace,
        components: [String: String] = [:]
    ) -> Cluster {
        Cluster(
            name: name, platform: "eks", version: VersionNumber(version: version) ?? cycle("0.0"),
            nodeVersion: nodes.map { cycle($0) }, strategy: strategy,
            components: components.map {
                InstalledComponent(id: $0.key, version: VersionNumber(version: $0.value) ?? cycle("0.0"))
            })
    }

    /// A qualified customer with `production` clusters in production and `staging` in non-production.
    static func customer(
        _ id: String = "acme", pod: String = "pod", production: [Cluster], staging: [Cluster] = [],
        waivers: [Waiver] = []
    ) -> Customer {
        var environments = [Environment(name: "production", kind: .production, clusters: production)]
        if !staging.isEmpty {
            environments.append(Environment(name: "staging", kind: .nonProduction, clusters: staging))
        }
        return Customer(id: id, name: id, pod: pod, monthlyFee: 1000, environments: environments, waivers: waivers)
    }

    static func plan(_ customers: [Customer], asOf: String = "2026-09-01", capacity: Int = 10) -> UpgradePlan {
        UpgradePlanner(catalog: catalog, asOf: day(asOf))
            .plan(Inventory(pods: [Pod(id: "pod", upgradesPerWeek: capacity)], customers: customers))
    }
}
