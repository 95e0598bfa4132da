import Foundation
import Testing

/// `stackplan conformance` on the example inventory, which shows every finding code.
@Suite("Conformance report")
struct ConformanceTests {
    private let example = ["--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01"]

    private func findings(_ extra: [String] = []) throws -> [(cluster: String, level: String, code: String)] {
        let result = try stackplan(["conformance"] + example + extra + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (root["clusters"] as? [[String: Any]] ?? []).flatMap { cluster in
            (cluster["findings"] as? [[String: Any]] ?? []).map {
                (cluster["cluster"] as? String ?? "", $0["level"] as? String ?? "", $0["code"] as? String ?? "")
            }
        }
    }

    @Test(arguments: [
        ("fjord-stage", "recommended", "unknown-component"), ("hv-stage", "recommended", "unknown-release"),
        ("dunmore-prod-dc1", "required", "end-of-life-component"),
        ("ironwood-edge", "required", "incompatible-component"), ("gantry-prod", "required", "node-skew"),
        ("cobalt-prod", "recommended", "outside-support-window"), ("hv-prod", "required", "end-of-life-platform"),
        ("emberly-prod", "info", "catalog-tier-in-production"), ("bl-prod", "recommended", "not-qualified"),
        ("cobalt-qa", "required", "conformance-missing"), ("acme-stage-use1", "required", "conformance-failed"),
    ])
    func everyFindingCodeAppearsWhereTheExampleSaysSo(_ cluster: String, _ level: String, _ code: String) throws {
        #expect(try findings().contains { $0.cluster == cluster && $0.level == level && $0.code == code })
    }

    @Test func aPassingRunOnTheCurrentMinorIsEvidence() throws {
        #expect(try !findings().contains { $0.cluster == "acme-prod-use1" && $0.code.hasPrefix("conformance") })
    }

    @Test func failOnGivesPipelinesAnExitCode() throws {
        #expect(try stackplan(["conformance"] + example + ["--fail-on", "required"]).status == 1)
        #expect(
            try stackplan(["conformance"] + example + ["--customer", "acme", "--fail-on", "recommended"]).status == 1)
        // Without --fail-on the report succeeds; an unknown customer is bad usage.
        #expect(try stackplan(["conformance"] + example).status == 0)
        #expect(try stackplan(["conformance"] + example + ["--customer", "nobody"]).status == 64)
    }

    @Test func theForecastAndTheRoadmapCarryTheConformanceSummary() throws {
        let forecast = try stackplan(["forecast"] + example + ["--format", "json"])
        #expect(forecast.stdout.contains("\"requiredFindings\": "))
        let roadmap = try stackplan(["roadmap"] + example + ["--customer", "acme"])
        #expect(roadmap.stdout.contains("## Conformance\n\n- acme-prod-use1: info catalog-tier-in-production"))
        #expect(roadmap.stdout.contains("\n- acme-stage-use1: required conformance-failed"))
    }
}
