import GRDB
import StackPlanCatalog
import StackPlanCore

/// A published catalog edition.
public struct Edition: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let contentHash: String
    public let publishedAt: String
    public let dataAsOf: String
    public let superseded: Bool
}

/// What `publish` did.
public enum PublishOutcome: Equatable, Sendable {
    case published(name: String, hash: String)
    /// The same content was already published under that name: nothing written.
    case unchanged(name: String, hash: String)
    /// Different content replaced the current edition of that name; the old one is kept, superseded.
    case superseded(name: String, hash: String, previousHash: String)
}

extension HistoryStore {
    /// The content hash of a catalog's files: SHA-256 over each file's relative path, length and text,
    /// in path order.
    public static func contentHash(_ files: [SourceFile]) -> String {
        var bytes: [UInt8] = []
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            bytes += Array(file.relativePath.utf8) + [0x0A] + Array(String(file.text.utf8.count).utf8) + [0x0A]
            bytes += Array(file.text.utf8)
        }
        return SHA256.hex(bytes)
    }

    /// Stores `files` (a valid catalog) as the immutable edition `catalog.version`.
    public func publish(files: [SourceFile], catalog: Catalog, publishedAt: Instant, supersede: Bool)
        throws(StoreError) -> PublishOutcome
    {
        let name = catalog.version.description
        let hash = Self.contentHash(files)
        return try write { db -> PublishOutcome in
            let current = try Row.fetchOne(
                db, sql: "SELECT id, contentHash FROM edition WHERE name = ? AND superseded = 0", arguments: [name])
            var previous: String?
            if let current {
                let existing: String = try Self.value(current, "edition", "contentHash")
                if existing == hash { return .unchanged(name: name, hash: hash) }
                guard supersede else {
                    throw StoreError.conflictingEdition(name: name, existingHash: existing, newHash: hash)
                }
                let id: Int64 = try Self.value(current, "edition", "id")
                try db.execute(sql: "UPDATE edition SET superseded = 1 WHERE id = ?", arguments: [id])
                previous = existing
            }
            try db.execute(
                sql: "INSERT INTO edition (name, contentHash, publishedAt, dataAsOf) VALUES (?, ?, ?, ?)",
                arguments: [name, hash, publishedAt.isoUTC, catalog.dataAsOf.description])
            let id = db.lastInsertedRowID
            for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
                try db.execute(
                    sql: "INSERT INTO editionFile (editionId, path, content, contentHash) VALUES (?, ?, ?, ?)",
                    arguments: [id, file.relativePath, file.text, SHA256.hex(file.text.utf8)])
            }
            if let previous { return .superseded(name: name, hash: hash, previousHash: previous) }
            return .published(name: name, hash: hash)
        }
    }

    /// Every edition, oldest first.
    public func editions() throws(StoreError) -> [Edition] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM edition ORDER BY id").map(Self.edition)
        }
    }

    private static func edition(_ row: Row) throws -> Edition {
        Edition(
            id: try value(row, "edition", "id"), name: try value(row, "edition", "name"),
            contentHash: try value(row, "edition", "contentHash"),
            publishedAt: try value(row, "edition", "publishedAt"),
            dataAsOf: try value(row, "edition", "dataAsOf"), superseded: try value(row, "edition", "superseded"))
    }

    /// The files of the current edition `name`, with paths prefixed `edition:NAME/` for diagnostics.
    public func files(ofEdition name: String) throws(StoreError) -> [SourceFile] {
        let edition = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM edition WHERE name = ? AND superseded = 0", arguments: [name])
                .map(Self.edition)
        }
        guard let edition else { throw StoreError.unknownEdition(name) }
        return try files(of: edition)
    }

    /// The files of `edition` (current or superseded), each checked against the hash stored when it
    /// was published, and all of them against the edition's hash: a changed byte is `.tampered`.
    public func files(of edition: Edition) throws(StoreError) -> [SourceFile] {
        let files = try read { db in
            try Row.fetchAll(
                db, sql: "SELECT path, content, contentHash FROM editionFile WHERE editionId = ? ORDER BY path",
                arguments: [edition.id]
            ).map { row -> SourceFile in
                let path: String = try Self.value(row, "editionFile", "path")
                let content: String = try Self.value(row, "editionFile", "content")
                let hash: String? = try Self.value(row, "editionFile", "contentHash")
                if let hash, hash != SHA256.hex(content.utf8) {
                    throw StoreError.tampered(edition: edition.name, file: path)
                }
                return SourceFile(path: "edition:\(edition.name)/\(path)", relativePath: path, text: content)
            }
        }
        guard Self.contentHash(files) == edition.contentHash else {
            throw StoreError.tampered(edition: edition.name, file: nil)
        }
        return files
    }
}
