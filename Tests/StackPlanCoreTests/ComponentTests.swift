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

    /// What a move to a cycle installs: its `latest` read as a version, else the cycle.
    @Test(
        arguments: [
            ("1.16.2", "1.16.2"), ("v1.16.2", "1.16.2"), ("1.16.2-rc.1", "1.16.2-rc.1"), ("2024-01", "2024-01"),
            ("unreleased", nil), (nil, "1.16"),
        ] as [(String?, String?)])
    func aMoveInstallsTheLatestVersion(_ latest: String?, _ installed: String?) throws {
        let cycle = try #require(VersionNumber(cycle: "1.16"))
        let release = ComponentRelease(cycle: cycle, releaseDate: day("2025-01-01"), latest: latest, source: "test")
        #expect(release.latestVersion?.text == installed)
        #expect(release.latestVersion == VersionNumber(version: latest ?? "1.16"))
    }

    /// A cluster keeps its components and uncataloged software sorted by id, whatever order
    /// they come in (already sorted, reversed, with a repeated id).
    @Test func clusterComponentsAreSortedById() throws {
        let version = try #require(VersionNumber(version: "1.2.3"))
        let ids = [["a", "b", "c"], ["c", "b", "a"], ["b", "a", "b"], ["a"], []]
        for order in ids {
            let installed = order.map { InstalledComponent(id: $0, version: version) }
            let cluster = Cluster(
                name: "c", platform: "eks", version: version, components: installed, uncataloged: installed.reversed())
            #expect(cluster.components.map(\.id) == order.sorted())
            #expect(cluster.uncataloged.map(\.id) == order.sorted())
        }
    }

    /// A cluster's installed versions know each one's release from the start and after every
    /// move: the same release `release(containing:)` finds, none for an unknown cycle, a version
    /// that does not parse or a component the catalog does not know.
    @Test func installedVersionsFollowTheirReleaseThroughMoves() throws {
        let box = ComponentBox(prometheus)
        var installed = InstalledVersions(
            [
                InstalledComponent(id: "other", version: try #require(VersionNumber(version: "1.0"))),
                InstalledComponent(id: "prometheus", version: try #require(VersionNumber(version: "3.4.1"))),
            ], catalog: [FingerprintKey("prometheus"): box])
        #expect(installed.entries.map { $0.release?.cycle.text } == [nil, "3.4"])
        for (text, expected) in [("3.41.2", "3.41"), ("2.53.1", nil), ("v3.5.5", "3.5")] as [(String, String?)] {
            let version = try #require(VersionNumber(version: text))
            installed.set(at: 1, to: version)
            #expect(installed.entries[1].release?.cycle.text == expected)
            #expect(installed.entries[1].release == prometheus.release(containing: version))
        }
        installed.set(at: 1, to: nil)
        #expect(installed.entries[1].release == nil && installed.entries[1].version == nil)
    }
}

/// Finding an installed version's release by a scan of cycle keys gives the release the
/// reference search over the cycles gives: the longest cycle that is a prefix, the first of
/// equally long ones, none when no cycle is.
@Suite("Release index by cycle keys")
struct ReleaseIndexTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func keysAgreeWithTheCycles(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func part() -> Int { [0, 1, 2, 3, 10, 31, 20_250_101][Int.random(in: 0..<7, using: &random)] }
        for _ in 0..<200 {
            let cycles = (0..<Int.random(in: 0...8, using: &random)).map { _ in
                VersionNumber(parts: (0..<Int.random(in: 1...3, using: &random)).map { _ in part() })
            }
            let box = ComponentBox(
                Component(
                    id: "c", name: "C", category: "observability", tier: .catalog, role: nil, platforms: ["eks"],
                    upstream: "https://example.org/c", history: [],
                    releases: cycles.map {
                        ComponentRelease(cycle: $0, releaseDate: CalendarDay(dayNumber: 20_000), source: "test")
                    }))
            for _ in 0..<20 {
                let version = VersionNumber(parts: (0..<Int.random(in: 1...5, using: &random)).map { _ in part() })
                #expect(
                    box.releaseIndex(containing: version)
                        == Component.releaseIndex(containing: version, cycles: cycles),
                    "\(version.text) in \(cycles.map(\.text))")
            }
        }
    }
}
