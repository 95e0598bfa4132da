// Measures the planner on a synthetic fleet: generation, YAML load, planning and JSON rendering,
// each timed on its own, plus peak memory. Run: swift run -c release stackplan-bench [customers] [seed]
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

func seconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = CommandLine.arguments.dropFirst()
let customers = arguments.first.flatMap { Int($0) } ?? 10_000
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 42
let catalogPath = ProcessInfo.processInfo.environment["STACKPLAN_CATALOG"] ?? "catalog"
guard let asOf = CalendarDay("2026-09-01"),
    let catalog = try? CatalogDirectory.load(at: catalogPath, asOf: asOf).catalog
else {
    FileHandle.standardError.write(Data("cannot load the catalog at '\(catalogPath)'\n".utf8))
    exit(66)
}

var start = DispatchTime.now()
let fleet = FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: customers, seed: seed)
let yaml = InventoryWriter.yaml(fleet)
let generated = seconds(start)
let clusters = fleet.customers.reduce(0) { $0 + $1.environments.reduce(0) { $0 + $1.clusters.count } }

start = DispatchTime.now()
let loaded = InventoryLoader(catalog: catalog).load(
    SourceFile(path: "fleet.yaml", relativePath: "fleet.yaml", text: yaml))
let loadTime = seconds(start)
guard let inventory = loaded.inventory else {
    FileHandle.standardError.write(
        Data("the generated fleet does not validate: \(loaded.diagnostics.prefix(3))\n".utf8))
    exit(65)
}

start = DispatchTime.now()
let plan = UpgradePlanner(catalog: catalog, asOf: asOf).plan(inventory)
let planTime = seconds(start)

start = DispatchTime.now()
let json = PlanReport.json(plan).serialized()
let renderTime = seconds(start)

let steps = plan.clusters.reduce(0) { $0 + $1.steps.count }
print("fleet: \(customers) customers, \(clusters) clusters, \(steps) steps, \(yaml.utf8.count / 1_000_000) MB YAML")
print(String(format: "generate: %.3f s", generated))
print(String(format: "load:     %.3f s  (%.0f clusters/s)", loadTime, Double(clusters) / loadTime))
print(String(format: "plan:     %.3f s  (%.0f clusters/s)", planTime, Double(clusters) / planTime))
print(String(format: "json:     %.3f s  (%d MB)", renderTime, json.utf8.count / 1_000_000))
print(String(format: "load+plan+json: %.3f s, peak memory %.0f MB", loadTime + planTime + renderTime, peakMemoryMB()))
