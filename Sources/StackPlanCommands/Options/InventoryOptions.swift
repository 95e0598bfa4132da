import ArgumentParser
import StackPlanCatalog
import StackPlanCore

/// `--inventory FILE`: the customer inventory, validated against the catalog.
public struct InventoryOptions: ParsableArguments {
    @Option(help: "The inventory YAML file.") public var inventory: String

    public init() {}

    /// The valid inventory; prints its errors and exits 65 when it has any (or is not UTF-8 text),
    /// 66 when it is missing.
    /// With `parallelism`, a large inventory's customers are decoded on several threads (same result).
    public func requireInventory(catalog: Catalog, parallelism: Parallelism = .serial) throws -> Inventory {
        try loadInventory(catalog: catalog, parallelism: parallelism).inventory
    }

    /// The valid inventory and the exact text it was read from (what `snapshot` stores).
    public func loadInventory(
        catalog: Catalog, parallelism: Parallelism = .serial
    ) throws -> (inventory: Inventory, text: String) {
        let text: String
        do {
            text = try readText(atPath: inventory)
        } catch {
            throw CommandError(error)
        }
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: inventory, relativePath: inventory, text: text), parallelism: parallelism)
        Console.print(result.diagnostics)
        guard let loaded = result.inventory else { throw CommandError.dataError() }
        return (loaded, text)
    }
}

/// Reads the incident log at `path` against the inventory's customers; prints its errors and exits
/// 65 when a row is bad, 66 when the file is missing.
func requireIncidents(at path: String, customers: [Customer]) throws -> [Incident] {
    let result: IncidentLoadResult
    do {
        result = try IncidentLogLoader(inventory: customers).load(path: path)
    } catch {
        throw CommandError(error)
    }
    Console.print(result.diagnostics)
    guard let log = result.incidents else { throw CommandError.dataError() }
    return log
}
