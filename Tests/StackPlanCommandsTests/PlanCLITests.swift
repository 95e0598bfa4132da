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
            "slaReasons", "nextDue", "firstDue", "endOfExtendedSupport", "status", "steps",
        ]
        for cluster in clusters { #expect(keys.isSubset(of: Set(cluster.keys))) }
        let stepKeys: Set<String> = ["action", "from", "to", "due", "plannedStart", "plannedEnd", "blocked", "reason"]
        for step in clusters.flatMap({ $0["steps"] as? [[String: Any]] ?? [] }) {
            #expect(stepKeys.isSubset(of: Set(step.keys)))
        }
        let customers = try #require(plan["customers"] as? [[String: Any]])
        #expect(customers.count == 9)
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
        #expect(try cluster("hv-prod")["endOfExtendedSupport"] as? String == "2027-07-29")
    }

    @Test func theExampleShowsTheFinerRulesOfThePromise() throws {
        let plan = try json(["plan"] + Self.example + ["--format", "json"])
        let clusters = try #require(plan["clusters"] as? [[String: Any]])
        func steps(_ name: String) throws -> [[String: Any]] {
            try #require(clusters.first { $0["cluster"] as? String == name }?["steps"] as? [[String: Any]])
        }
        // Production follows non-production whatever the strategies: ironwood-stage migrates
        // side-by-side to 1.36 by 2026-09-14; ironwood-edge's nodes follow after the 14-day soak.
        #expect(try steps("ironwood-stage").first?["plannedEnd"] as? String == "2026-09-14")
        let edge = try #require(try steps("ironwood-edge").first { $0["action"] as? String == "upgrade-nodes" })
        #expect(edge["plannedStart"] as? String == "2026-09-29")
        // Nodes on both clocks: 1.34 nodes were due 120 days after 1.35 came to EKS (2026-01-28).
        #expect(edge["action"] as? String == "upgrade-nodes" && edge["due"] as? String == "2026-05-28")
        let edgeCluster = try #require(clusters.first { $0["cluster"] as? String == "ironwood-edge" })
        #expect(edgeCluster["firstDue"] as? String == "2026-05-28" && edgeCluster["nextDue"] as? String == "2027-11-30")
        // Component moves fit both sides: ingress-nginx 1.11 on 1.30 goes to 1.14, not 1.15 (1.31–1.35).
        #expect(try steps("ironwood-lab").first?["to"] as? String == "1.14.5")
        let istio = try #require(try steps("ironwood-prod").first)
        #expect(istio["blocked"] as? Bool == true)
        #expect(
            (istio["reason"] as? String)?.hasPrefix("every release of Istio that runs on Kubernetes 1.31 and 1.32")
                == true)
        let prod = try #require(clusters.first { $0["cluster"] as? String == "ironwood-prod" })
        #expect(prod["endOfExtendedSupport"] as? String == "2026-11-26")
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
        // The UID is the hash of "cobalt.cobalt-qa.upgrade-control-plane.1.34-1.35.due": no user text.
        let uid = "UID:ffc1504ed4cc4889e455bd407f7cdae4@stackplan\r\n"
        #expect(result.stdout.contains(uid))
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        // A later date changes the schedule, not the identity of the events.
        let later = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-08", "--format", "ics",
        ])
        #expect(later.stdout.contains(uid))
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

    @Test func everyJobCountGivesTheSameBytes() throws {
        let generated = try stackplan(["generate-fleet", "--customers", "120", "--seed", "5", "--as-of", "2026-09-01"])
        let fleet = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).yaml")
        try generated.stdout.write(to: fleet, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: fleet) }
        let base = ["plan", "--inventory", fleet.path, "--as-of", "2026-09-01"]
        for format in ["json", "csv", "table"] {
            let serial = try stackplan(base + ["--format", format, "--jobs", "1"])
            #expect(serial.status == 0, "\(serial.stderr)")
            for jobs in ["2", "7"] {
                #expect(try stackplan(base + ["--format", format, "--jobs", jobs]).stdout == serial.stdout)
            }
        }
        for bad in ["0", "257", "many"] {
            let result = try stackplan(base + ["--jobs", bad])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--jobs"), "\(result.stderr)")
        }
    }

    /// An inventory with problems (a customer id repeated far apart, an unknown strategy): the
    /// same messages and exit status whether the customers are read on one thread or several.
    @Test func everyJobCountReportsTheSameProblems() throws {
        let generated = try stackplan(["generate-fleet", "--customers", "90", "--seed", "8", "--as-of", "2026-09-01"])
        let text = generated.stdout
            .replacingOccurrences(of: "id: cust-00088", with: "id: cust-00003")
            .replacingOccurrences(of: "strategy: side-by-side", with: "strategy: sidewise")
        let fleet = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try text.write(to: fleet, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: fleet) }
        let base = ["plan", "--inventory", fleet.path, "--as-of", "2026-09-01"]
        let serial = try stackplan(base + ["--jobs", "1"])
        #expect(serial.status == 65 && serial.stdout.isEmpty)
        #expect(serial.stderr.contains("customer 'cust-00003' is declared twice"), "\(serial.stderr)")
        #expect(serial.stderr.contains("unknown strategy 'sidewise'"))
        for jobs in ["2", "5"] {
            let parallel = try stackplan(base + ["--jobs", jobs])
            #expect(parallel.status == 65 && parallel.stderr == serial.stderr)
        }
    }

    @Test(arguments: [("markdown", "## Qualification"), ("html", "<svg"), ("svg", "</svg>")])
    func roadmapRendersEveryFormat(_ format: String, _ fragment: String) throws {
        let result = try stackplan(
            ["roadmap"] + Self.example + ["--customer", "brightline", "--format", format, "--audience", "internal"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(fragment))
    }

    @Test func roadmapSaysWhatAnUnqualifiedCustomerMustDo() throws {
        let result = try stackplan(["roadmap"] + Self.example + ["--customer", "brightline"])
        #expect(result.stdout.contains("no non-production environment with a cluster: add one to qualify"))
        let emberly = try stackplan(
            ["roadmap"] + Self.example + ["--customer", "emberly", "--horizon", "6", "--audience", "internal"])
        // One blocker line per cause, naming what it blocks.
        #expect(
            emberly.stdout.contains(
                "## Blockers\n\n- emberly-dev: ingress-nginx 1.15.1 → no release: no catalog release of NGINX Ingress "
                    + "Controller runs on Kubernetes 1.35 and 1.36; blocks control plane 1.35 → 1.36, control plane "
                    + "1.36 → 1.37, control plane 1.37 → 1.38\n- emberly-prod: ")
        )
        let blockers =
            (emberly.stdout.components(separatedBy: "## Blockers\n\n").last ?? "").components(separatedBy: "\n## ")
            .first
            ?? ""
        #expect(blockers.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == 2)
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
