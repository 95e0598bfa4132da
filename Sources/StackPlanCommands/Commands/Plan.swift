import ArgumentParser
import StackPlanCore
import StackPlanReports

/// The formats of `stackplan plan`.
public enum PlanFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, json, csv, markdown, ics
}

/// `stackplan plan`: every cluster's upgrade path, deadlines and schedule.
public struct Plan: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "Upgrade paths, due dates and a schedule for every cluster of an inventory.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var edition: EditionOptions
    @Option(help: "Only this customer id.") public var customer: String?
    @Option(help: "Output format: table, json, csv, markdown or ics.") public var format: PlanFormat = .table

    public init() {}

    public func run() throws {
        let day = asOf.day
        let loaded = try edition.catalog(catalog, asOf: day)
        let fleet = try inventory.requireInventory(catalog: loaded)
        if let customer, !fleet.customers.contains(where: { $0.id == customer }) {
            throw ValidationError("unknown customer '\(customer)'")
        }
        let plan = UpgradePlanner(catalog: loaded, asOf: day).plan(fleet, customer: customer)
        switch format {
        case .ics: Console.out(ICalendarRenderer().render(plan))
        case .json:
            // About 1.3 kB of JSON per cluster: reserve it up front.
            Console.out(bytes: PlanReport.json(plan).serializedBytes(capacity: plan.clusters.count * 1400 + 4096))
        case .table, .csv, .markdown:
            let report = PlanReport.make(plan)
            let listing = ReportFormat(rawValue: format.rawValue) ?? .table
            Console.out(listing.render(report, color: Console.colorEnabled(fd: 1)))
        }
    }
}
