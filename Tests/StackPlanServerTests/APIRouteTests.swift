import Foundation
import HummingbirdTesting
import StackPlanServer
import Testing

/// One API request and the command whose JSON it must equal byte for byte.
struct APICase: CustomTestStringConvertible, Sendable {
    let uri: String
    /// The command without `--catalog`, `--inventory` and `--incidents` (added per command).
    let command: [String]
    var inventory = true
    var incidents = false

    var testDescription: String { uri }

    func arguments(_ fixture: ServerFixture) -> [String] {
        var arguments = command + ["--format", "json", "--catalog", fixture.catalog]
        if inventory { arguments += ["--inventory", fixture.inventory] }
        if incidents { arguments += ["--incidents", fixture.incidents] }
        return arguments
    }
}

@Suite("the JSON API answers exactly as the command line")
struct APIRouteTests {
    static let cases: [APICase] = [
        APICase(uri: "/api/v1/plan", command: ["plan", "--as-of", "2026-11-28"]),
        APICase(
            uri: "/api/v1/plan?customer=acme&compare=true",
            command: ["plan", "--as-of", "2026-11-28", "--customer", "acme", "--compare"]),
        APICase(
            uri: "/api/v1/plan?projected&asOf=2026-09-01", command: ["plan", "--as-of", "2026-09-01", "--projected"]),
        APICase(
            uri: "/api/v1/forecast?horizon=6", command: ["forecast", "--as-of", "2026-11-28", "--horizon", "6"],
            incidents: true),
        APICase(
            uri: "/api/v1/sla/report?month=2026-11",
            command: ["sla", "report", "--as-of", "2026-11-28", "--month", "2026-11"], incidents: true),
        APICase(
            uri: "/api/v1/catalog?tier=certified",
            command: ["catalog", "list", "--as-of", "2026-11-28", "--tier", "certified"],
            inventory: false),
        APICase(
            uri: "/api/v1/catalog/calico", command: ["catalog", "show", "calico", "--as-of", "2026-11-28"],
            inventory: false),
        APICase(
            uri: "/api/v1/releases?platform=eks", command: ["releases", "--as-of", "2026-11-28", "--platform", "eks"],
            inventory: false),
        APICase(uri: "/api/v1/releases", command: ["releases", "--as-of", "2026-11-28"], inventory: false),
        APICase(
            uri: "/api/v1/review/2026-Q4", command: ["review", "pack", "--as-of", "2026-11-28", "--quarter", "2026-Q4"]),
        APICase(
            uri: "/api/v1/conformance?customer=acme",
            command: ["conformance", "--as-of", "2026-11-28", "--customer", "acme"]),
    ]

    @Test(arguments: cases)
    func bodyIsTheCommandsJSON(_ apiCase: APICase) async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let expected = fixture.cli(apiCase.arguments(fixture))
        #expect(expected.status == 0, "\(expected.standardError)")
        let server = try await fixture.server()
        try await withRouter(server) { client in
            try await client.execute(uri: apiCase.uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.header("Content-Type") == "application/json")
                #expect(Array(buffer: response.body) == expected.standardOutput)
                #expect(response.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") == "no-referrer")
                #expect(response.header("Warning") == nil)
            }
        }
        await server.stop()
    }

    @Test(arguments: [
        ("/api/v1/plan?asOf=2026-02-30", 400, "bad-parameter"),
        ("/api/v1/plan?bogus=1", 400, "bad-parameter"),
        ("/api/v1/plan?compare=maybe", 400, "bad-parameter"),
        ("/api/v1/plan?through=2027-01-01", 400, "bad-parameter"),
        ("/api/v1/forecast?horizon=99", 400, "bad-parameter"),
        ("/api/v1/plan?customer=nobody", 404, "not-found"),
        ("/api/v1/plan?edition=2020-Q1", 404, "not-found"),
        ("/api/v1/catalog/nothing-here", 404, "not-found"),
        ("/api/v1/releases?platform=mars", 404, "not-found"),
        ("/api/v1/review/2026-Q9", 400, "bad-parameter"),
        ("/api/v1/unknown", 404, "not-found"),
    ])
    func errorsAreJSON(uri: String, status: Int, code: String) async throws {
        try await withServer { fixture, client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(Int(response.status.code) == status)
                #expect(response.header("Content-Type") == "application/json")
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let error = object?["error"] as? [String: Any]
                #expect(error?["code"] as? String == code)
                #expect((error?["message"] as? String)?.isEmpty == false)
                #expect(!response.text.contains("Usage:"))
                #expect(response.header("Content-Security-Policy") != nil)
            }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await withServer { fixture, client in
            try await client.execute(uri: "/api/v1/plan", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.header("Allow") == "GET, HEAD")
                #expect(response.text.contains("\"method-not-allowed\""))
            }
            for uri in ["/api/v1/review/2026-Q4", "/api/v1/health", "/", "/assets/app.js"] {
                let response = try await client.execute(uri: uri, method: .post)
                #expect(response.status == .methodNotAllowed, "\(uri)")
            }
            try await client.execute(uri: "/api/v1/review/2026-Q4/decisions", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.header("Allow") == "POST")
            }
        }
    }

    @Test func slaReportWithoutALogIs404() async throws {
        try await withServer(incidents: false) { fixture, client in
            try await client.execute(uri: "/api/v1/sla/report", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"status\": \"ok\""))
            }
        }
    }
}
