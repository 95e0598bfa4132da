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
        let json = SLAJSON(incidents: incidents, customers: customers)
        return Report(
            title: "Incident responses and credits as of \(asOf.isoUTC)", tables: [incidentTable, creditTable],
            notes: [
                "Times in \(zone.identifier). Exposure counts every eligible missed response as if requested; owed "
                    + "counts those requested in time. Both are capped per customer per month."
            ],
            json: json)
    }

    /// The JSON document alone (what `--format json` prints), without building the text tables.
    public static func json(incidents: [IncidentAssessment], customers: [CustomerCredit]) -> some JSONDocument {
        SLAJSON(incidents: incidents, customers: customers)
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

/// The `sla report` JSON, streamed (a log can hold a million incidents).
struct SLAJSON: JSONDocument {
    let incidents: [IncidentAssessment]
    let customers: [CustomerCredit]

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("incidents")
        writer.beginArray()
        for item in incidents {
            writer.beginObject()
            writer.key("id")
            writer.string(item.incident.id)
            writer.key("customer")
            writer.string(item.incident.customer)
            writer.key("severity")
            writer.string(item.incident.severity.rawValue)
            writer.key("opened")
            writer.instant(item.incident.openedAt)
            writer.key("due")
            writer.instant(item.due)
            writer.key("met")
            if let met = item.met { writer.bool(met) } else { writer.null() }
            writer.key("eligible")
            writer.bool(item.eligible)
            writer.key("ineligibleReasons")
            writer.beginArray()
            for reason in item.ineligibleReasons { writer.string(reason.rawValue) }
            writer.endArray()
            writer.key("creditRequest")
            writer.string(item.request.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("customers")
        writer.beginArray()
        for credit in customers {
            writer.beginObject()
            writer.key("id")
            writer.string(credit.customer)
            writer.key("month")
            writer.string(credit.month.description)
            writer.key("missed")
            writer.int(credit.missed)
            writer.key("eligible")
            writer.int(credit.eligible)
            writer.key("exposure")
            writer.double(credit.exposure)
            writer.key("owed")
            writer.double(credit.owed)
            writer.key("cap")
            writer.double(credit.cap)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
