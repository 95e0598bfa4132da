import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanStore

/// `--db PATH`, else `$STACKPLAN_DB`, else `./.stackplan/stackplan.sqlite`.
public struct DatabaseOptions: ParsableArguments {
    @Option(help: "The history database (default: $STACKPLAN_DB, else ./.stackplan/stackplan.sqlite).")
    public var db: String?

    public init() {}

    public var path: String {
        HistoryStore.defaultPath(option: db, environment: ProcessInfo.processInfo.environment)
    }

    public func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db takes a file path, not an empty string") }
    }

    /// Opens the store; only writers pass `create: true`. A missing database exits 66, a corrupt,
    /// foreign or newer one 65, with the reason.
    public func open(create: Bool = false) throws -> HistoryStore {
        do {
            return try HistoryStore.open(path: path, create: create)
        } catch {
            throw error.commandError
        }
    }
}

/// `--edition NAME [--db PATH]`: use a published catalog edition instead of the working copy.
public struct EditionOptions: ParsableArguments {
    @Option(help: "Use this published catalog edition (such as 2026-Q3) instead of the working copy.")
    public var edition: String?
    @OptionGroup public var database: DatabaseOptions

    public init() {}

    /// The edition's catalog when `--edition` is given, else the working copy from `catalog`.
    public func catalog(_ catalog: CatalogOptions, asOf: CalendarDay) throws -> Catalog {
        guard let edition else { return try catalog.requireCatalog(asOf: asOf) }
        return try Self.load(edition: edition, from: database.open(), asOf: asOf)
    }

    /// Loads and validates a published edition.
    static func load(edition: String, from store: HistoryStore, asOf: CalendarDay) throws -> Catalog {
        let files: [SourceFile]
        do {
            files = try store.files(ofEdition: edition)
        } catch {
            throw error.commandError
        }
        let result = CatalogLoader().load(files: files, asOf: asOf)
        Console.print(result.diagnostics.filter { $0.severity == .error })
        guard let catalog = result.catalog else { throw CommandError.dataError() }
        return catalog
    }
}

extension StoreError {
    /// The command failure for this error: 66 for a missing database, 64 for an unknown edition
    /// name, 74 for a write that failed (disk full, directory not writable), else 65 (the store's
    /// data is bad: foreign, corrupt, tampered, a wrong-typed value, a newer schema).
    var commandError: CommandError {
        switch self {
        case .missing: CommandError.noInput(description)
        case .unknownEdition: CommandError.usage(description)
        case .failure: CommandError(status: ExitStatus.ioError, message: description)
        default: CommandError.dataError(description)
        }
    }
}
