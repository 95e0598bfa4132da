import GRDB

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
        return migrator
    }
}
