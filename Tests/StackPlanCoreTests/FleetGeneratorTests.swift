import Testing

@testable import StackPlanCore

@Suite("Fleet generator")
struct FleetGeneratorTests {
    private let generator = FleetGenerator(catalog: PlannerFixture.catalog, asOf: day("2026-09-01"))

    @Test func theSameSeedGivesTheSameFleetAndAnotherSeedAnother() {
        #expect(generator.generate(customers: 40, seed: 7) == generator.generate(customers: 40, seed: 7))
        #expect(generator.generate(customers: 40, seed: 7) != generator.generate(customers: 40, seed: 8))
    }

    @Test(arguments: [1, 7, 99] as [UInt64])
    func everyClusterIsPlannable(_ seed: UInt64) {
        let fleet = generator.generate(customers: 60, seed: seed)
        #expect(fleet.customers.count == 60)
        #expect(Set(fleet.customers.map(\.id)).count == 60)
        let pods = Set(fleet.pods.map(\.id))
        let catalog = PlannerFixture.catalog
        for customer in fleet.customers {
            #expect(pods.contains(customer.pod))
            let names = customer.environments.flatMap { $0.clusters.map(\.name) }
            #expect(Set(names).count == names.count, "\(customer.id) repeats a cluster name")
            for cluster in customer.environments.flatMap(\.clusters) {
                let platform = catalog.platforms.first { $0.id == cluster.platform }
                // Clusters run minors the platform has released by the date, nodes no newer.
                let release = platform?.releases.first { $0.cycle == cluster.minor }
                #expect(release.map { !$0.planned && $0.releaseDate <= day("2026-09-01") } == true)
                #expect(!(cluster.minor < cluster.nodeMinor))
                for component in cluster.components {
                    #expect(catalog.components.contains { $0.id == component.id })
                }
            }
            for waiver in customer.waivers { #expect(names.contains(waiver.cluster)) }
        }
        // The planner takes the whole fleet.
        let plan = UpgradePlanner(catalog: catalog, asOf: day("2026-09-01")).plan(fleet)
        #expect(plan.clusters.count == fleet.customers.flatMap(\.environments).flatMap(\.clusters).count)
    }
}
