import Foundation
import Hummingbird
import HummingbirdTesting
import StackPlanServer
import Testing

@Suite("serving: writes, reloads, escaping and a real socket")
struct ServerBehaviourTests {
    static let decision =
        #"{"component": "istio", "to": "certified", "decision": "approved", "note": "Adopted by three customers", "by": "Board"}"#

    @Test func decisionsNeedTheServersBearerToken() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let body = ByteBuffer(string: Self.decision)
        let readOnly = try await fixture.server()
        try await withRouter(readOnly) { client in
            let response = try await client.execute(
                uri: "/api/v1/review/2026-Q4/decisions", method: .post, headers: [.authorization: "Bearer x"],
                body: body)
            #expect(response.status == .forbidden)
        }
        await readOnly.stop()

        let server = try await fixture.server(token: "s3cret")
        let path = fixture.catalog + "/reviews/2026-Q4.yaml"
        try await withRouter(server) { client in
            let missing = try await client.execute(uri: "/api/v1/review/2026-Q4/decisions", method: .post, body: body)
            #expect(missing.status == .unauthorized && missing.header("WWW-Authenticate") == "Bearer")
            let wrong = try await client.execute(
                uri: "/api/v1/review/2026-Q4/decisions", method: .post, headers: [.authorization: "Bearer s3cre"],
                body: body)
            #expect(wrong.status == .forbidden)
            #expect(!FileManager.default.fileExists(atPath: path))

            let bad = try await client.execute(
                uri: "/api/v1/review/2026-Q4/decisions", method: .post, headers: [.authorization: "Bearer s3cret"],
                body: ByteBuffer(
                    string: #"{"component": "istio", "to": "certified", "decision": "maybe", "note": "n"}"#))
            #expect(bad.status == .badRequest && bad.text.contains("bad-parameter"))
            let extra = try await client.execute(
                uri: "/api/v1/review/2026-Q4/decisions", method: .post, headers: [.authorization: "Bearer s3cret"],
                body: ByteBuffer(string: #"{"component": "istio", "sneaky": true}"#))
            #expect(extra.status == .badRequest && extra.text.contains("unknown field 'sneaky'"))

            let recorded = try await client.execute(
                uri: "/api/v1/review/2026-Q4/decisions", method: .post, headers: [.authorization: "Bearer s3cret"],
                body: body)
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(recorded.text.contains("\"component\": \"istio\""))
            // The review page shows the decision as soon as the file changed.
            let page = try await client.execute(uri: "/review/2026-Q4", method: .get).text
            #expect(page.contains("Adopted by three customers"))
        }
        await server.stop()

        // Appended exactly as the command line appends: the same decision through `review decide`
        // on a second copy gives the same file.
        let second = try ServerFixture()
        defer { second.remove() }
        let cli = second.cli([
            "review", "decide", "--catalog", second.catalog, "--as-of", "2026-11-28", "--quarter", "2026-Q4",
            "--component", "istio", "--to", "certified", "--decision", "approved", "--note",
            "Adopted by three customers", "--by", "Board",
        ])
        #expect(cli.status == 0)
        let viaServer = try String(contentsOfFile: path, encoding: .utf8)
        let viaCLI = try String(contentsOfFile: second.catalog + "/reviews/2026-Q4.yaml", encoding: .utf8)
        #expect(viaServer == viaCLI)
    }

    @Test func anInvalidEditKeepsTheLastValidDataAndSaysWhy() async throws {
        try await withServer { fixture, client in
            let before = try await client.execute(uri: "/api/v1/plan", method: .get)
            try fixture.edit(fixture.inventory, replacing: "name: Acme Corp", with: "name: [Acme Corp")
            let stale = try await client.execute(uri: "/api/v1/plan", method: .get)
            #expect(stale.status == .ok)
            #expect(stale.body == before.body)
            let warning = try #require(stale.header("Warning"))
            #expect(warning.hasPrefix("199 stackplan \"inputs changed and are invalid"))
            #expect(warning.contains("inventory.yaml:"))
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("The inputs changed and are invalid") && page.contains("Acme Corp"))
            let health = try await client.execute(uri: "/api/v1/health", method: .get).text
            #expect(health.contains("\"status\": \"degraded\"") && health.contains("inventory.yaml:"))

            // A valid edit is served at once, and nothing stale is left in the cache.
            try fixture.edit(fixture.inventory, replacing: "name: [Acme Corp", with: "name: Acme Corporation")
            let fresh = try await client.execute(uri: "/", method: .get).text
            #expect(fresh.contains("Acme Corporation") && !fresh.contains("are invalid"))
            let api = try await client.execute(uri: "/api/v1/plan", method: .get)
            #expect(api.header("Warning") == nil)
        }
    }

    /// Requests keep being answered while the inputs change under them, and the newest valid
    /// edit wins.
    @Test func editsDuringConcurrentRequests() async throws {
        try await withServer { fixture, client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for round in 0..<3 {
                    for _ in 0..<8 {
                        group.addTask { try await client.execute(uri: "/api/v1/forecast", method: .get).status.code }
                        group.addTask { try await client.execute(uri: "/", method: .get).status.code }
                    }
                    let old = round == 0 ? "name: Acme Corp" : "name: Acme Round \(round - 1)"
                    try fixture.edit(fixture.inventory, replacing: old, with: "name: Acme Round \(round)")
                }
                for try await status in group { #expect(status == 200) }
            }
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("Acme Round 2") && !page.contains("are invalid"))
        }
    }

    @Test func valuesFromInputFilesAreEscaped() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let hostile = #"<script>console.error('xss')</script> & \"quoted\""#
        try fixture.edit(fixture.inventory, replacing: "name: Acme Corp", with: "name: \"\(hostile)\"")
        let server = try await fixture.server()
        try await withRouter(server) { client in
            for uri in ["/", "/customers/acme", "/catalog/calico", "/steps?customer=acme"] {
                let page = try await client.execute(uri: uri, method: .get).text
                #expect(!page.contains("<script>console"), "\(uri)")
            }
            let portfolio = try await client.execute(uri: "/", method: .get).text
            #expect(portfolio.contains("&lt;script&gt;console.error('xss')&lt;/script&gt; &amp;"))
            // A hostile query value is escaped too (it is echoed in the filter box).
            let echoed = try await client.execute(uri: "/catalog?q=%22%3E%3Cscript%3E", method: .get).text
            #expect(!echoed.contains("\"><script>") && echoed.contains("&quot;&gt;&lt;script&gt;"))
        }
        await server.stop()
    }

    @Test func repeatedRequestsAreServedFromTheCache() async throws {
        try await withServer { fixture, client in
            let first = try await client.execute(uri: "/api/v1/forecast?horizon=3&asOf=2026-11-28", method: .get)
            // The same query in another order is the same cache entry.
            let second = try await client.execute(uri: "/api/v1/forecast?asOf=2026-11-28&horizon=3", method: .get)
            #expect(first.body == second.body)
            let health = try await client.execute(uri: "/api/v1/health", method: .get).text
            #expect(health.contains("\"cachedResponses\": 1"))
        }
    }

    /// A real server on a loopback port, reached over TCP.
    @Test func servesOverARealSocket() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let server = try await fixture.server()
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok && page.text.contains("Acme Corp"))
            let health = try await client.execute(uri: "/api/v1/health", method: .get)
            #expect(health.header("Content-Type") == "application/json" && health.text.contains("\"status\": \"ok\""))
        }
        await server.stop()
    }

    @Test func invalidInputsAtStartAreRefusedWithTheirDiagnostics() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.edit(fixture.inventory, replacing: "name: Acme Corp", with: "name: [Acme Corp")
        await #expect(throws: InputProblems.self) { _ = try await fixture.server() }
        do {
            _ = try await fixture.server()
        } catch let error as InputProblems {
            #expect(error.lines.contains { $0.contains("inventory.yaml:") && $0.contains("error:") })
        }
    }
}
