import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Incident log")
struct IncidentLogLoaderTests {
    private let loader = IncidentLogLoader(customers: ["acme": ["acme-prod"], "fjord": []])
    private let header = "id,customer,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt\n"

    @Test func readsRowsWithQuotesAndEmptyFields() throws {
        let text =
            header + "A-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,\r\n\"A,2\",fjord,low,2026-11-02T10:00:00-08:00,"
            + "2026-11-02T11:00:00-08:00,false,true,2026-11-03T10:00:00Z\n\n"
        let result = loader.load(text: text, path: "log.csv")
        #expect(result.diagnostics.isEmpty)
        let incidents = try #require(result.incidents)
        #expect(incidents.map(\.id) == ["A-1", "A,2"])
        #expect(incidents[0].respondedAt == nil && incidents[1].thirdPartyCause)
    }

    @Test func reportsEveryBadRowWithItsLine() {
        let text =
            header + """
                A-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,
                A-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,
                A-3,zeta,severe,2026-11-02 10:00,,yes,false,
                A-4,acme,high,2026-11-02T10:00:00Z,2026-11-02T09:00:00Z,true,false,
                A-5,acme,high
                """
        let result = loader.load(text: text, path: "log.csv")
        #expect(result.incidents == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "log.csv:3: error: incident 'A-1' appears twice [duplicate-id]",
                "log.csv:4: error: 'openedAt' must be ISO 8601 with Z or an offset, not '2026-11-02 10:00' [bad-instant]",
                "log.csv:4: error: 'severity' must be urgent, high, normal or low, not 'severe' [bad-value]",
                "log.csv:4: error: 'technical' must be true or false, not 'yes' [bad-value]",
                "log.csv:4: error: unknown customer 'zeta'; it is not in the inventory [unknown-customer]",
                "log.csv:5: error: 'respondedAt' is before 'openedAt' [bad-order]",
                "log.csv:6: error: expected 8 fields, found 3 [bad-row]",
            ])
    }

    @Test func rejectsAWrongHeader() {
        let result = loader.load(text: "id,customer\nA,acme\n", path: "log.csv")
        #expect(result.diagnostics.map(\.code) == ["bad-header"])
    }
}

@Suite("Incident log: the cluster column")
struct IncidentLogClusterTests {
    private let loader = IncidentLogLoader(customers: ["acme": ["acme-prod", "acme-stage"]])

    @Test(arguments: [
        "id,customer,cluster,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt\n"
            + "A-1,acme,acme-prod,urgent,2026-11-02T10:00:00Z,,true,false,\nA-2,acme,,low,2026-11-02T10:00:00Z,,true,false,\n",
        "id,customer,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt,cluster\n"
            + "A-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,,acme-prod\nA-2,acme,low,2026-11-02T10:00:00Z,,true,false,,\n",
    ])
    func readsAnOptionalClusterColumnAnywhere(_ text: String) throws {
        let result = loader.load(text: text, path: "log.csv")
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.incidents).map(\.cluster) == ["acme-prod", nil])
    }

    @Test func anUnknownClusterIsAnError() {
        let text =
            "id,customer,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt,cluster\n"
            + "A-1,acme,urgent,2026-11-02T10:00:00Z,,true,false,,nope\n"
        #expect(
            loader.load(text: text, path: "log.csv").diagnostics.map(\.description) == [
                "log.csv:2: error: customer 'acme' has no cluster 'nope' in the inventory [unknown-cluster]"
            ])
    }

    @Test func aSecondClusterColumnIsABadHeader() {
        let text =
            "id,customer,cluster,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt,cluster\n"
        #expect(loader.load(text: text, path: "log.csv").diagnostics.map(\.code) == ["bad-header"])
    }
}
