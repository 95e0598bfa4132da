import ArgumentParser
import StackPlanCatalog
import StackPlanCore

/// `--inventory FILE`: the customer inventory, validated against the catalog.
public struct InventoryOptions: ParsableArguments {
    @Option(help: "The inventory YAML file.") public var inventory: String

    public init() {}

    /// The valid inventory; prints its errors and exits 65 when it has any, 66 when it is missing.
    public func requireInventory(catalog: Catalog) throws -> Inventory {
        let result: InventoryLoadResult
        do {
            result = try InventoryLoader(catalog: catalog).load(path: inventory)
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(ExitStatus.noInput)
        }
        Console.print(result.diagnostics)
        guard let loaded = result.inventory else { throw ExitCode(ExitStatus.dataError) }
        return loaded
    }
}
