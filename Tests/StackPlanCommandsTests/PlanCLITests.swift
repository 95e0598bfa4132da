import Foundation
import Testing

@Suite("stackplan plan, roadmap and generate-fleet", .serialized)
struct PlanCLITests {
    static let example = ["--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01"]

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try stackplan(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func planJSONHasTheDocumentedShape() throws {
        let plan = try json(["plan"] + Self.example + ["--format", "json"])
        #expect(plan["asOf"] as? String == "2026-09-01")
        #expect(plan["catalogVersion"] as? String == "2026-Q3")
        let clusters = try #require(plan["clusters"] as? [[String: Any]])
        let keys: Set<String> = [
            "customer", "cluster", "environment", "kind", "platform", "version", "strategy", "qualified", "slaApplies",
            "slaReasons", "nextDue", "status", "steps",
        ]
        for cluster in clusters { #expect(keys.isSubset(of: Set(cluster.keys))) }
        let stepKeys: Set<String> = ["action", "from", "to", "due", "plannedStart", "plannedEnd", "blocked", "reason"]
        for step in clusters.flatMap({ $0["steps"] as? [[String: Any]] ?? [] }) {
            #expect(stepKeys.isSubset(of: Set(step.keys)))
        }
        let customers = try #require(plan["customers"] as? [[String: Any]])
        #expect(customers.count == 8)
        for customer in customers {
            #expect(Set(["id", "qualified", "clusters", "overdue", "atRisk"]).isSubset(of: Set(customer.keys)))
        }
    }

    @Test func theExampleExercisesEveryStatusAndCase() throws {
        let plan = try json(["plan"] + Self.example + ["--format", "json"])
        let clusters = try #require(plan["clusters"] as? [[String: Any]])
        func cluster(_ name: String) throws -> [String: Any] {
            try #require(clusters.first { $0["cluster"] as? String == name })
        }
        #expect(Set(clusters.compactMap { $0["status"] as? String }) == ["overdue", "at-risk", "current", "on-track"])
        #expect(try cluster("acme-stage-use1")["status"] as? String == "current")
        #expect(try cluster("bl-prod")["slaReasons"] as? [String] == ["not-qualified"])
        #expect(try cluster("cobalt-prod")["status"] as? String == "overdue")
        #expect(try cluster("cobalt-prod")["slaReasons"] as? [String] == ["outside-support-window"])
        let dunmore = try #require(try cluster("dunmore-prod-dc1")["steps"] as? [[String: Any]])
        #expect(dunmore.contains { $0["action"] as? String == "migrate-cluster" && $0["to"] as? String == "1.36" })
        let emberly = try #require(try cluster("emberly-prod")["steps"] as? [[String: Any]])
        #expect(emberly.allSatisfy { $0["blocked"] as? Bool == true })
        let fjord = try #require(try cluster("fjord-prod")["steps"] as? [[String: Any]])
        #expect(fjord.first?["component"] as? String == "prometheus" && fjord.first?["due"] as? String == "2025-10-26")
        #expect((try cluster("gantry-prod")["warnings"] as? [String])?.first?.hasPrefix("node skew") == true)
        #expect(try cluster("hv-prod")["nextDue"] as? String == "2027-01-31")
        #expect(try cluster("hv-prod")["status"] as? String == "on-track")
    }

    @Test(arguments: ["table", "csv", "markdown"])
    func planRendersTextFormats(_ format: String) throws {
        let result = try stackplan(["plan"] + Self.example + ["--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("emberly-prod"))
        #expect(result.stdout.contains("upgrade-control-plane"))
    }

    @Test func planICSIsOneCalendarWithStableUIDs() throws {
        let result = try stackplan(["plan"] + Self.example + ["--format", "ics"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(result.stdout.hasSuffix("END:VCALENDAR\r\n"))
        #expect(result.stdout.contains("UID:cobalt.cobalt-qa.upgrade-control-plane.1.34-1.35.due@stackplan\r\n"))
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        // A later date changes the schedule, not the identity of the events.
        let later = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-08", "--format", "ics",
        ])
        #expect(later.stdout.contains("UID:cobalt.cobalt-qa.upgrade-control-plane.1.34-1.35.due@stackplan\r\n"))
        #expect(later.stdout.contains("DTSTAMP:20260908T000000Z"))
    }

    @Test func planForOneCustomer() throws {
        let plan = try json(["plan"] + Self.example + ["--customer", "gantry", "--format", "json"])
        let clusters = try #require(plan["clusters"] as? [[String: Any]])
        #expect(Set(clusters.compactMap { $0["customer"] as? String }) == ["gantry"])
        #expect(try stackplan(["plan"] + Self.example + ["--customer", "nobody"]).status == 64)
    }

    @Test func plansAreByteIdenticalAcrossRuns() throws {
        let arguments = ["plan"] + Self.example + ["--format", "json"]
        #expect(try stackplan(arguments).stdout == stackplan(arguments).stdout)
    }

    @Test(arguments: [("markdown", "## Qualification"), ("html", "<svg"), ("svg", "</svg>")])
    func roadmapRendersEveryFormat(_ format: String, _ fragment: String) throws {
        let result = try stackplan(["roadmap"] + Self.example + ["--customer", "brightline", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(fragment))
    }

    @Test func roadmapSaysWhatAnUnqualifiedCustomerMustDo() throws {
        let result = try stackplan(["roadmap"] + Self.example + ["--customer", "brightline"])
        #expect(result.stdout.contains("no non-production environment with a cluster: add one to qualify"))
        let emberly = try stackplan(["roadmap"] + Self.example + ["--customer", "emberly", "--horizon", "6"])
        #expect(emberly.stdout.contains("## Blockers\n\n- emberly-dev: no catalog release of NGINX Ingress Controller"))
        #expect(try stackplan(["roadmap"] + Self.example + ["--customer", "acme", "--horizon", "0"]).status == 64)
    }

    @Test func generatedFleetsAreDeterministicAndValid() throws {
        let arguments = ["generate-fleet", "--customers", "20", "--seed", "7", "--as-of", "2026-09-01"]
        let first = try stackplan(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == (try stackplan(arguments)).stdout)
        #expect(
            first.stdout
                != (try stackplan(["generate-fleet", "--customers", "20", "--seed", "8", "--as-of", "2026-09-01"]))
                .stdout)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try first.stdout.write(to: file, atomically: true, encoding: .utf8)
        let plan = try stackplan(["plan", "--inventory", file.path, "--as-of", "2026-09-01", "--format", "csv"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("cust-00020"))
    }

    @Test func anInvalidInventoryStopsThePlanWithExit65() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        pods:
          - id: p
            upgradesPerWeek: 1
        customers:
          - id: c
            name: C
            pod: p
            monthlyFee: 1
            environments:
              - name: prod
                kind: production
                clusters:
                  - name: k
                    platform: gke
                    version: "1.36"
                    components:
                      nginx: "1.0"
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try stackplan(["plan", "--inventory", file.path, "--format", "json"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(":14:23: error: unknown platform 'gke'"))
        #expect(result.stderr.contains(":17:15: error: unknown component 'nginx'"))
    }
}

@Suite("stackplan holidays", .serialized)
struct HolidaysCLITests {
    @Test(arguments: ["table", "json", "csv", "markdown"])
    func listsTheYearsHolidays(_ format: String) throws {
        let result = try stackplan(["holidays", "--year", "2027", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2027-07-05"))
        #expect(result.stdout.contains("Independence Day"))
    }

    @Test func rejectsAnImpossibleYear() throws {
        #expect(try stackplan(["holidays", "--year", "20270"]).status == 64)
    }
}
