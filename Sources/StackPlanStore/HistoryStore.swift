import Foundation
import GRDB
import StackPlanCatalog
import StackPlanCore

#if canImport(Glibc)
    import Glibc
#endif

/// The embedded SQLite history: published catalog editions and inventory snapshots.
///
/// WAL mode, foreign keys on, a busy timeout so concurrent writers wait instead of failing, and
/// every command's writes in one transaction: a killed process leaves the database as it was
/// before or with the whole new record.
public struct HistoryStore: Sendable {
    /// A WAL pool; a read-only queue when the store may only be read (a read-only file or folder).
    let writer: any DatabaseWriter
    public let path: String

    /// The database path: `--db`, else `$STACKPLAN_DB`, else `./.stackplan/stackplan.sqlite`.
    public static func defaultPath(option: String?, environment: [String: String]) -> String {
        if let option { return option }
        if let fromEnvironment = environment["STACKPLAN_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return ".stackplan/stackplan.sqlite"
    }

    /// The tables a StackPlan store may hold.
    static let ownTables: Set<String> = [
        "grdb_migrations", "sqlite_sequence", "edition", "editionFile", "snapshot", "snapshotCustomer",
    ]

    /// `PRAGMA application_id` of a StackPlan store ("SPLN").
    static let applicationID: Int32 = 0x5350_4C4E

    /// Opens and migrates the database at `path`. Only writers pass `create: true`; a reader on a
    /// path that does not exist gets `.missing` and nothing is created (no file, no directory).
    /// Another application's SQLite file is refused unchanged (`.foreign`). When creating fails,
    /// nothing is left behind.
    public static func open(path: String, create: Bool) throws(StoreError) -> HistoryStore {
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard create || existed else { throw .missing(path: path) }
        if existed, isDirectory.boolValue { throw .notADatabase(path: path, reason: "it is a directory, not a file") }
        if existed { try checkIdentity(path) }
        if create, existed, readLocation(path) != path {
            throw .failure("'\(path)' is read-only: it can be read, but this command writes to it")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var createdDirectory = false
        var parentIsDirectory: ObjCBool = false
        if create, !directory.isEmpty,
            FileManager.default.fileExists(atPath: directory, isDirectory: &parentIsDirectory),
            !parentIsDirectory.boolValue
        {
            throw .failure("cannot create the database: '\(directory)' is a file, not a directory")
        }
        if create, !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                createdDirectory = true
            } catch {
                throw .failure("cannot create '\(directory)': \(error.localizedDescription)")
            }
        }
        do {
            return try openPool(path: path, readOnlyFallback: !create)
        } catch {
            if !existed {
                // No stub: a failed create removes what it made.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                if createdDirectory { try? FileManager.default.removeItem(atPath: directory) }
            }
            throw error
        }
    }

    /// Refuses a non-empty SQLite file that is not a StackPlan store, reading it without changing it.
    private static func checkIdentity(_ path: String) throws(StoreError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: readLocation(path), configuration: configuration)
            defer { try? queue.close() }
            let (identity, tables) = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                )
            }
            // A store made before the identity was set, or one being created by another process
            // right now, holds only StackPlan's own tables (or none yet).
            guard identity == applicationID || (identity == 0 && tables.isSubset(of: ownTables)) else {
                throw StoreError.foreign(path: path)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .notADatabase(path: path, reason: reason(error))
        }
    }

    /// Opens the pool (WAL) and migrates. Two processes creating the same new store at once both
    /// succeed: a migration that lost the race is retried once the winner has committed.
    /// With `readOnlyFallback`, a file SQLite may not write (its folder or the file is read-only) is
    /// opened for reading instead.
    private static func openPool(path: String, readOnlyFallback: Bool) throws(StoreError) -> HistoryStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        var pool: DatabasePool?
        for attempt in 1...10 where pool == nil {
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
            } catch {
                // Switching a new file to WAL needs a moment alone: wait for another process's switch.
                guard attempt < 10, Self.isBusy(error) else {
                    if readOnlyFallback, Self.isReadOnly(error) { return try openReadOnly(path: path) }
                    throw .notADatabase(path: path, reason: Self.reason(error))
                }
                usleep(UInt32(10_000 * attempt))
            }
        }
        guard let pool else { throw .notADatabase(path: path, reason: "the database stayed locked") }
        let migrator = Migrations.migrator
        var attempt = 0
        while true {
            var applied: Set<String> = []
            do {
                applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                let unknown = applied.subtracting(migrator.migrations).sorted()
                guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknown: unknown) }
                // Every command checks the file's structure first, so a corrupt page is found
                // whatever part of the store the command would read.
                let problems = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
                guard problems == ["ok"] else {
                    throw StoreError.unreadable(
                        path: path, reason: "the file is damaged (\(problems.prefix(3).joined(separator: "; ")))")
                }
                try migrator.migrate(pool)
                return HistoryStore(writer: pool, path: path)
            } catch let error as StoreError {
                throw error
            } catch {
                // Another process migrating the same new store at the same moment: once it has
                // committed, more migrations are applied than we saw; start again from there.
                attempt += 1
                let now = (try? pool.read { db in try migrator.appliedIdentifiers(db) }) ?? applied
                if attempt < 10, now != applied || Self.isBusy(error) {
                    usleep(UInt32(10_000 * attempt))
                    continue
                }
                if readOnlyFallback, Self.isReadOnly(error) { return try openReadOnly(path: path) }
                throw .notADatabase(path: path, reason: Self.reason(error))
            }
        }
    }

    /// Where to read `path` from: the path itself, or, when the file or its folder may not be
    /// written (so SQLite cannot make the WAL's shared-memory file), an immutable URI that reads it
    /// without locks. Nobody can change such a file under us.
    static func readLocation(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        guard access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0 else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for scalar in absolute.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case "?": encoded += "%3F"
            case "#": encoded += "%23"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    /// Whether SQLite failed only because the file or its folder may not be written (it cannot make
    /// the WAL files, or may not change the file).
    private static func isReadOnly(_ error: any Error) -> Bool {
        guard let database = error as? DatabaseError else { return false }
        return [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(database.resultCode.primaryResultCode)
    }

    /// A store that may only be read: read commands work, writes fail with a clear message.
    private static func openReadOnly(path: String) throws(StoreError) -> HistoryStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: readLocation(path), configuration: configuration)
            let migrator = Migrations.migrator
            let (applied, problems) = try queue.read { db in
                (try migrator.appliedIdentifiers(db), try String.fetchAll(db, sql: "PRAGMA quick_check"))
            }
            guard problems == ["ok"] else {
                throw StoreError.unreadable(
                    path: path, reason: "the file is damaged (\(problems.prefix(3).joined(separator: "; ")))")
            }
            let unknown = applied.subtracting(migrator.migrations).sorted()
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknown: unknown) }
            guard applied == Set(migrator.migrations) else {
                throw StoreError.failure(
                    "'\(path)' is read-only and needs migrating: open it once where it can be written")
            }
            return HistoryStore(writer: queue, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .notADatabase(path: path, reason: Self.reason(error))
        }
    }

    private static func isBusy(_ error: any Error) -> Bool {
        guard let database = error as? DatabaseError else { return false }
        return database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED
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
            throw .unreadable(path: path, reason: Self.reason(error))
        }
    }

    /// A stored value, converted with a throwing API: a wrong type names the table and column.
    static func value<T: DatabaseValueConvertible>(_ row: Row, _ table: String, _ column: String) throws -> T {
        do {
            return try row.decode(T.self, forColumn: column)
        } catch {
            let stored: DatabaseValue = row[column]
            throw StoreError.badValue(
                table: table, column: column, reason: "cannot read \(stored.description) as \(T.self)")
        }
    }
}
