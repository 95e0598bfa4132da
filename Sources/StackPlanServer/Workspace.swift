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
    /// How many running requests use each copy.
    private var users: [String: Int] = [:]
    /// Copies of past generations still in use.
    private var retired: Set<String> = []
    /// The number of the newest read started.
    private var lastNumber = 1

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
    }

    /// The generation to serve now and the diagnostics to show: re-reads the inputs when any
    /// changed; an invalid edit keeps the last valid generation.
    nonisolated func refresh() async -> (InputGeneration, [String]) {
        // The stat calls run outside the actor: concurrent requests do not queue behind them.
        await update(to: InputSignature(configuration))
    }

    /// ``refresh()`` for a request that may read the generation's copy: the copy stays on disk
    /// until the request calls ``release(_:)``, however many edits happen meanwhile.
    nonisolated func acquire() async -> (InputGeneration, [String]) {
        let signature = InputSignature(configuration)
        return await use(update(to: signature))
    }

    private func use(_ answer: (InputGeneration, [String])) -> (InputGeneration, [String]) {
        users[answer.0.copy, default: 0] += 1
        return answer
    }

    /// Ends a request's use of `generation`'s copy; a retired copy goes with its last user.
    func release(_ generation: InputGeneration) {
        let copy = generation.copy
        let remaining = (users[copy] ?? 1) - 1
        users[copy] = remaining > 0 ? remaining : nil
        if remaining <= 0, retired.contains(copy) {
            retired.remove(copy)
            try? FileManager.default.removeItem(atPath: copy)
        }
    }

    /// Removes `copy` now when no request uses it, else when its last user releases it.
    private func retire(_ copy: String) {
        if users[copy] == nil {
            try? FileManager.default.removeItem(atPath: copy)
        } else {
            retired.insert(copy)
        }
    }

    private func update(to now: InputSignature) async -> (InputGeneration, [String]) {
        guard now != signature else { return (current, problems) }
        signature = now
        // Numbers are handed out before the read: a second change during a read gets its own
        // number and its own copy, and whichever read is newest wins.
        lastNumber += 1
        let number = lastNumber
        let configuration = configuration
        let directory = directory
        let result = await offload { () -> Result<InputGeneration, InputProblems> in
            Result { () throws(InputProblems) in try InputReader.read(configuration, number: number, into: directory) }
        }
        guard number > current.number else {
            // A newer read finished first.
            if case .success(let stale) = result { try? FileManager.default.removeItem(atPath: stale.copy) }
            return (current, problems)
        }
        switch result {
        case .success(let next):
            let previous = current.copy
            current = next
            problems = []
            retire(previous)
        case .failure(let error):
            problems = error.lines.isEmpty ? ["the inputs changed and could not be read"] : error.lines
            // A failed read may have left a partial copy.
            try? FileManager.default.removeItem(atPath: directory + "/\(number)")
            current = current.renumbered(number)
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
