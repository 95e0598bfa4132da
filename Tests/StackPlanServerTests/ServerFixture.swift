import Foundation
import Hummingbird
import HummingbirdTesting
import StackPlanCommands
import StackPlanCore
import StackPlanServer
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The day every server test treats as today.
let testToday = CalendarDay(year: 2026, month: 11, day: 28) ?? CalendarDay(dayNumber: 0)

/// A private copy of the shipped catalog and example inventory and incident log, so a test can
/// edit them; removed by `remove()`.
struct ServerFixture: Sendable {
    let directory: String
    var catalog: String { directory + "/catalog" }
    var inventory: String { directory + "/inventory.yaml" }
    var incidents: String { directory + "/incidents.csv" }
    var database: String { directory + "/history.sqlite" }

    init() throws {
        directory = NSTemporaryDirectory() + "stackplan-server-test-\(UUID())"
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try files.copyItem(atPath: packageRoot + "/catalog", toPath: catalog)
        try files.copyItem(atPath: packageRoot + "/examples/inventory.yaml", toPath: inventory)
        try files.copyItem(atPath: packageRoot + "/examples/incidents.csv", toPath: incidents)
    }

    func configuration(token: String? = nil, incidents withIncidents: Bool = true) -> ServerConfiguration {
        ServerConfiguration(
            catalogDirectory: catalog, inventoryPath: inventory, incidentsPath: withIncidents ? incidents : nil,
            databasePath: database, token: token, today: { testToday })
    }

    /// A running server's router over this fixture.
    func server(token: String? = nil, incidents: Bool = true) async throws -> StackPlanServer {
        try await StackPlanServer.start(
            configuration(token: token, incidents: incidents), runner: Serve.runInProcess, log: { _ in })
    }

    /// Runs `stackplan` in-process on this fixture's files (absolute paths).
    func cli(_ arguments: [String]) -> CommandOutcome {
        Serve.runInProcess(arguments)
    }

    /// Replaces `old` with `new` in a file, moving its modification time forward so the change is
    /// seen even within the file system's time resolution.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "the fixture no longer contains \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        try bumpModificationTime(path)
    }

    func bumpModificationTime(_ path: String) throws {
        let later = Date().addingTimeInterval(Double.random(in: 10...1000))
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs `test` against a server over a fresh fixture (changed first by `prepare`), in-process
/// through HummingbirdTesting's router mode; stops the server and removes the fixture after.
func withServer<Value>(
    token: String? = nil, incidents: Bool = true, prepare: (ServerFixture) throws -> Void = { _ in },
    _ test: @Sendable (ServerFixture, any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let fixture = try ServerFixture()
    defer { fixture.remove() }
    try prepare(fixture)
    let server = try await fixture.server(token: token, incidents: incidents)
    let result = try await withRouter(server) { client in try await test(fixture, client) }
    await server.stop()
    return result
}

/// Runs `test` against the server's router in-process (HummingbirdTesting's router mode).
func withRouter<Value>(
    _ server: StackPlanServer, _ test: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let app = Application(router: server.router())
    return try await app.test(.router, test)
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func header(_ name: String) -> String? {
        guard let field = HTTPFields.Element.Name(name) else { return nil }
        return headers[field]
    }
}
