import Foundation
import HummingbirdTesting
import StackPlanServer
import Testing

@Suite("pages and API over the history store")
struct StoreRouteTests {
    /// A published edition answers `?edition=` on the API (as `plan --edition`) and on pages;
    /// stored snapshots make the customer's trend.
    @Test func editionsAndTrend() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let publish = fixture.cli(["catalog", "publish", "--catalog", fixture.catalog, "--db", fixture.database])
        #expect(publish.status == 0, "\(publish.standardError)")
        for day in ["2026-10-01", "2026-11-01"] {
            let snapshot = fixture.cli([
                "snapshot", "--catalog", fixture.catalog, "--inventory", fixture.inventory, "--db", fixture.database,
                "--as-of", day,
            ])
            #expect(snapshot.status == 0, "\(snapshot.standardError)")
        }
        let edition = fixture.cli([
            "plan", "--format", "json", "--catalog", fixture.catalog, "--inventory", fixture.inventory, "--as-of",
            "2026-11-28", "--edition", "2026-Q3", "--db", fixture.database,
        ])
        #expect(edition.status == 0, "\(edition.standardError)")
        let server = try await fixture.server()
        try await withRouter(server) { client in
            let api = try await client.execute(uri: "/api/v1/plan?edition=2026-Q3&asOf=2026-11-28", method: .get)
            #expect(api.status == .ok && Array(buffer: api.body) == edition.standardOutput)
            let page = try await client.execute(uri: "/?edition=2026-Q3", method: .get).text
            #expect(page.contains("(edition 2026-Q3)"))
            // Navigation keeps the edition.
            #expect(page.contains("href=\"/catalog?edition=2026-Q3\""))
            let unknown = try await client.execute(uri: "/?edition=1999-Q1", method: .get)
            #expect(unknown.status == .notFound)
            let customer = try await client.execute(uri: "/customers/acme", method: .get).text
            let trend = try #require(customer.components(separatedBy: "id=\"trend\"").last)
            #expect(trend.contains("<td>2026-10-01</td>") && trend.contains("<td>2026-11-01</td>"))
        }
        await server.stop()
    }
}
