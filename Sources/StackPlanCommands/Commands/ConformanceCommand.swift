import ArgumentParser
import StackPlanCore
import StackPlanReports

extension FindingLevel: ExpressibleByArgument {}

/// `stackplan conformance`: every cluster checked against the catalog and the agreed standard.
public struct ConformanceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Findings per cluster (required, recommended, info) with remedies; the customer's standard report.")

    /// The listings and the customer-facing HTML report.
    public enum Formats: FormatChoices {
        public static let formats = OutputFormat.listings + [.html]
        public static let defaultFormat = OutputFormat.table
    }

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var output: FormatOption<Formats>
    @Option(help: "Only this customer id.") public var customer: String?
    @Option(help: "Exit 1 when a finding at or above this level exists: required or recommended.")
    public var failOn: FindingLevel?

    public init() {}

    public func run() throws {
        let day = asOf.day
        let loaded = try catalog.requireCatalog(asOf: day)
        let fleet = try inventory.requireInventory(catalog: loaded)
        if let customer, !fleet.customers.contains(where: { $0.id == customer }) {
            throw ValidationError("unknown customer '\(customer)'")
        }
        let clusters = ConformanceReview(catalog: loaded, asOf: day).review(fleet, customer: customer)
        if output.chosen == .html {
            Console.out(ConformanceReport.html(clusters, asOf: day, catalogVersion: loaded.version))
        } else {
            output.emit(ConformanceReport.make(clusters, asOf: day, catalogVersion: loaded.version))
        }
        if let failOn, clusters.flatMap(\.findings).contains(where: { $0.level >= failOn }) {
            throw CommandError(status: 1, message: nil)
        }
    }
}
