import StackPlanCore

/// What `stackplan serve` was started with.
public struct ServerConfiguration: Sendable {
    /// The catalog directory (the working copy; review decisions are appended here).
    public var catalogDirectory: String
    /// The inventory YAML file.
    public var inventoryPath: String
    /// The incident log (CSV), when credits are to be shown.
    public var incidentsPath: String?
    /// The history database (editions and trend); it is only read, and may not exist.
    public var databasePath: String
    /// The bearer token that allows writes; `nil` serves read-only.
    public var token: String?
    /// Today's date, the default of every `asOf`.
    public var today: @Sendable () -> CalendarDay

    public init(
        catalogDirectory: String, inventoryPath: String, incidentsPath: String?, databasePath: String,
        token: String?, today: @escaping @Sendable () -> CalendarDay
    ) {
        self.catalogDirectory = catalogDirectory
        self.inventoryPath = inventoryPath
        self.incidentsPath = incidentsPath
        self.databasePath = databasePath
        self.token = token
        self.today = today
    }
}

/// What a command run in-process printed and the status it exited with.
public struct CommandOutcome: Sendable {
    public let status: Int32
    public let standardOutput: [UInt8]
    public let standardError: String

    public init(status: Int32, standardOutput: [UInt8], standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// The first `error:` line of standard error without its prefix, else its first line.
    public var message: String {
        let lines = standardError.split(separator: "\n").map(String.init)
        // Ours print `error: …`; ArgumentParser's usage errors `Error: …` followed by the usage.
        if let line = lines.first(where: { $0.hasPrefix("error: ") || $0.hasPrefix("Error: ") }) {
            return String(line.dropFirst(7))
        }
        if let line = lines.first(where: { $0.contains(": error: ") }) { return line }
        return lines.first ?? "the command failed (exit \(status))"
    }
}

/// Runs `stackplan` arguments in-process (the command tree lives above this module): how the API
/// returns exactly the JSON of the matching command.
public typealias CommandRunner = @Sendable ([String]) -> CommandOutcome
