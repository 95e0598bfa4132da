import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension Quarter: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension ReviewDecision.Outcome: ExpressibleByArgument {}

/// `stackplan review …`: the quarterly catalog promotion review.
public struct ReviewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The quarterly catalog promotion review: board pack, decisions, and applying them.",
        subcommands: [Pack.self, Decide.self, Apply.self],
        defaultSubcommand: Pack.self
    )

    public init() {}

    /// The criteria of `review.yaml` in the catalog directory; exit 65 on errors.
    static func moves(_ catalog: CatalogOptions) throws -> [ReviewMove] {
        let path = catalog.directory + "/review.yaml"
        let text: String
        do {
            text = try readText(atPath: path)
        } catch .notAFile {
            throw CommandError.noInput("\(path) does not exist; it holds the review criteria")
        } catch {
            throw CommandError(error)
        }
        let (moves, diagnostics) = ReviewFiles.moves(SourceFile(path: path, relativePath: "review.yaml", text: text))
        Console.print(diagnostics)
        if diagnostics.hasErrors { throw CommandError.dataError() }
        return moves
    }

    static func decisionsPath(_ catalog: CatalogOptions, _ quarter: Quarter) -> String {
        catalog.directory + "/reviews/\(quarter).yaml"
    }
}

/// The formats of the board pack.
public enum ReviewFormats: FormatChoices {
    public static let formats: [OutputFormat] = [.markdown, .html, .json]
    public static let defaultFormat = OutputFormat.markdown
}

extension ReviewCommand {
    /// `stackplan review --quarter Q --inventory FILE`: the board pack.
    public struct Pack: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "pack", abstract: "Evaluate every component against the criteria of its possible moves.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var inventory: InventoryOptions
        @OptionGroup public var asOf: AsOfOption
        @Option(help: "The review quarter, such as 2026-Q4.") public var quarter: Quarter
        @OptionGroup public var output: FormatOption<ReviewFormats>

        public init() {}

        public func run() throws {
            let day = asOf.day
            let loaded = try catalog.requireCatalog(asOf: day)
            let fleet = try inventory.requireInventory(catalog: loaded)
            let plan = UpgradePlanner(catalog: loaded, asOf: day, zones: SystemTimeZone.zones(of: fleet)).plan(fleet)
            let reviews = ReviewEvaluator(
                catalog: loaded, inventory: fleet, plan: plan, quarter: quarter, moves: try ReviewCommand.moves(catalog)
            ).evaluate()
            let report = ReviewReport(quarter: quarter, asOf: day, catalog: loaded, reviews: reviews)
            switch output.chosen {
            case .html: Console.out(report.html())
            case .json: Console.out(report.json().serialized())
            default: Console.out(report.markdown())
            }
        }
    }
}
