import Foundation
import Testing

@Suite("stackplan sla", .serialized)
struct SLACLITests {
    @Test func dueAsJSON() throws {
        let result = try stackplan([
            "sla", "due", "--severity", "low", "--opened", "2026-12-31T16:30:00-08:00", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                {
                  "severity": "low",
                  "opened": "2027-01-01T00:30:00Z",
                  "due": "2027-01-05T00:30:00Z",
                  "clock": "business"
                }

                """)
    }

    @Test func dueAsTextShowsPacificAndUTC() throws {
        let result = try stackplan(["sla", "due", "--severity", "normal", "--opened", "2026-03-06T16:30:00-08:00"])
        #expect(
            result.stdout.contains("due:      2026-03-09T08:30:00-07:00 (America/Los_Angeles) = 2026-03-09T15:30:00Z"))
    }

    @Test func dueRejectsAnInstantWithoutAZone() throws {
        #expect(try stackplan(["sla", "due", "--severity", "normal", "--opened", "2026-03-06T16:30:00"]).status == 64)
    }

    static let report = [
        "sla", "report", "--incidents", "examples/incidents.csv", "--inventory", "examples/inventory.yaml", "--as-of",
        "2026-11-25T20:00:00Z",
    ]

    @Test func reportCoversEveryEligibilityRule() throws {
        let result = try stackplan(Self.report + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let incidents = try #require(root["incidents"] as? [[String: Any]])
        let reasons = Set(incidents.flatMap { $0["ineligibleReasons"] as? [String] ?? [] })
        #expect(
            reasons == [
                "met", "not-yet-due", "non-technical", "third-party-cause", "during-onboarding", "customer-in-breach",
                "unsupported-version",
            ])
        let requests = Set(incidents.compactMap { $0["creditRequest"] as? String })
        #expect(requests == ["in-time", "late", "none"])
        let customers = try #require(root["customers"] as? [[String: Any]])
        let brightline = try #require(customers.first { $0["id"] as? String == "brightline" })
        #expect(brightline["exposure"] as? Int == 1000 && brightline["cap"] as? Int == 1000)
        let emberly = try #require(customers.first { $0["id"] as? String == "emberly" })
        #expect(emberly["exposure"] as? Int == 250 && emberly["owed"] as? Int == 0)
        // cobalt-prod runs EKS 1.34, outside the two most recent minors when INC-1005 opened.
        let cobalt = try #require(customers.first { $0["id"] as? String == "cobalt" })
        #expect(cobalt["exposure"] as? Int == 0 && cobalt["missed"] as? Int == 1)
        #expect(root["incidentsWithoutCluster"] as? Int == 2)
        let stage = try #require(incidents.first { $0["id"] as? String == "INC-1018" })
        #expect(
            stage["appliedSeverity"] as? String == "normal"
                && stage["flags"] as? [String] == ["severity-not-applicable"])
        #expect(stage["state"] as? String == "met" && stage["met"] as? Bool == true)
        let open = try #require(incidents.first { $0["id"] as? String == "INC-1009" })
        #expect(open["state"] as? String == "open" && open["met"] as? Bool == true)
        let acmeOctober = try #require(
            customers.first { $0["id"] as? String == "acme" && $0["month"] as? String == "2026-10" })
        #expect(acmeOctober["owed"] as? Int == 250)
    }

    @Test func nothingAfterTheAsOfDateCounts() throws {
        let result = try stackplan([
            "sla", "report", "--incidents", "examples/incidents.csv", "--inventory", "examples/inventory.yaml",
            "--as-of", "2026-11-02", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let incidents = try #require(root["incidents"] as? [[String: Any]])
        // Only what was opened by the end of 2026-11-02 (Pacific): brightline's 13–17 November are unknown.
        #expect(incidents.compactMap { $0["id"] as? String } == ["INC-1001", "INC-1016"])
        let customers = try #require(root["customers"] as? [[String: Any]])
        #expect(!customers.contains { $0["id"] as? String == "brightline" })
        // INC-1016's credit request of 2026-11-02T09:00 Pacific is known on that date.
        #expect(incidents.last?["creditRequest"] as? String == "in-time")
    }

    @Test(arguments: ["2026-11-02", "2026-11-16", "2026-11-25"])
    func forecastAndReportAgreeOnExposure(_ date: String) throws {
        let files = [
            "--incidents", "examples/incidents.csv", "--inventory", "examples/inventory.yaml", "--as-of", date,
        ]
        let report = try stackplan(["sla", "report"] + files + ["--format", "json"])
        let forecast = try stackplan(["forecast"] + files + ["--format", "json"])
        let reportRoot = try #require(
            try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let forecastRoot = try #require(
            try JSONSerialization.jsonObject(with: Data(forecast.stdout.utf8)) as? [String: Any])
        var exposure: [String: Double] = [:]
        for row in reportRoot["customers"] as? [[String: Any]] ?? [] {
            exposure[row["id"] as? String ?? "", default: 0] += (row["exposure"] as? NSNumber)?.doubleValue ?? 0
        }
        for row in forecastRoot["customers"] as? [[String: Any]] ?? [] {
            let id = row["id"] as? String ?? ""
            #expect((row["creditExposure"] as? NSNumber)?.doubleValue == exposure[id] ?? 0, "\(id) on \(date)")
        }
    }

    @Test(arguments: ["table", "csv", "markdown"])
    func reportRendersTextFormats(_ format: String) throws {
        let result = try stackplan(Self.report + ["--format", format, "--month", "2026-11"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("INC-1002"))
        #expect(!result.stdout.contains("INC-1016"))
    }

    @Test func aBadLogExits65WithoutAReport() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        id,customer,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt
        X-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,
        X-2,acme,urgent,not-a-time,,true,false,
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try stackplan([
            "sla", "report", "--incidents", file.path, "--inventory", "examples/inventory.yaml", "--format", "json",
        ])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file.lastPathComponent):3: error: 'openedAt' must be ISO 8601"))
    }
}

@Suite("stackplan forecast", .serialized)
struct ForecastCLITests {
    static let arguments = [
        "forecast", "--inventory", "examples/inventory.yaml", "--incidents", "examples/incidents.csv", "--as-of",
        "2026-11-25", "--horizon", "6",
    ]

    @Test func jsonRanksEveryCustomer() throws {
        let result = try stackplan(Self.arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let customers = try #require(root["customers"] as? [[String: Any]])
        #expect(customers.count == 9)
        #expect(customers.compactMap { $0["riskRank"] as? Int } == Array(1...9))
        let keys: Set<String> = [
            "id", "qualified", "clustersOutsideSla", "overdue", "atRisk", "dueWithinHorizon", "nextDue",
            "creditExposure",
            "extendedSupportSurcharge", "riskRank",
        ]
        for customer in customers { #expect(keys.isSubset(of: Set(customer.keys))) }
        let harbourview = try #require(customers.first { $0["id"] as? String == "harbourview" })
        #expect(harbourview["extendedSupportSurcharge"] as? Int == 365)
        let brightline = try #require(customers.first { $0["id"] as? String == "brightline" })
        #expect(brightline["creditExposure"] as? Int == 1000)
        #expect((root["deadlinesByMonth"] as? [[String: Any]])?.count == 7)
    }

    @Test(arguments: [("table", "Risk score"), ("csv", "Rank,Customer"), ("markdown", "| Rank |"), ("html", "<svg")])
    func rendersEveryFormat(_ format: String, _ fragment: String) throws {
        let result = try stackplan(Self.arguments + ["--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(fragment))
    }

    @Test func worksWithoutAnIncidentLog() throws {
        let result = try stackplan(["forecast", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-25"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("harbourview"))
    }
}
