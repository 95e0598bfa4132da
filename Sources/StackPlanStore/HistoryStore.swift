import Foundation
import GRDB
import StackPlanCatalog
import StackPlanCore

/// The embedded SQLite history: published catalog editions and inventory snapshots.
///
/// WAL mode, foreign keys on, a busy timeout so concurrent writers wait instead of failing, and
/// every command's writes in one transaction: a killed process leaves the database as it was
/// before or with the whole new record.
public struct HistoryStore: Sendable {
    let writer: DatabasePool
    public let path: String

    /// The database path: `--db`, else `$STACKPLAN_DB`, else `./.stackplan/stackplan.sqlite`.
    public static func defaultPath(option: String?, environment: [String: String]) -> String {
        if let option { return option }
        if let fromEnvironment = environment["STACKPLAN_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return ".stackplan/stackplan.sqlite"
    }

    /// Opens and migrates the database at `path`. Only writers pass `create: true`; a reader on a
    /// path that does not exist gets `.missing` and nothing is created (no file, no directory).
    public static func open(path: String, create: Bool) throws(StoreError) -> HistoryStore {
        guard create || FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if create, !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .failure("cannot create '\(directory)': \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .notADatabase(path: path, reason: Self.reason(error))
        }
        let migrator = Migrations.migrator
        do {
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknown: unknown) }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .notADatabase(path: path, reason: Self.reason(error))
        }
        return HistoryStore(writer: pool, path: path)
    }

    static func reason(_ error: any Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? database.description }
        return String(describing: error)
    }

    /// Runs `body` in one write transaction, mapping SQLite errors.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failure("database write failed: \(Self.reason(error))")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failure("database read failed: \(Self.reason(error))")
        }
    }
}
