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
        let roadmap = try stackplan(["roadmap"] + example + ["--customer", "acme", "--audience", "internal"])
        #expect(roadmap.stdout.contains("## Conformance\n\n- acme-prod-use1: info catalog-tier-in-production"))
        #expect(roadmap.stdout.contains("\n- acme-stage-use1: required conformance-failed"))
    }
}

@Suite("Schedules in windows")
struct WindowScheduleTests {
    @Test func theRetailFreezeReallyBlocksProductionWork() throws {
        let result = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-16", "--customer", "harbourview",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clusters = try #require(root["clusters"] as? [[String: Any]])
        let production = try #require(
            clusters.first { $0["cluster"] as? String == "hv-prod" }?["steps"] as? [[String: Any]])
        for step in production {
            let start = try #require(step["plannedStart"] as? String)
            #expect(start > "2027-01-05", "\(start) is inside the Holiday trading freeze")
            let window = try #require(step["window"] as? [String: Any])
            #expect((window["start"] as? String)?.hasSuffix("T21:00:00-06:00") == true)
            #expect(window["zone"] as? String == "America/Chicago")
        }
        // The ICS uses the real window instants.
        let ics = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-16", "--customer", "harbourview",
            "--format", "ics",
        ])
        #expect(ics.stdout.contains("DTSTART:20270108T030000Z\r\nDTEND:20270108T060000Z\r\n"))
    }
}
