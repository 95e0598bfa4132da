import StackPlanCore

/// Builds the report of `stackplan sla report`: each incident against its target, and credits per
/// customer and month.
public enum SLAReport {
    public static func make(
        incidents: [IncidentAssessment], customers: [CustomerCredit], asOf: Instant, zone: ZoneRules
    ) -> Report {
        // The incidents' rows are made as they are written (a log can hold a million).
        let incidentTable = LazyTextTable(
            title: "Incidents",
            columns: [
                .init("Incident"), .init("Customer"), .init("Cluster"), .init("Severity"), .init("Opened"),
                .init("Due"), .init("Response"), .init("Eligible"), .init("Credit request"),
                .init("Not eligible because"), .init("Notes"),
            ],
            rows: Remade { incidents.lazy.map { row($0, zone: zone) } })
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
        let notes = [
            "Times in \(zone.identifier). Nothing recorded after the as-of instant counts. Exposure counts every "
                + "eligible missed response as if requested; owed counts those requested in time. Both are capped "
                + "per customer per month.",
            withoutClusterNote(incidents),
        ]
        return Report(
            title: "Incident responses and credits as of \(asOf.isoUTC)",
            tables: [incidentTable, LazyTextTable(creditTable)], notes: Remade { notes }, json: json)
    }

    /// One incident's row: times in the business time zone, the severity with the one applied.
    private static func row(_ item: IncidentAssessment, zone: ZoneRules) -> [String] {
        func local(_ instant: Instant) -> String { instant.format(offset: zone.offset(at: instant)) }
        let severity =
            item.appliedSeverity == item.incident.severity
            ? item.incident.severity.rawValue
            : "\(item.incident.severity.rawValue) → \(item.appliedSeverity.rawValue)"
        return [
            item.incident.id, item.incident.customer, item.incident.cluster ?? "-", severity,
            local(item.incident.openedAt), local(item.due), item.state.rawValue, item.eligible ? "yes" : "no",
            item.request.rawValue, item.ineligibleReasons.map(\.rawValue).joined(separator: ", "),
            item.flags.map(\.rawValue).joined(separator: ", "),
        ]
    }

    /// The version rule (no SLA on unsupported versions) needs the incident's cluster: say how
    /// many incidents it could not be applied to.
    static func withoutClusterNote(_ incidents: [IncidentAssessment]) -> String {
        let count = SLAJSON.withoutCluster(incidents)
        return count == 0
            ? "Every incident names its cluster: the supported-version rule was applied to all."
            : "\(count) of \(incidents.count) incidents name no cluster: the supported-version rule (two most recent "
                + "minors, never end of life) could not be applied to them."
    }

    /// The JSON document alone (what the benchmark times).
    public static func json(incidents: [IncidentAssessment], customers: [CustomerCredit]) -> some JSONDocument {
        SLAJSON(incidents: incidents, customers: customers)
    }

    /// `$1,250.00`.
    public static func usd(_ value: Double) -> String {
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

    private static let severities = JSONNames<IncidentSeverity>()
    private static let states = JSONNames<ResponseState>()
    private static let reasons = JSONNames<IneligibleReason>()
    private static let flags = JSONNames<IncidentFlag>()
    private static let requests = JSONNames<CreditRequest>()

    static func withoutCluster(_ incidents: [IncidentAssessment]) -> Int {
        incidents.reduce(0) { $0 + ($1.incident.cluster == nil ? 1 : 0) }
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("incidentsWithoutCluster")
        writer.int(Self.withoutCluster(incidents))
        writer.key("incidents")
        writer.beginArray()
        for item in incidents {
            writer.beginObject()
            writer.key("id")
            writer.string(item.incident.id)
            writer.key("customer")
            writer.string(item.incident.customer)
            writer.key("cluster")
            writer.string(item.incident.cluster)
            writer.key("severity")
            writer.string(item.incident.severity, from: Self.severities)
            writer.key("appliedSeverity")
            writer.string(item.appliedSeverity, from: Self.severities)
            writer.key("opened")
            writer.instant(item.incident.openedAt)
            writer.key("due")
            writer.instant(item.due)
            writer.key("state")
            writer.string(item.state, from: Self.states)
            writer.key("met")
            writer.bool(item.state != .missed)
            writer.key("eligible")
            writer.bool(item.eligible)
            writer.key("ineligibleReasons")
            writer.beginArray()
            for reason in item.reasonSet { writer.string(reason, from: Self.reasons) }
            writer.endArray()
            writer.key("flags")
            writer.beginArray()
            for flag in item.flagSet { writer.string(flag, from: Self.flags) }
            writer.endArray()
            writer.key("creditRequest")
            writer.string(item.request, from: Self.requests)
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
