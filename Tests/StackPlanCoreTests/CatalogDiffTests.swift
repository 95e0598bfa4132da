import Testing

@testable import StackPlanCore

@Suite("Catalog diff")
struct CatalogDiffTests {
    private typealias F = PlannerFixture

    private func catalog(
        version: String, components: [Component], kubernetes: [KubernetesRelease] = [], platforms: [Platform]? = nil
    ) -> Catalog {
        Catalog(
            version: Quarter(version) ?? F.catalog.version, title: "t", dataAsOf: day("2026-08-20"),
            categories: F.catalog.categories, kubernetes: kubernetes, platforms: platforms ?? F.catalog.platforms,
            components: components)
    }

    private func tiered(_ component: Component, _ tier: Tier) -> Component {
        Component(
            id: component.id, name: component.name, category: component.category, tier: tier, role: component.role,
            upstream: component.upstream, history: component.history, releases: component.releases)
    }

    @Test func findsEveryKindOfChange() {
        let prometheus = F.component("prometheus", role: .monitoring, [("3.4", "2025-06-28", nil, nil)])
        let newerPrometheus = F.component(
            "prometheus", role: .monitoring, [("3.4", "2025-07-01", nil, nil), ("3.13", "2027-07-31", nil, nil)])
        let calico = F.component("calico", role: .security, [("3.30", nil, "1.31", "1.35")])
        let widerCalico = F.component("calico", role: .security, [("3.30", nil, "1.31", "1.36")])
        let velero = F.component("velero", role: .storage, [])
        let harbor = F.component("harbor", role: .registry, [])
        let k136 = KubernetesRelease(cycle: cycle("1.36"), releaseDate: day("2026-04-22"), source: "s")
        // A planned minor is not "added" until it is released.
        let k137 = KubernetesRelease(cycle: cycle("1.37"), releaseDate: day("2026-08-26"), source: "s")
        let k138 = KubernetesRelease(cycle: cycle("1.38"), releaseDate: day("2026-12-16"), planned: true, source: "s")
        let eks = F.catalog.platforms[0]
        let eks137 = Platform(
            id: eks.id, name: eks.name, component: eks.component,
            releases: eks.releases + [
                PlatformRelease(cycle: cycle("1.38"), releaseDate: day("2027-01-01"), eol: nil, source: "s")
            ])
        let old = catalog(
            version: "2026-Q3", components: [prometheus, calico, tiered(velero, .catalog), harbor], kubernetes: [k136])
        let new = catalog(
            version: "2026-Q4", components: [newerPrometheus, widerCalico, tiered(velero, .certified)],
            kubernetes: [k136, k137, k138], platforms: [eks137])
        let diff = CatalogDiff(from: old, to: new)
        #expect(diff.from.description == "2026-Q3" && diff.to.description == "2026-Q4")
        let kinds = Set(diff.changes.map(\.kind))
        #expect(
            kinds == [
                .componentRemoved, .promoted, .releaseAdded, .dateChanged, .compatibilityChanged, .kubernetesAdded,
                .platformReleaseAdded,
            ])
        #expect(diff.changes.filter { $0.kind == .kubernetesAdded }.map(\.detail) == ["1.37"])
        #expect(diff.changes.contains { $0.kind == .promoted && $0.subject == "velero" && $0.new == "certified" })
        #expect(diff.changes.contains { $0.kind == .componentRemoved && $0.subject == "harbor" })
        #expect(diff.changes.contains { $0.kind == .dateChanged && $0.old == "2025-06-28" && $0.new == "2025-07-01" })
        #expect(CatalogDiff(from: new, to: old).changes.contains { $0.kind == .demoted && $0.subject == "velero" })
        #expect(
            CatalogDiff(from: new, to: old).changes.contains { $0.kind == .componentAdded && $0.subject == "harbor" })
    }

    @Test func anEditionComparedWithItselfHasNoChanges() {
        #expect(CatalogDiff(from: F.catalog, to: F.catalog).changes.isEmpty)
    }
}
