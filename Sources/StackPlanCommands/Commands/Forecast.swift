import ArgumentParser
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

/// The formats of `stackplan forecast`: the listings and an HTML page with a chart.
public enum ForecastFormats: FormatChoices {
    public static let formats = OutputFormat.listings + [.html]
    public static let defaultFormat = OutputFormat.table
}

/// `stackplan forecast`: the engagement manager's portfolio view.
public struct Forecast: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract:
            "Per customer: qualification, SLA coverage, upgrade deadlines, credit exposure, surcharge and risk rank.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var edition: EditionOptions
    @Option(help: "The incident log (CSV) for credit exposure.") public var incidents: String?
    @Option(help: "Months ahead to count deadlines (1–36).") public var horizon: Int = 3
    @OptionGroup public var output: FormatOption<ForecastFormats>

    public init() {}

    public func validate() throws {
        guard (1...36).contains(horizon) else {
            throw ValidationError("--horizon takes 1 to 36 months, not \(horizon)")
        }
    }

    public func run() throws {
        let day = asOf.day
        let loaded = try edition.catalog(catalog, asOf: day)
        let fleet = try inventory.requireInventory(catalog: loaded)
        let forecast = try Self.portfolio(
            catalog: loaded, inventory: fleet, incidents: incidents, asOf: day, horizon: horizon)
        if output.chosen == .html {
            Console.out(ForecastReport.html(forecast))
        } else {
            output.emit(ForecastReport.make(forecast))
        }
    }

    /// Plans `inventory`, reads the incident log when given (exit 65 on bad rows) and combines both.
    static func portfolio(
        catalog: Catalog, inventory: Inventory, incidents: String?, asOf day: CalendarDay, horizon: Int
    )
        throws -> PortfolioForecast
    {
        let plan = UpgradePlanner(catalog: catalog, asOf: day, zones: SystemTimeZone.zones(of: inventory)).plan(
            inventory)
        let log = try incidents.map { try requireIncidents(at: $0, customers: inventory.customers) }
        return PortfolioAnalysis(
            catalog: catalog, inventory: inventory, plan: plan, incidents: log, horizonMonths: horizon
        )
        .forecast
    }
}
