import ArgumentParser
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

/// The formats of `stackplan roadmap`: a document (Markdown or HTML) or the timeline alone (SVG).
public enum RoadmapFormats: FormatChoices {
    public static let formats: [OutputFormat] = [.markdown, .html, .svg]
    public static let defaultFormat = OutputFormat.markdown
}

/// `stackplan roadmap`: the architect's document for one customer.
public struct RoadmapCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "One customer's upgrade roadmap: environments, qualification, timeline, steps and blockers.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @Option(help: "The customer id.") public var customer: String
    @Option(help: "Months shown on the timeline (1–60).") public var horizon: Int = 12
    @OptionGroup public var output: FormatOption<RoadmapFormats>
    @Flag(
        inversion: .prefixedNo,
        help: "Include steps to minors projected from the past cadence, through the end of the horizon.")
    public var projected = true
    @Option(help: "customer (plain language, the default) or internal (rule codes and action names).")
    public var audience: Audience = .customer

    public init() {}

    public func validate() throws {
        guard (1...60).contains(horizon) else {
            throw ValidationError("--horizon takes 1 to 60 months, not \(horizon)")
        }
    }

    public func run() throws {
        let day = asOf.day
        let loaded = try catalog.requireCatalog(asOf: day)
        let fleet = try inventory.requireInventory(catalog: loaded)
        guard let found = fleet.customers.first(where: { $0.id == customer }) else {
            throw ValidationError("unknown customer '\(customer)'")
        }
        let planned = projected ? loaded.withProjections(through: day.adding(months: horizon)) : loaded
        let plan = UpgradePlanner(catalog: planned, asOf: day, zones: SystemTimeZone.zones(of: fleet)).plan(
            fleet, customer: customer, compare: true)
        let findings = ConformanceReview(catalog: loaded, asOf: day).review(fleet, customer: customer)
        let roadmap = Roadmap(customer: found, plan: plan, months: horizon, conformance: findings, catalog: loaded)
        switch output.chosen {
        case .html where audience == .customer: Console.out(CustomerRoadmap(roadmap).html())
        case .html: Console.out(RoadmapDocument().html(roadmap))
        case .svg: Console.out(RoadmapSVG().render(roadmap))
        default:
            Console.out(
                audience == .customer ? CustomerRoadmap(roadmap).markdown() : RoadmapDocument().markdown(roadmap))
        }
    }
}

extension RoadmapCommand {
    /// Who reads the roadmap.
    public enum Audience: String, CaseIterable, ExpressibleByArgument, Sendable {
        /// The customer: plain language, no rule codes.
        case customer
        /// The provider's architects: rule codes, action names, every section.
        case `internal`
    }
}
