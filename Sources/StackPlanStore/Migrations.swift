import GRDB
import StackPlanCore

/// The store's schema. Migrations are named and never edited once shipped; add new ones at the end.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-editions") { db in
            try db.create(table: "edition") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("contentHash", .text).notNull()
                t.column("publishedAt", .text).notNull()
                t.column("dataAsOf", .text).notNull()
                t.column("superseded", .boolean).notNull().defaults(to: false)
            }
            // One current edition per name; superseded ones are kept.
            try db.execute(sql: "CREATE UNIQUE INDEX editionCurrentName ON edition(name) WHERE superseded = 0")
            try db.create(table: "editionFile") { t in
                t.column("editionId", .integer).notNull().references("edition", onDelete: .cascade)
                t.column("path", .text).notNull()
                t.column("content", .text).notNull()
                t.primaryKey(["editionId", "path"])
            }
        }
        migrator.registerMigration("v2-snapshots") { db in
            try db.create(table: "snapshot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("asOf", .text).notNull()
                t.column("takenAt", .text).notNull()
                t.column("catalogVersion", .text).notNull()
                t.column("inventoryHash", .text).notNull()
                t.column("inventory", .text).notNull()
                t.column("customerCount", .integer).notNull()
            }
            try db.create(table: "snapshotCustomer") { t in
                t.column("snapshotId", .integer).notNull().references("snapshot", onDelete: .cascade)
                t.column("customer", .text).notNull()
                t.column("qualified", .boolean).notNull()
                t.column("clustersOutsideSla", .integer).notNull()
                t.column("overdue", .integer).notNull()
                t.column("atRisk", .integer).notNull()
                t.column("dueWithinHorizon", .integer).notNull()
                t.column("creditExposure", .double).notNull()
                t.column("riskScore", .double).notNull()
                t.primaryKey(["snapshotId", "customer"])
            }
        }
        migrator.registerMigration("v3-identity-and-file-hashes") { db in
            // Marks the file as a StackPlan store, so other SQLite files are recognised and refused.
            try db.execute(sql: "PRAGMA application_id = \(HistoryStore.applicationID)")
            try db.alter(table: "editionFile") { t in t.add(column: "contentHash", .text) }
            for row in try Row.fetchAll(db, sql: "SELECT rowid, content FROM editionFile") {
                let content: String = try row.decode(forColumn: "content")
                try db.execute(
                    sql: "UPDATE editionFile SET contentHash = ? WHERE rowid = ?",
                    arguments: [SHA256.hex(content.utf8), try row.decode(Int64.self, forColumn: "rowid")])
            }
        }
        return migrator
    }
}
