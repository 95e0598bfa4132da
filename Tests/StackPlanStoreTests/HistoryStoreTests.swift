import Foundation
import GRDB
import StackPlanCatalog
import StackPlanCore
import Testing

@testable import StackPlanStore

/// A fresh database file in a temporary directory per test.
struct TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("db/history.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

let catalogFiles = [
    SourceFile(
        path: "c/catalog.yaml", relativePath: "catalog.yaml",
        text: "version: 2026-Q3\ntitle: T\ndataAsOf: 2026-08-20\ncategories:\n  - id: c\n    name: C\n"),
    SourceFile(
        path: "c/kubernetes.yaml", relativePath: "kubernetes.yaml",
        text: "releases:\n  - releaseCycle: \"1.36\"\n    releaseDate: 2026-04-22\n    source: s\n"),
    SourceFile(
        path: "c/components/x.yaml", relativePath: "components/x.yaml",
        text:
            "id: x\nname: X\ncategory: c\ntier: catalog\nupstream: https://x\nhistory:\n  - {quarter: 2026-Q3, tier: catalog, note: n}\n"
    ),
]

func catalog(_ files: [SourceFile]) throws -> Catalog {
    try #require(CatalogLoader().load(files: files, asOf: CalendarDay(dayNumber: 20_700)).catalog)
}

@Suite("History store", .serialized)
struct HistoryStoreTests {
    let now = Instant(seconds: 1_790_000_000)

    @Test func publishIsIdempotentAndRefusesConflictsUnlessSuperseded() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try HistoryStore.open(path: database.path, create: true)
        let hash = HistoryStore.contentHash(catalogFiles)
        #expect(
            try store.publish(files: catalogFiles, catalog: catalog(catalogFiles), publishedAt: now, supersede: false)
                == .published(name: "2026-Q3", hash: hash))
        #expect(
            try store.publish(files: catalogFiles, catalog: catalog(catalogFiles), publishedAt: now, supersede: false)
                == .unchanged(name: "2026-Q3", hash: hash))
        var changed = catalogFiles
        changed[2] = SourceFile(
            path: "c/components/x.yaml", relativePath: "components/x.yaml",
            text: catalogFiles[2].text.replacingOccurrences(of: "name: X", with: "name: Ex"))
        let newHash = HistoryStore.contentHash(changed)
        #expect(throws: StoreError.conflictingEdition(name: "2026-Q3", existingHash: hash, newHash: newHash)) {
            try store.publish(files: changed, catalog: catalog(changed), publishedAt: now, supersede: false)
        }
        #expect(
            try store.publish(files: changed, catalog: catalog(changed), publishedAt: now, supersede: true)
                == .superseded(name: "2026-Q3", hash: newHash, previousHash: hash))
        let editions = try store.editions()
        #expect(editions.map(\.superseded) == [true, false])
        // The stored files reproduce the catalog exactly.
        #expect(try catalog(store.files(ofEdition: "2026-Q3")).component("x")?.name == "Ex")
        #expect(try store.check() == [])
        #expect(throws: StoreError.unknownEdition("2027-Q1")) { try store.files(ofEdition: "2027-Q1") }
    }

    @Test func snapshotsAndHistory() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try HistoryStore.open(path: database.path, create: true)
        let row = { (overdue: Int) in
            CustomerForecast(
                id: "acme", name: "Acme", qualified: true, clustersOutsideSLA: 1, overdue: overdue, atRisk: 2,
                dueWithinHorizon: 3, nextDue: nil, creditExposure: 250, extendedSupportSurcharge: 0, riskScore: 10,
                riskRank: 1)
        }
        for (day, overdue) in [(20_700, 1), (20_707, 3)] {
            try store.saveSnapshot(
                asOf: CalendarDay(dayNumber: day), takenAt: now, catalogVersion: try catalog(catalogFiles).version,
                inventoryText: "pods: []\n", rows: [row(overdue)])
        }
        let history = try store.history(customer: "acme")
        #expect(history.map(\.overdue) == [1, 3])
        #expect(try store.history(customer: "nobody").isEmpty)
        #expect(try store.snapshotCount() == 2)
        #expect(try store.check() == [])
    }

    @Test func checkFindsTampering() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try HistoryStore.open(path: database.path, create: true)
        _ = try store.publish(files: catalogFiles, catalog: catalog(catalogFiles), publishedAt: now, supersede: false)
        try store.writer.write { db in try db.execute(sql: "UPDATE editionFile SET content = content || '#'") }
        #expect(try store.check() == ["edition 2026-Q3 (#1): content does not match its hash"])
    }

    @Test func refusesADatabaseFromANewerStackPlan() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let store = try HistoryStore.open(path: database.path, create: true)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreError.newerSchema(path: database.path, unknown: ["v99-future"])) {
            try HistoryStore.open(path: database.path, create: true)
        }
    }

    @Test func migratesAnOlderDatabaseKeepingItsData() throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Given a database at the first migration, with an edition in it…
        do {
            let pool = try DatabasePool(path: database.path)
            try Migrations.migrator.migrate(pool, upTo: "v1-editions")
            try pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO edition (name, contentHash, publishedAt, dataAsOf) VALUES ('2026-Q2', 'h', 't', 'd')"
                )
            }
        }
        // …opening it applies the rest and keeps the edition.
        let store = try HistoryStore.open(path: database.path, create: true)
        #expect(try store.editions().map(\.name) == ["2026-Q2"])
        #expect(try store.snapshotCount() == 0)
    }

    @Test(arguments: ["not a database at all\n", String(repeating: "\u{0}", count: 5000)])
    func refusesFilesThatAreNotDatabases(_ content: String) throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try content.write(toFile: database.path, atomically: true, encoding: .utf8)
        #expect {
            try HistoryStore.open(path: database.path, create: true)
        } throws: { error in
            if case .notADatabase = error as? StoreError { return true }
            return false
        }
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
