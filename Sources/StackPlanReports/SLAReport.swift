import StackPlanCore

/// Builds the report of `stackplan sla report`: each incident against its target, and credits per
/// customer and month.
public enum SLAReport {
    public static func make(
        incidents: [IncidentAssessment], customers: [CustomerCredit], asOf: Instant, zone: ZoneRules
    ) -> Report {
        func local(_ instant: Instant) -> String { instant.format(offset: zone.offset(at: instant)) }
        func met(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "pending" }
        let incidentTable = TextTable(
            title: "Incidents",
            columns: [
                .init("Incident"), .init("Customer"), .init("Severity"), .init("Opened"), .init("Due"), .init("Met"),
                .init("Eligible"), .init("Credit request"), .init("Not eligible because"),
            ],
            rows: incidents.map {
                [
                    $0.incident.id, $0.incident.customer, $0.incident.severity.rawValue, local($0.incident.openedAt),
                    local($0.due), met($0.met), $0.eligible ? "yes" : "no", $0.request.rawValue,
                    $0.ineligibleReasons.map(\.rawValue).joined(separator: ", "),
                ]
            })
        let creditTable = TextTable(
            title: "Credits",
            columns: [
                .init("Customer"), .init("Month"), .init("Missed", alignRight: true),
                .init("Eligible", alignRight: true),
                .init("Exposure", alignRight: true), .init("Owed", alignRight: true), .init("Cap", alignRight: true),
            ],
            rows: customers.map {
                [
                    $0.customer, $0.month.description, String($0.missed), String($0.eligible), usd($0.exposure),
                    usd($0.owed), usd($0.cap),
                ]
            })
        let json = JSONValue.object([
            (
                "incidents",
                .array(
                    incidents.map {
                        .object([
                            ("id", .string($0.incident.id)), ("customer", .string($0.incident.customer)),
                            ("severity", .string($0.incident.severity.rawValue)),
                            ("opened", .string($0.incident.openedAt.isoUTC)), ("due", .string($0.due.isoUTC)),
                            ("met", $0.met.map(JSONValue.bool) ?? .null), ("eligible", .bool($0.eligible)),
                            ("ineligibleReasons", .array($0.ineligibleReasons.map { .string($0.rawValue) })),
                            ("creditRequest", .string($0.request.rawValue)),
                        ])
                    })
            ),
            (
                "customers",
                .array(
                    customers.map {
                        .object([
                            ("id", .string($0.customer)), ("month", .string($0.month.description)),
                            ("missed", .int($0.missed)), ("eligible", .int($0.eligible)),
                            ("exposure", .double($0.exposure)), ("owed", .double($0.owed)), ("cap", .double($0.cap)),
                        ])
                    })
            ),
        ])
        return Report(
            title: "Incident responses and credits as of \(asOf.isoUTC)", tables: [incidentTable, creditTable],
            notes: [
                "Times in \(zone.identifier). Exposure counts every eligible missed response as if requested; owed "
                    + "counts those requested in time. Both are capped per customer per month."
            ],
            json: json)
    }

    /// `$1,250.00`.
    static func usd(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        var dollars = String(cents / 100)
        var grouped = ""
        while dollars.count > 3 {
            grouped = "," + dollars.suffix(3) + grouped
            dollars = String(dollars.dropLast(3))
        }
        let fraction = cents % 100
        return "$" + dollars + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
