import ArgumentParser
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

/// `stackplan catalog …`: validate, list and show the stack catalog.
public struct CatalogCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Validate, list and show the stack catalog.",
        subcommands: [Validate.self, List.self, Show.self, Refresh.self, Publish.self, Editions.self, Diff.self]
    )

    public init() {}
}

extension CatalogCommand {
    /// `stackplan catalog validate`.
    public struct Validate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check every catalog file; print each problem as path:line:column; exit 65 on errors.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption

        public init() {}

        public func run() throws {
            let result = try catalog.load(asOf: asOf.day, printWarnings: true)
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.count - errors
            Console.err("\(catalog.directory): \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 { throw CommandError.dataError() }
        }
    }

    /// `stackplan catalog list`.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The stack table: category, name, tier, newest cycle and its end of life.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @OptionGroup public var output: FormatOption<ListingFormats>
        @Option(help: "Only this tier: infrastructure, certified or catalog.") public var tier: Tier?
        @Option(help: "Only this category id.") public var category: String?

        public init() {}

        public func run() throws {
            let loaded = try catalog.requireCatalog(asOf: asOf.day)
            if let category, loaded.category(category) == nil {
                let known = loaded.categories.map(\.id).joined(separator: ", ")
                throw ValidationError("unknown category '\(category)'; known: \(known)")
            }
            output.emit(CatalogReports.list(loaded, tier: tier, category: category))
        }
    }

    /// `stackplan catalog show ID`.
    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One component: tier history, releases and Kubernetes ranges.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @OptionGroup public var output: FormatOption<ListingFormats>
        @Argument(help: "The component id.") public var id: String

        public init() {}

        public func run() throws {
            let loaded = try catalog.requireCatalog(asOf: asOf.day)
            guard let component = loaded.component(id) else {
                throw ValidationError("unknown component '\(id)'; see 'stackplan catalog list'")
            }
            output.emit(CatalogReports.show(component, in: loaded))
        }
    }
}
