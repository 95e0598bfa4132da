import StackPlanCore

/// The conformance report: every cluster's findings against the agreed standard.
public enum ConformanceReport {
    public static func make(_ clusters: [ClusterConformance], asOf: CalendarDay, catalogVersion: Quarter) -> Report {
        let table = TextTable(
            title: "Findings",
            columns: [
                .init("Customer"), .init("Cluster"), .init("Environment"), .init("Level"), .init("Code"),
                .init("Component"), .init("Message"), .init("Remedy"),
            ],
            rows: clusters.flatMap { cluster in
                cluster.findings.map {
                    [
                        cluster.customer, cluster.cluster, cluster.environment, $0.level.rawValue, $0.code,
                        $0.component ?? "-", $0.message, $0.remedy,
                    ]
                }
            })
        let summary = ConformanceReview.summary(clusters)
        let json = JSONValue.object([
            ("asOf", .day(asOf)), ("catalogVersion", .string(catalogVersion.description)),
            (
                "clusters",
                .array(
                    clusters.map { cluster in
                        .object([
                            ("customer", .string(cluster.customer)), ("cluster", .string(cluster.cluster)),
                            ("environment", .string(cluster.environment)), ("evidence", .day(cluster.evidence)),
                            (
                                "findings",
                                .array(
                                    cluster.findings.map {
                                        .object([
                                            ("level", .string($0.level.rawValue)), ("code", .string($0.code)),
                                            ("component", .text($0.component)), ("message", .string($0.message)),
                                            ("remedy", .string($0.remedy)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "summary",
                .object(FindingLevel.allCases.reversed().map { ($0.rawValue, .int(summary[$0] ?? 0)) })
            ),
        ])
        return Report(
            title: "Conformance as of \(asOf) (catalog \(catalogVersion))", tables: [table],
            notes: [
                "\(summary[.required] ?? 0) required, \(summary[.recommended] ?? 0) recommended, \(summary[.info] ?? 0) "
                    + "info finding(s) on \(clusters.count) cluster(s)."
            ], json: json)
    }

    /// The customer-facing standard report: per cluster, what deviates and why it matters, what
    /// will be done, and the date of the evidence.
    public static func html(_ clusters: [ClusterConformance], asOf: CalendarDay, catalogVersion: Quarter) -> String {
        let report = make(clusters, asOf: asOf, catalogVersion: catalogVersion)
        var body = "<p>\(HTMLPage.escape(report.notes.joined(separator: " ")))</p>\n"
        for cluster in clusters {
            body += "<h2>\(HTMLPage.escape("\(cluster.customer) / \(cluster.cluster)")) "
            body += "<small>(\(HTMLPage.escape(cluster.environment)), \(cluster.kind.rawValue))</small></h2>\n"
            let evidence =
                cluster.evidence.map { "Conformance evidence: the run of \($0)." } ?? "No conformance run on record."
            body += "<p>\(HTMLPage.escape(evidence))</p>\n"
            if cluster.findings.isEmpty {
                body += "<p>Conforms: nothing deviates from the standard.</p>\n"
                continue
            }
            body += HTMLPage.table(
                ["Level", "What deviates and why it matters", "What will be done"],
                cluster.findings.map { [$0.level.rawValue, $0.message, $0.remedy] }
            ) { index, text in index == 0 ? "level-\(text)" : nil }
        }
        return HTMLPage.render(
            title: report.title,
            extraStyle:
                "td.level-required { color: #b00020; font-weight: 600; } td.level-recommended { color: #8a5a00; }",
            body: body)
    }
}
