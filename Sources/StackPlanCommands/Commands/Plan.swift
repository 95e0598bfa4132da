import ArgumentParser
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

/// The formats of `stackplan plan`: the listings and an iCalendar of due dates and windows.
public enum PlanFormats: FormatChoices {
    public static let formats = OutputFormat.listings + [.ics]
    public static let defaultFormat = OutputFormat.table
}

/// `stackplan plan`: every cluster's upgrade path, deadlines and schedule.
public struct Plan: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Upgrade paths, due dates and a schedule for every cluster of an inventory.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var edition: EditionOptions
    @Option(help: "Only this customer id.") public var customer: String?
    @OptionGroup public var output: FormatOption<PlanFormats>
    @OptionGroup public var projection: ProjectionOptions
    @Flag(help: "Compare in-place and side-by-side for every cluster behind its target.") public var compare = false
    @OptionGroup public var jobs: JobsOption

    public init() {}

    public func run() throws {
        let day = asOf.day
        let loaded = try edition.catalog(catalog, asOf: day)
        let parallelism = jobs.parallelism
        let fleet = try inventory.requireInventory(catalog: loaded, parallelism: parallelism)
        if let customer, !fleet.customers.contains(where: { $0.id == customer }) {
            throw ValidationError("unknown customer '\(customer)'")
        }
        let planned = projection.projected ? loaded.withProjections(through: projection.through(from: day)) : loaded
        let plan = UpgradePlanner(
            catalog: planned, asOf: day, zones: SystemTimeZone.zones(of: fleet), parallelism: parallelism
        ).plan(fleet, customer: customer, compare: compare)
        switch output.chosen {
        case .ics: Console.out(ICalendarRenderer().render(plan, customer: customer))
        default: output.emit(PlanReport.make(plan), parallelism: parallelism)
        }
        Console.keepUntilExit(loaded, fleet, planned, plan)
    }
}
