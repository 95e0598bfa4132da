// Measures StackPlan on synthetic data and prints figures:
//   swift run -c release stackplan-bench [customers] [seed]   plan: fleet load, planning, JSON
//   swift run -c release stackplan-bench sla [incidents] [seed]   sla report: CSV parse, clocks, credits, JSON
//   stackplan-bench sla-log INCIDENTS SEED LOG.csv INVENTORY.yaml   writes the same log and its inventory
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

/// The resident memory now (not the peak), in MB, from /proc/self/statm.
func residentMB() -> Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func fail(_ message: String, _ status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

let catalogPath = ProcessInfo.processInfo.environment["STACKPLAN_CATALOG"] ?? "catalog"
guard let asOf = CalendarDay("2026-09-01"),
    let catalog = try? CatalogDirectory.load(at: catalogPath, asOf: asOf).catalog
else { fail("cannot load the catalog at '\(catalogPath)'", 66) }

func planBenchmark(customers: Int, seed: UInt64) {
    var start = DispatchTime.now()
    let fleet = FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: customers, seed: seed)
    let yaml = InventoryWriter.yaml(fleet)
    let generated = seconds(start)
    let clusters = fleet.customers.reduce(0) { $0 + $1.environments.reduce(0) { $0 + $1.clusters.count } }

    let heapBefore = residentMB()
    start = DispatchTime.now()
    let file = SourceFile(path: "fleet.yaml", relativePath: "fleet.yaml", text: yaml)
    // As `plan` reads it (item by item, customers off the tape), on one thread.
    let loaded = InventoryLoader(catalog: catalog).load(file, parallelism: .serial)
    let loadTime = seconds(start)
    guard let inventory = loaded.inventory else { fail("the generated fleet does not validate", 65) }
    let heapLoaded = residentMB()

    start = DispatchTime.now()
    let plan = UpgradePlanner(catalog: catalog, asOf: asOf).plan(inventory)
    let planTime = seconds(start)
    let heapPlanned = residentMB()

    start = DispatchTime.now()
    let json = PlanReport.json(plan).serializedBytes(capacity: clusters * 1400)
    let renderTime = seconds(start)

    let steps = plan.clusters.reduce(0) { $0 + $1.steps.count }
    print("fleet: \(customers) customers, \(clusters) clusters, \(steps) steps, \(yaml.utf8.count / 1_000_000) MB YAML")
    print(String(format: "generate: %.3f s", generated))
    print(String(format: "load:     %.3f s  (%.0f clusters/s)", loadTime, Double(clusters) / loadTime))
    print(String(format: "plan:     %.3f s  (%.0f clusters/s)", planTime, Double(clusters) / planTime))
    print(String(format: "json:     %.3f s  (%d MB)", renderTime, json.count / 1_000_000))
    print(
        String(format: "load+plan+json: %.3f s, peak memory %.0f MB", loadTime + planTime + renderTime, peakMemoryMB()))
    print(
        String(
            format:
                "resident memory added: loading %.0f MB, planning %.0f MB (besides the generated fleet and its YAML)",
            heapLoaded - heapBefore, heapPlanned - heapLoaded))
}

/// A generated incident log of `count` rows over a 1,000-customer fleet.
func incidentLog(_ count: Int, seed: UInt64) -> (csv: String, customers: [Customer], fleet: Inventory) {
    var random = SplitMix64(seed: seed)
    let fleet = FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: 1000, seed: seed)
    let customers = fleet.customers
    let severities = IncidentSeverity.allCases.map(\.rawValue)
    let base = Instant(utc: asOf).seconds - 365 * 86_400
    var csv = IncidentLogLoader.header.joined(separator: ",") + "\n"
    csv.reserveCapacity(count * 140)
    for index in 0..<count {
        let opened = Instant(seconds: base + Int.random(in: 0..<(365 * 86_400), using: &random))
        let responded =
            Int.random(in: 0..<10, using: &random) == 0
            ? "" : opened.adding(seconds: Int.random(in: 60...200_000, using: &random)).isoUTC
        let requested = Int.random(in: 0..<4, using: &random) == 0 ? opened.adding(seconds: 400_000).isoUTC : ""
        let customer = customers[Int.random(in: 0..<customers.count, using: &random)].id
        csv += "INC-\(index),\(customer),\(severities[index % 4]),\(opened.isoUTC),\(responded),"
        csv += "\(index % 17 != 0),\(index % 23 == 0),\(requested)\n"
    }
    return (csv, customers, fleet)
}

func slaBenchmark(incidents count: Int, seed: UInt64) {
    var start = DispatchTime.now()
    let (csv, customers, _) = incidentLog(count, seed: seed)
    let generated = seconds(start)

    start = DispatchTime.now()
    let loaded = IncidentLogLoader(inventory: customers).load(text: csv, path: "incidents.csv")
    let parseTime = seconds(start)
    guard let log = loaded.incidents else {
        fail("the generated log does not validate: \(loaded.diagnostics.prefix(3))", 65)
    }

    start = DispatchTime.now()
    let (assessed, credits) = CreditAssessor(catalog: catalog, customers: customers, asOf: Instant(utc: asOf)).assess(
        log)
    let assessTime = seconds(start)

    // Streamed in 1 MB chunks and dropped, as `sla report --format json` writes it to a pipe.
    start = DispatchTime.now()
    var written = 0
    SLAReport.json(incidents: assessed, customers: credits).stream(toBuffers: { written += $0.count })
    let renderTime = seconds(start)

    let total = parseTime + assessTime + renderTime
    print("incident log: \(count) incidents, \(csv.utf8.count / 1_000_000) MB CSV, \(credits.count) customer-months")
    print(String(format: "generate: %.3f s", generated))
    print(String(format: "parse:    %.3f s  (%.0f incidents/s)", parseTime, Double(count) / parseTime))
    print(String(format: "assess:   %.3f s  (%.0f incidents/s)", assessTime, Double(count) / assessTime))
    print(String(format: "json:     %.3f s  (%d MB, streamed)", renderTime, written / 1_000_000))
    print(
        String(
            format: "sla report: %.3f s, %.0f incidents/s, peak memory %.0f MB", total, Double(count) / total,
            peakMemoryMB()))
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "sla-log", arguments.count == 5, let count = Int(arguments[1]), let seed = UInt64(arguments[2]) {
    let (csv, _, fleet) = incidentLog(count, seed: seed)
    do {
        try csv.write(toFile: arguments[3], atomically: true, encoding: .utf8)
        try InventoryWriter.yaml(fleet).write(toFile: arguments[4], atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write: \(error)", 74)
    }
} else if arguments.first == "sla" {
    arguments.removeFirst()
    slaBenchmark(
        incidents: arguments.first.flatMap { Int($0) } ?? 1_000_000,
        seed: arguments.dropFirst().first.flatMap { UInt64($0) } ?? 42)
} else {
    planBenchmark(
        customers: arguments.first.flatMap { Int($0) } ?? 10_000,
        seed: arguments.dropFirst().first.flatMap { UInt64($0) } ?? 42)
}
