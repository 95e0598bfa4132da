import ArgumentParser
import StackPlanCatalog
import StackPlanCore

/// `stackplan generate-fleet`: a synthetic inventory for benchmarks and demos, YAML on standard output.
public struct GenerateFleet: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "generate-fleet",
        abstract: "Write a realistic synthetic inventory (about 5 clusters per customer) as YAML to standard output.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var asOf: AsOfOption
    @Option(help: "How many customers.") public var customers: Int
    @Option(help: "The random seed; the same seed gives the same fleet.") public var seed: UInt64 = 1

    public init() {}

    public func validate() throws {
        guard (1...1_000_000).contains(customers) else {
            throw ValidationError("--customers takes 1 to 1000000, not \(customers)")
        }
    }

    public func run() throws {
        let day = asOf.day
        let loaded = try catalog.requireCatalog(asOf: day)
        let fleet = FleetGenerator(catalog: loaded, asOf: day).generate(customers: customers, seed: seed)
        Console.out(InventoryWriter.yaml(fleet))
    }
}
