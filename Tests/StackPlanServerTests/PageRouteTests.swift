import Foundation
import HummingbirdTesting
import StackPlanServer
import Testing

@Suite("the pages")
struct PageRouteTests {
    /// Every page, and text each must show.
    @Test(arguments: [
        ("/", "Acme Corp"),
        ("/?asOf=2026-09-01", "as of 2026-09-01"),
        ("/steps?standing=overdue", "Overdue steps"),
        ("/steps?customer=acme&standing=at-risk", "At-risk steps of acme"),
        ("/incidents?customer=acme&state=missed", "Missed incidents of acme"),
        ("/customers/acme", "acme-prod-use1"),
        ("/catalog", "Stack catalog"),
        ("/catalog?tier=certified", "certified"),
        ("/catalog/calico", "Tier history"),
        // A platform component runs on every cluster of its platform, as the review counts it.
        ("/catalog/eks", "acme-prod-use1"),
        ("/releases", "/releases/eks"),
        ("/releases/eks", "End of standard support"),
        ("/review/2026-Q4", "Catalog review 2026-Q4"),
    ])
    func pageLoads(uri: String, shows: String) async throws {
        try await withServer { fixture, client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                #expect(response.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") == "no-referrer")
                let page = response.text
                #expect(page.contains(shows))
                #expect(page.hasPrefix("<!DOCTYPE html>"))
                // Self-contained: no inline script or style, no other origin.
                #expect(!page.contains("<style") && !page.contains("style=\"") && !page.contains("<script>"))
                // No resource from another origin (an SVG's xmlns is a name, not a fetch).
                #expect(!page.contains("src=\"http") && !page.contains("rel=\"stylesheet\" href=\"http"))
            }
        }
    }

    @Test func portfolioFiguresLinkToWhatIsBehindThem() async throws {
        try await withServer { fixture, client in
            let portfolio = try await client.execute(uri: "/?asOf=2026-11-28", method: .get).text
            #expect(portfolio.contains("href=\"/customers/acme?asOf=2026-11-28\""))
            // Acme's overdue count links to its overdue steps; the page lists that many rows.
            let link = "/steps?asOf=2026-11-28&amp;customer=acme&amp;standing=overdue"
            #expect(portfolio.contains("href=\"\(link)\""))
            let forecast = try await client.execute(uri: "/api/v1/forecast?asOf=2026-11-28", method: .get)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: forecast.body)) as? [String: Any]
            let customers = object?["customers"] as? [[String: Any]] ?? []
            let acme = customers.first { $0["id"] as? String == "acme" }
            let overdue = acme?["overdue"] as? Int ?? -1
            let steps = try await client.execute(
                uri: link.replacingOccurrences(of: "&amp;", with: "&"), method: .get
            ).text
            #expect(steps.contains("<span class=\"count\">\(overdue) of \(overdue)</span>"))
            #expect(steps.contains("acme-"))
            #expect(!steps.contains("brightline"))
        }
    }

    /// Every count on the portfolio that links to `/steps` or `/incidents` leads to exactly that
    /// many rows; the review board's blocked-step counts too.
    @Test func everyLinkedCountMatchesWhatItLeadsTo() async throws {
        try await withServer { fixture, client in
            var checked = 0
            for page in ["/?asOf=2026-11-28", "/review/2026-Q4?asOf=2026-11-28"] {
                let html = try await client.execute(uri: page, method: .get).text
                let pattern = #"<a href="(/(?:steps|incidents)\?[^"]*)">(\d+)</a>"#
                let regex = try NSRegularExpression(pattern: pattern)
                let range = NSRange(html.startIndex..., in: html)
                for match in regex.matches(in: html, range: range) {
                    guard let link = Range(match.range(at: 1), in: html),
                        let number = Range(match.range(at: 2), in: html)
                    else { continue }
                    let uri = html[link].replacingOccurrences(of: "&amp;", with: "&")
                    let target = try await client.execute(uri: uri, method: .get).text
                    let rows = target.components(separatedBy: "<span class=\"count\">").last?.prefix { $0 != " " }
                    #expect(rows.map(String.init) == String(html[number]), "\(uri)")
                    checked += 1
                }
            }
            #expect(checked >= 10)
        }
    }

    @Test func tablesSortAndFilterWithoutJavaScript() async throws {
        try await withServer { fixture, client in
            let byName = try await client.execute(uri: "/catalog?sort=name&order=desc", method: .get).text
            let names = Self.firstCells(byName, table: "catalog", column: 1)
            #expect(names.count > 3)
            #expect(names == names.sorted(by: >))
            let filtered = try await client.execute(uri: "/catalog?q=calico", method: .get).text
            #expect(Self.firstCells(filtered, table: "catalog", column: 1) == ["Calico network policies"])
            let steps = try await client.execute(uri: "/steps?q=ACME-PROD&sort=due", method: .get).text
            let clusters = Self.firstCells(steps, table: "steps", column: 1)
            #expect(!clusters.isEmpty && clusters.allSatisfy { $0.hasPrefix("acme-prod") })
            let dues = Self.firstCells(steps, table: "steps", column: 4)
            #expect(dues == dues.sorted())
        }
    }

    @Test func longTablesArePaged() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let fleet = fixture.cli([
            "generate-fleet", "--catalog", fixture.catalog, "--as-of", "2026-11-28", "--customers", "150", "--seed",
            "7",
        ])
        #expect(fleet.status == 0)
        try Data(fleet.standardOutput).write(to: URL(fileURLWithPath: fixture.inventory))
        let server = try await fixture.server(incidents: false)
        try await withRouter(server) { client in
            let first = try await client.execute(uri: "/?sort=customer", method: .get).text
            #expect(first.contains("Rows 1–100 of 150 · page 1 of 2"))
            #expect(first.contains("href=\"/?page=2&amp;sort=customer\""))
            #expect(Self.firstCells(first, table: "portfolio", column: 1).count == 100)
            let second = try await client.execute(uri: "/?sort=customer&page=2", method: .get).text
            let names = Self.firstCells(second, table: "portfolio", column: 1)
            #expect(names.count == 50 && second.contains("rel=\"prev\""))
            let all = Self.firstCells(first, table: "portfolio", column: 1) + names
            #expect(all == all.sorted() && Set(all).count == 150)
        }
        await server.stop()
    }

    @Test func unknownIdsAre404Pages() async throws {
        try await withServer { fixture, client in
            for uri in ["/customers/nobody", "/catalog/nothing", "/releases/mars", "/nowhere"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                #expect(response.header("Content-Security-Policy") != nil)
            }
            let bad = try await client.execute(uri: "/steps?standing=late", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func assetsAreServedFromTheBinary() async throws {
        try await withServer { fixture, client in
            let css = try await client.execute(uri: "/assets/app.css", method: .get)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8" && css.text.contains("table"))
            let script = try await client.execute(uri: "/assets/app.js", method: .get)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("data-filter"))
            for uri in ["/assets/icon.svg", "/favicon.ico"] {
                let icon = try await client.execute(uri: uri, method: .get)
                #expect(
                    icon.status == .ok && icon.header("Content-Type") == "image/svg+xml" && icon.text.hasPrefix("<svg"))
            }
        }
    }

    /// The text of cell `column` in each body row of table `id` (tags removed).
    static func firstCells(_ page: String, table id: String, column: Int) -> [String] {
        guard let start = page.range(of: "<table id=\"\(id)\">"),
            let body = page[start.upperBound...].range(of: "<tbody>"),
            let end = page[body.upperBound...].range(of: "</tbody>")
        else { return [] }
        return page[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst().compactMap { row in
            let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
                String(cell.drop { $0 != ">" }.dropFirst())
                    .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            }
            return column < cells.count ? cells[column].trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }
    }
}
