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

/// Reads the incident log at `path` against the inventory's customers; prints its errors and exits
/// 65 when a row is bad, 66 when the file is missing.
func requireIncidents(at path: String, customers: [Customer]) throws -> [Incident] {
    let result: IncidentLoadResult
    do {
        result = try IncidentLogLoader(inventory: customers).load(path: path)
    } catch {
        Console.err("error: \(error)")
        throw ExitCode(ExitStatus.noInput)
    }
    Console.print(result.diagnostics)
    guard let log = result.incidents else { throw ExitCode(ExitStatus.dataError) }
    return log
}
