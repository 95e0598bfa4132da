import ArgumentParser
import Foundation
import Hummingbird
import StackPlanServer

/// `stackplan serve`: the pages and JSON API for engagement managers, architects and the board.
public struct Serve: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the portfolio, customer, catalog and review pages and the JSON API over HTTP.",
        discussion: """
            Inputs are re-read when they change; an invalid edit keeps the last valid data and shows \
            its diagnostics. Writes (POST /api/v1/review/{quarter}/decisions) need --token-file or \
            $STACKPLAN_TOKEN. Stops cleanly on SIGINT and SIGTERM. See Docs/serve.md.
            """)

    @OptionGroup public var catalog: CatalogOptions
    @Option(help: "The inventory YAML file.") public var inventory: String
    @Option(help: "The incident log (CSV) for credits.") public var incidents: String?
    @OptionGroup public var database: DatabaseOptions
    @Option(help: "The address to bind (default: loopback only).") public var host = "127.0.0.1"
    @Option(help: "The TCP port (1–65535).") public var port = 8080
    @Option(help: "A file holding the bearer token that allows writes (default: $STACKPLAN_TOKEN).")
    public var tokenFile: String?

    public init() {}

    public func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port takes 1 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host takes an address, not an empty string") }
    }

    public func run() throws {
        let token = try readToken()
        let configuration = ServerConfiguration(
            catalogDirectory: catalog.directory, inventoryPath: inventory, incidentsPath: incidents,
            databasePath: database.path, token: token, today: { AsOfOption.today() })
        let host = host
        let port = port
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        // ArgumentParser runs this synchronously; the server runs on Swift concurrency's threads
        // while this thread waits for it to stop.
        Task {
            do {
                let server = try await StackPlanServer.start(
                    configuration, runner: Self.runInProcess, log: { Console.err($0) })
                let app = Application(
                    router: server.router(), configuration: .init(address: .hostname(host, port: port)),
                    onServerRunning: { _ in Console.err("stackplan: serving http://\(host):\(port)/ (Ctrl-C stops)") })
                do {
                    try await app.runService()
                } catch {
                    outcome.set(.failure("cannot serve on \(host):\(port): \(error)"))
                }
                await server.stop()
            } catch let problems as InputProblems {
                outcome.set(.invalid(problems.lines))
            } catch {
                outcome.set(.failure("\(error)"))
            }
            done.signal()
        }
        done.wait()
        switch outcome.value {
        case .invalid(let lines)?:
            for line in lines { Console.err(line) }
            throw CommandError.dataError()
        case .failure(let message)?: throw CommandError(status: ExitStatus.unavailable, message: message)
        case nil: return
        }
    }

    /// The token from `--token-file` (trimmed; exit 66 when unreadable, 64 when empty), else
    /// `$STACKPLAN_TOKEN`, else none (read-only).
    private func readToken() throws -> String? {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw CommandError.noInput("cannot read the token file \(tokenFile)")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw CommandError.usage("the token file \(tokenFile) is empty") }
            return token
        }
        let token = ProcessInfo.processInfo.environment["STACKPLAN_TOKEN"] ?? ""
        return token.isEmpty ? nil : token
    }

    /// Runs `stackplan` arguments in this process and captures what they print.
    public static let runInProcess: CommandRunner = { arguments in
        let capture = OutputCapture()
        let status = Console.$capture.withValue(capture) { Entrypoint.run(arguments) }
        return CommandOutcome(
            status: status, standardOutput: capture.standardOutputBytes, standardError: capture.standardError)
    }

    /// How the server stopped, set once by the serving task.
    private final class Outcome: @unchecked Sendable {
        enum Value {
            case invalid([String])
            case failure(String)
        }

        private let lock = NSLock()
        private var stored: Value?

        func set(_ value: Value) {
            lock.lock()
            stored = value
            lock.unlock()
        }

        var value: Value? {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }
}
