import Testing

@testable import StackPlanCore

@Suite("Component")
struct ComponentTests {
    private let prometheus = Component(
        id: "prometheus", name: "Prometheus", category: "observability", tier: .infrastructure, role: .monitoring,
        platforms: ["eks"], upstream: "https://github.com/prometheus/prometheus",
        history: [],
        releases: ["3.4", "3.5", "3.41"].map {
            ComponentRelease(cycle: cycle($0), releaseDate: day("2025-01-01"), source: "test")
        })

    @Test(arguments: [("3.4.1", "3.4"), ("3.41.0", "3.41"), ("3.5", "3.5"), ("v3.5.5", "3.5")])
    func findsTheReleaseOfAnInstalledVersion(_ installed: String, _ expected: String) throws {
        let version = try #require(VersionNumber(version: installed))
        #expect(prometheus.release(containing: version)?.cycle.text == expected)
    }

    @Test func aVersionOfNoKnownCycleHasNoRelease() throws {
        #expect(prometheus.release(containing: try #require(VersionNumber(version: "2.53.1"))) == nil)
    }

    @Test func newestReleaseComparesNumerically() {
        #expect(prometheus.newestRelease?.cycle.text == "3.41")
    }

    @Test func offeredOnlyOnItsPlatforms() {
        #expect(prometheus.isOffered(on: "eks"))
        #expect(!prometheus.isOffered(on: "rpc-k"))
    }

    @Test func tiersOrderFromCatalogToInfrastructure() {
        #expect(Tier.catalog < .certified && Tier.certified < .infrastructure)
    }
}
