import Foundation
import StackPlanCore

/// The inputs as the server sees them: the last valid generation and, when the newest edit is
/// invalid, its diagnostics. Checked on every request by modification time and size.
actor Workspace {
    let configuration: ServerConfiguration
    /// Where generations keep their private copy of the inputs (removed on shutdown).
    let directory: String
    private(set) var current: InputGeneration
    /// Diagnostics of the newest edit when it is invalid; empty when the files on disk are what is served.
    private(set) var problems: [String] = []
    private var signature: InputSignature
    private var copies: [String]

    /// Reads the inputs; throws their diagnostics when they are not valid at start.
    init(_ configuration: ServerConfiguration) async throws(InputProblems) {
        let directory =
            NSTemporaryDirectory() + "stackplan-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID())"
        let signature = InputSignature(configuration)
        let first: InputGeneration
        do {
            first = try await offload { () throws(InputProblems) in
                try InputReader.read(configuration, number: 1, into: directory)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        self.configuration = configuration
        self.directory = directory
        self.signature = signature
        self.current = first
        self.copies = [first.copy]
    }

    /// The generation to serve now and the diagnostics to show: re-reads the inputs when any
    /// changed; an invalid edit keeps the last valid generation.
    nonisolated func refresh() async -> (InputGeneration, [String]) {
        // The stat calls run outside the actor: concurrent requests do not queue behind them.
        await update(to: InputSignature(configuration))
    }

    private func update(to now: InputSignature) async -> (InputGeneration, [String]) {
        if now != signature {
            signature = now
            let number = current.number + 1
            let configuration = configuration
            let directory = directory
            do {
                let next = try await offload { () throws(InputProblems) in
                    try InputReader.read(configuration, number: number, into: directory)
                }
                current = next
                problems = []
                // Requests still running on the previous copy finish first: keep one generation back.
                copies.append(next.copy)
                while copies.count > 2 { try? FileManager.default.removeItem(atPath: copies.removeFirst()) }
            } catch {
                problems = error.lines.isEmpty ? ["the inputs changed and could not be read"] : error.lines
                // A failed read may have left a partial copy: the next one starts afresh.
                try? FileManager.default.removeItem(atPath: directory + "/\(number)")
                current = current.renumbered(number)
            }
        }
        return (current, problems)
    }

    /// Removes the private copies.
    func removeCopies() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

extension InputGeneration {
    /// The same data under a new number (caches keyed on the old one stay apart), still read from its copy.
    func renumbered(_ number: Int) -> InputGeneration {
        InputGeneration(number: number, catalog: catalog, inventory: inventory, incidents: incidents, copy: copy)
    }
}

/// Runs `work` on a thread of its own so long computations do not hold the server's event loops.
func offload<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(returning: Result { () throws(E) -> T in try work() })
        }
    }
    return try result.get()
}
