import GRDB
import StackPlanCatalog
import StackPlanCore

/// One customer's figures in one snapshot.
public struct HistoryPoint: Hashable, Sendable {
    public let snapshot: Int64
    public let asOf: String
    public let customer: String
    public let qualified: Bool
    public let clustersOutsideSLA: Int
    public let overdue: Int
    public let atRisk: Int
    public let dueWithinHorizon: Int
    public let creditExposure: Double
    public let riskScore: Double
}

/// What `saveSnapshot` did.
public struct SavedSnapshot: Hashable, Sendable {
    /// The new snapshot's id.
    public let id: Int64
    /// The id of the snapshot for the same date that it replaced, if there was one.
    public let replaced: Int64?
}

extension HistoryStore {
    /// Stores an inventory and its forecast rows for a date, all in one transaction. A snapshot
    /// already stored for the same date is replaced in that transaction: one point per date.
    @discardableResult
    public func saveSnapshot(
        asOf: CalendarDay, takenAt: Instant, catalogVersion: Quarter, inventoryText: String,
        rows: [CustomerForecast]
    ) throws(StoreError) -> SavedSnapshot {
        try write { db in
            let previous = try Int64.fetchOne(
                db, sql: "SELECT id FROM snapshot WHERE asOf = ? ORDER BY id DESC LIMIT 1",
                arguments: [asOf.description])
            try db.execute(
                sql: "DELETE FROM snapshotCustomer WHERE snapshotId IN (SELECT id FROM snapshot WHERE asOf = ?)",
                arguments: [asOf.description])
            try db.execute(sql: "DELETE FROM snapshot WHERE asOf = ?", arguments: [asOf.description])
            try db.execute(
                sql: """
                    INSERT INTO snapshot (asOf, takenAt, catalogVersion, inventoryHash, inventory, customerCount)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    asOf.description, takenAt.isoUTC, catalogVersion.description, SHA256.hex(inventoryText.utf8),
                    inventoryText, rows.count,
                ])
            let id = db.lastInsertedRowID
            for row in rows {
                try db.execute(
                    sql: """
                        INSERT INTO snapshotCustomer (snapshotId, customer, qualified, clustersOutsideSla, overdue,
                            atRisk, dueWithinHorizon, creditExposure, riskScore) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, row.id, row.qualified, row.clustersOutsideSLA, row.overdue, row.atRisk,
                        row.dueWithinHorizon, row.creditExposure, row.riskScore,
                    ])
            }
            return SavedSnapshot(id: id, replaced: previous)
        }
    }

    /// Every stored figure, by customer then snapshot date (and order of taking).
    public func history(customer: String? = nil) throws(StoreError) -> [HistoryPoint] {
        try read { db in
            var sql = """
                SELECT snapshot.id AS snapshot, snapshot.asOf, snapshotCustomer.* FROM snapshotCustomer
                JOIN snapshot ON snapshot.id = snapshotCustomer.snapshotId
                """
            var arguments: StatementArguments = []
            if let customer {
                sql += " WHERE snapshotCustomer.customer = ?"
                arguments = [customer]
            }
            sql += " ORDER BY snapshotCustomer.customer, snapshot.asOf, snapshot.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                func value<T: DatabaseValueConvertible>(_ column: String, _ table: String = "snapshotCustomer") throws
                    -> T
                {
                    try Self.value(row, table, column)
                }
                return HistoryPoint(
                    snapshot: try value("snapshot", "snapshot"), asOf: try value("asOf", "snapshot"),
                    customer: try value("customer"), qualified: try value("qualified"),
                    clustersOutsideSLA: try value("clustersOutsideSla"), overdue: try value("overdue"),
                    atRisk: try value("atRisk"), dueWithinHorizon: try value("dueWithinHorizon"),
                    creditExposure: try value("creditExposure"), riskScore: try value("riskScore"))
            }
        }
    }

    /// The inventory text stored by the snapshot for `asOf`, if there is one.
    public func inventoryText(ofSnapshotOn asOf: CalendarDay) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT inventory FROM snapshot WHERE asOf = ? ORDER BY id DESC LIMIT 1",
                arguments: [asOf.description])
        }
    }

    /// The number of stored snapshots.
    public func snapshotCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") ?? 0 }
    }

    /// SQLite's integrity and foreign-key checks, then the store's own: every edition has files whose
    /// hash is the stored one; every snapshot has its customers and the hash of its inventory.
    /// Returns the problems found (none when healthy).
    public func check() throws(StoreError) -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = try Self.value(row, "foreign_key_check", "table")
                problems.append("foreign key: a row of \(table) refers to a missing row")
            }
            for edition in try Row.fetchAll(db, sql: "SELECT id, name, contentHash FROM edition") {
                let id: Int64 = try Self.value(edition, "edition", "id")
                let name: String = try Self.value(edition, "edition", "name")
                let files = try Row.fetchAll(
                    db, sql: "SELECT path, content FROM editionFile WHERE editionId = ?", arguments: [id]
                ).map { row -> SourceFile in
                    let path: String = try Self.value(row, "editionFile", "path")
                    return SourceFile(
                        path: path, relativePath: path, text: try Self.value(row, "editionFile", "content"))
                }
                if files.isEmpty { problems.append("edition \(name) (#\(id)) has no files") }
                let stored: String = try Self.value(edition, "edition", "contentHash")
                if Self.contentHash(files) != stored {
                    problems.append("edition \(name) (#\(id)): content does not match its hash")
                }
            }
            for snapshot in try Row.fetchAll(
                db, sql: "SELECT id, inventory, inventoryHash, customerCount FROM snapshot")
            {
                let id: Int64 = try Self.value(snapshot, "snapshot", "id")
                let inventory: String = try Self.value(snapshot, "snapshot", "inventory")
                let hash: String = try Self.value(snapshot, "snapshot", "inventoryHash")
                if SHA256.hex(inventory.utf8) != hash {
                    problems.append("snapshot #\(id): inventory does not match its hash")
                }
                let expected: Int = try Self.value(snapshot, "snapshot", "customerCount")
                let stored =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM snapshotCustomer WHERE snapshotId = ?", arguments: [id]) ?? 0
                if stored != expected { problems.append("snapshot #\(id): \(stored) of \(expected) customers stored") }
            }
            return problems
        }
    }
}
