import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports
import StackPlanStore

extension CatalogCommand {
    /// `stackplan catalog publish`: store the working copy as an immutable edition.
    public struct Publish: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Validate the catalog and store it as the edition named by catalog.yaml's version.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var database: DatabaseOptions
        @Flag(help: "Replace a different edition of the same name, keeping the old one as superseded.")
        public var supersede = false

        public init() {}

        public func run() throws {
            let now = Instant(seconds: Int(Date().timeIntervalSince1970))
            let files: [SourceFile]
            do {
                files = try CatalogDirectory.files(at: catalog.directory)
            } catch {
                throw CommandError(error)
            }
            let result = CatalogLoader().load(files: files, asOf: now.utcDay)
            Console.print(result.diagnostics.filter { $0.severity == .error })
            guard let loaded = result.catalog else { throw CommandError.dataError() }
            let store = try database.open(create: true)
            do {
                switch try store.publish(files: files, catalog: loaded, publishedAt: now, supersede: supersede) {
                case let .published(name, hash): Console.err("published edition \(name) (\(hash.prefix(12)))")
                case let .unchanged(name, hash):
                    Console.err("edition \(name) is already published (\(hash.prefix(12))); nothing to do")
                case let .superseded(name, hash, previous):
                    Console.err(
                        "published edition \(name) (\(hash.prefix(12))); the previous \(previous.prefix(12)) is superseded"
                    )
                }
            } catch {
                throw error.commandError
            }
        }
    }

    /// `stackplan catalog editions`.
    public struct Editions: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "editions",
            abstract: "The published editions with dates, hashes and component counts per tier.")

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var output: FormatOption<ListingFormats>

        public init() {}

        public func run() throws {
            let store = try database.open()
            let rows: [StoreReports.EditionRow]
            do {
                rows = try store.editions().map { edition throws(StoreError) in
                    var tiers: [Tier: Int] = [:]
                    let files = try store.files(of: edition)
                    if let catalog = CatalogLoader().load(
                        files: files, asOf: CalendarDay(edition.dataAsOf) ?? CalendarDay(dayNumber: 0)
                    ).catalog {
                        for component in catalog.components { tiers[component.tier, default: 0] += 1 }
                    }
                    return StoreReports.EditionRow(
                        name: edition.name, publishedAt: edition.publishedAt, dataAsOf: edition.dataAsOf,
                        contentHash: edition.contentHash, superseded: edition.superseded, tiers: tiers)
                }
            } catch {
                throw error.commandError
            }
            output.emit(StoreReports.editions(rows))
        }
    }

    /// The formats of `catalog diff`.
    public enum DiffFormats: FormatChoices {
        public static let formats: [OutputFormat] = [.table, .json, .markdown]
        public static let defaultFormat = OutputFormat.table
    }

    /// `stackplan catalog diff FROM TO`.
    public struct Diff: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two editions ('working' is the YAML on disk).")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The older edition, or 'working'.") public var from: String
        @Argument(help: "The newer edition, or 'working'.") public var to: String
        @OptionGroup public var output: FormatOption<DiffFormats>

        public init() {}

        public func run() throws {
            let today = AsOfOption.today()
            var store: HistoryStore?
            func load(_ name: String) throws -> Catalog {
                if name == "working" { return try catalog.requireCatalog(asOf: today) }
                let opened = try store ?? database.open()
                store = opened
                return try EditionOptions.load(edition: name, from: opened, asOf: today)
            }
            let diff = CatalogDiff(from: try load(from), to: try load(to))
            let report = StoreReports.diff(diff, from: from, to: to)
            output.emit(report)
        }
    }
}

/// `stackplan snapshot`: store an inventory and its forecast for a date.
public struct Snapshot: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Store the inventory and the forecast summary per customer for a date.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var inventory: InventoryOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var database: DatabaseOptions
    @Option(help: "The incident log (CSV) for credit exposure.") public var incidents: String?
    @Option(help: "Months ahead to count deadlines.") public var horizon: Int = 3

    public init() {}

    public func run() throws {
        let day = asOf.day
        let loaded = try catalog.requireCatalog(asOf: day)
        let (fleet, text) = try inventory.loadInventory(catalog: loaded)
        let forecast = try Forecast.portfolio(
            catalog: loaded, inventory: fleet, incidents: incidents, asOf: day, horizon: horizon)
        let store = try database.open(create: true)
        do {
            let saved = try store.saveSnapshot(
                asOf: day, takenAt: Instant(seconds: Int(Date().timeIntervalSince1970)), catalogVersion: loaded.version,
                inventoryText: text, rows: forecast.customers)
            if let replaced = saved.replaced {
                Console.err("replaced snapshot #\(replaced) for \(day): one snapshot per date")
            }
            Console.err("stored snapshot #\(saved.id) for \(day): \(forecast.customers.count) customers")
        } catch {
            throw error.commandError
        }
    }
}

/// The formats of `history`: the listings and an HTML page with sparklines.
public enum HistoryFormats: FormatChoices {
    public static let formats = OutputFormat.listings + [.html]
    public static let defaultFormat = OutputFormat.table
}

/// `stackplan history`: the trend over stored snapshots.
public struct History: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The trend of overdue, at-risk, outside-SLA and exposure figures over stored snapshots.")

    @OptionGroup public var database: DatabaseOptions
    @Option(help: "Only this customer.") public var customer: String?
    @OptionGroup public var output: FormatOption<HistoryFormats>

    public init() {}

    public func run() throws {
        let store = try database.open()
        let points: [HistoryPointValues]
        do {
            points = try store.history(customer: customer).map {
                HistoryPointValues(
                    customer: $0.customer, asOf: $0.asOf, overdue: $0.overdue, atRisk: $0.atRisk,
                    clustersOutsideSLA: $0.clustersOutsideSLA, creditExposure: $0.creditExposure,
                    riskScore: $0.riskScore)
            }
        } catch {
            throw error.commandError
        }
        if output.chosen == .html {
            Console.out(StoreReports.historyHTML(points))
        } else {
            output.emit(StoreReports.history(points))
        }
    }
}

/// `stackplan db …`.
public struct DatabaseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Maintain the history database.", subcommands: [Check.self])

    public init() {}

    /// `stackplan db check`.
    public struct Check: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "SQLite's integrity check and the store's own consistency checks; exit 65 on problems.")

        @OptionGroup public var database: DatabaseOptions

        public init() {}

        public func run() throws {
            let store = try database.open()
            let problems: [String]
            do {
                problems = try store.check()
            } catch {
                throw error.commandError
            }
            for problem in problems { Console.err("\(database.path): error: \(problem)") }
            Console.err("\(database.path): \(problems.isEmpty ? "ok" : "\(problems.count) problem(s)")")
            if !problems.isEmpty { throw CommandError.dataError() }
        }
    }
}
