import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Inventory writer")
struct InventoryWriterTests {
    @Test(arguments: [3, 17] as [UInt64])
    func aWrittenFleetReadsBackAsTheSameInventory(_ seed: UInt64) throws {
        let asOf = try #require(CalendarDay("2026-09-01"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        let fleet = FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: 50, seed: seed)
        let text = InventoryWriter.yaml(fleet)
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "fleet.yaml", relativePath: "fleet.yaml", text: text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(result.inventory == fleet)
    }

    @Test func namesWithQuotesAndLineBreaksSurvive() throws {
        let asOf = try #require(CalendarDay("2026-09-01"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        let cluster = Cluster(name: "c1", platform: "eks", version: VersionNumber(parts: [1, 35]))
        let fleet = Inventory(
            pods: [Pod(id: "p", upgradesPerWeek: 2)],
            customers: [
                Customer(
                    id: "x", name: "O'Brien \"&\" Sons: 50% # not a comment\nsecond line", pod: "p", monthlyFee: 1234.5,
                    environments: [
                        Environment(name: "prod", kind: .production, clusters: [cluster]),
                        Environment(
                            name: "dev", kind: .nonProduction,
                            clusters: [Cluster(name: "c2", platform: "eks", version: VersionNumber(parts: [1, 36]))]),
                    ],
                    waivers: [Waiver(cluster: "c1", until: asOf, reason: "a: b # c")])
            ])
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "f.yaml", relativePath: "f.yaml", text: InventoryWriter.yaml(fleet)))
        #expect(result.inventory == fleet, "\(result.diagnostics)")
    }
}
