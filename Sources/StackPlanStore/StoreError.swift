/// Why the history store refused or failed.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file is not a StackPlan database (not SQLite, or corrupt).
    case notADatabase(path: String, reason: String)
    /// The database was written by a newer StackPlan with migrations this binary does not know.
    case newerSchema(path: String, unknown: [String])
    /// A different catalog was already published under this edition name.
    case conflictingEdition(name: String, existingHash: String, newHash: String)
    /// No published edition has this name.
    case unknownEdition(String)
    /// A read was asked of a database that does not exist (only writers create one).
    case missing(path: String)
    /// A SQLite database that is not a StackPlan store (someone else's file): left untouched.
    case foreign(path: String)
    /// A stored value of the wrong type or shape.
    case badValue(table: String, column: String, reason: String)
    /// A stored edition file whose content no longer matches the hash stored when it was published.
    case tampered(edition: String, file: String?)
    /// The database could not be read (a corrupt page, an I/O error).
    case unreadable(path: String, reason: String)
    /// A write failed (the directory could not be created, the disk is full, SQLite failed).
    case failure(String)

    public var description: String {
        switch self {
        case let .notADatabase(path, reason): "'\(path)' is not a usable StackPlan database: \(reason)"
        case let .newerSchema(path, unknown):
            "'\(path)' was written by a newer StackPlan (unknown migrations: \(unknown.joined(separator: ", "))); "
                + "upgrade stackplan to use it"
        case let .conflictingEdition(name, existing, new):
            "edition \(name) is already published with different content (stored \(existing.prefix(12)), "
                + "working copy \(new.prefix(12))); bump catalog.yaml's version or publish with --supersede"
        case let .unknownEdition(name): "no published edition named '\(name)'; see 'stackplan catalog editions'"
        case let .missing(path):
            "no history database at '\(path)'; 'stackplan catalog publish' or 'stackplan snapshot' creates one"
        case let .foreign(path):
            "'\(path)' is a SQLite database but not a StackPlan history store; it was left unchanged "
                + "(give --db a new path or a StackPlan store)"
        case let .badValue(table, column, reason):
            "the history store holds a bad value in \(table).\(column): \(reason); run 'stackplan db check'"
        case let .tampered(edition, file):
            "edition \(edition)"
                + (file.map { " file '\($0)'" } ?? "")
                + " does not match the hash stored when it was published: the store was changed outside StackPlan"
        case let .unreadable(path, reason): "cannot read the history store '\(path)': \(reason)"
        case let .failure(message): message
        }
    }
}
