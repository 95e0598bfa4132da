import ArgumentParser
import StackPlanReports

/// `stackplan qualify`: rule R4 per customer.
public struct Qualify: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qualify",
        abstract: "Whether each customer has a qualified environment (production and non-production), and why.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var output: FormatOption<ListingFormats>

    public init() {}

    public func run() throws {
        let day = asOf.day
        let loaded = try catalog.requireCatalog(asOf: day)
        output.emit(QualificationReport.make(try inventory.requireInventory(catalog: loaded), asOf: day))
    }
}
