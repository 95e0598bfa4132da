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
    /// The database directory could not be created, or SQLite failed.
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
        case let .failure(message): message
        }
    }
}
