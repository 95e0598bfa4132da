import Foundation
import GRDB
import StackPlanCatalog
import StackPlanCore
import Testing

@testable import StackPlanStore

/// A tampered, foreign or corrupt store ends in a named error, never a trap (issue 11).
@Suite("History store hardening", .serialized)
struct StoreHardeningTests {
    let now = Instant(seconds: 1_790_000_000)

    private func published() throws -> (TemporaryDatabase, HistoryStore) {
        let database = try TemporaryDatabase()
        let store = try HistoryStore.open(path: database.path, create: true)
        _ = try store.publish(files: catalogFiles, catalog: catalog(catalogFiles), publishedAt: now, supersede: false)
        let row = CustomerForecast(
            id: "acme", name: "Acme", qualified: true, clustersOutsideSLA: 1, overdue: 1, atRisk: 2,
            dueWithinHorizon: 3, nextDue: nil, creditExposure: 250, extendedSupportSurcharge: 0, riskScore: 10,
            riskRank: 1)
        try store.saveSnapshot(
            asOf: CalendarDay(dayNumber: 20_700), takenAt: now, catalogVersion: try catalog(catalogFiles).version,
            inventoryText: "pods: []\n", rows: [row])
        return (database, store)
    }

    @Test func aWrongTypedValueNamesItsTableAndColumn() throws {
        let (database, store) = try published()
        defer { database.remove() }
        try store.writer.write { db in try db.execute(sql: "UPDATE snapshotCustomer SET overdue = 'abc'") }
        #expect {
            try store.history()
        } throws: { error in
            guard case .badValue(let table, let column, _) = error as? StoreError else { return false }
            return table == "snapshotCustomer" && column == "overdue"
        }
        try store.writer.write { db in try db.execute(sql: "UPDATE edition SET superseded = 'maybe'") }
        #expect {
            try store.editions()
        } throws: { error in
            guard case .badValue(let table, let column, _) = error as? StoreError else { return false }
            return table == "edition" && column == "superseded"
        }
    }

    @Test func aBlobWhereTextBelongsIsABadValue() throws {
        let (database, store) = try published()
        defer { database.remove() }
        try store.writer.write { db in
            try db.execute(sql: "UPDATE editionFile SET content = x'FFFE00' WHERE path = 'catalog.yaml'")
        }
        #expect {
            try store.files(ofEdition: "2026-Q3")
        } throws: { error in
            guard case .badValue(let table, let column, _) = error as? StoreError else { return false }
            return table == "editionFile" && column == "content"
        }
    }

    @Test func aFlippedBitInAPublishedFileIsFound() throws {
        let (database, store) = try published()
        defer { database.remove() }
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE editionFile SET content = replace(content, 'name: X', 'name: Y') WHERE path = ?",
                arguments: ["components/x.yaml"])
        }
        #expect(throws: StoreError.tampered(edition: "2026-Q3", file: "components/x.yaml")) {
            try store.files(ofEdition: "2026-Q3")
        }
    }

    @Test func someoneElsesDatabaseIsRefusedUnchanged() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: database.path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('ada')")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: database.path))
        #expect(throws: StoreError.foreign(path: database.path)) {
            try HistoryStore.open(path: database.path, create: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == before)
        #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
    }

    @Test func aStoreIsMarkedAsStackPlans() throws {
        let (database, store) = try published()
        defer { database.remove() }
        #expect(try store.writer.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == 0x5350_4C4E)
        // Reopening a marked store works.
        #expect(try HistoryStore.open(path: database.path, create: false).editions().count == 1)
    }

    @Test func aFailedCreateLeavesNothingBehind() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        // The database path is a directory's child under a regular file: the folder cannot be made.
        let blocker = database.directory.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let path = blocker.appendingPathComponent("db.sqlite").path
        #expect {
            try HistoryStore.open(path: path, create: true)
        } throws: { error in
            if case .failure = error as? StoreError { return true }
            return false
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: database.directory.path) == ["file"])
    }
}
