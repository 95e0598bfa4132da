import StackPlanCore

/// Renders a roadmap as Markdown or as a self-contained HTML page with the SVG timeline inline.
public struct RoadmapDocument: Sendable {
    public init() {}

    static let clusterColumns = [
        "Cluster", "Version", "Target", "End of life", "Ext. support ends", "Next due", "SLA", "Status",
    ]

    /// One row per cluster; "Next due" is the earliest due date of anything on the cluster.
    private func clusterRows(_ roadmap: Roadmap) -> [[String]] {
        roadmap.clusters.map {
            [
                $0.cluster.name, $0.cluster.version.text, $0.target?.text ?? "-", $0.endOfLife?.description ?? "-",
                $0.endOfExtendedSupport?.description ?? "-", $0.firstDue?.description ?? "-",
                $0.slaApplies ? "applies" : $0.slaReasons.map(\.rawValue).joined(separator: ", "), $0.status.rawValue,
            ]
        }
    }

    static let strategyHeader = ["Cluster", "In place", "Side by side", "Recommended", "Why"]

    /// Per cluster behind its target: both strategies (steps, finish, deadlines) and the pick.
    static func strategyRows(_ roadmap: Roadmap) -> [[String]] {
        roadmap.clusters.compactMap { cluster in
            guard let comparison = cluster.comparison else { return nil }
            func describe(_ strategy: UpgradeStrategy) -> String {
                guard let option = comparison.alternatives.first(where: { $0.strategy == strategy }) else { return "-" }
                let windows = "\(option.windows) window\(option.windows == 1 ? "" : "s")"
                let finish = option.finishes.map { "done \($0)" } ?? "cannot finish"
                let deadline = option.meetsDeadlines ? "meets every deadline" : "misses a deadline"
                let extra = option.secondClusterDays.map { ", a second cluster for \($0) days" } ?? ""
                return "\(windows), \(finish), \(deadline)\(extra)" + (option.planned ? "" : " (estimate)")
            }
            return [
                cluster.cluster.name, describe(.inPlace), describe(.sideBySide), comparison.recommended.rawValue,
                comparison.why,
            ]
        }
    }

    static let stepColumns = ["Cluster", "Action", "Path", "Due", "Planned window", "Blocked", "Reason"]

    private func environmentRows(_ roadmap: Roadmap) -> [[String]] {
        roadmap.customer.environments.map { environment in
            [
                environment.name, environment.kind.rawValue, String(environment.clusters.count),
                environment.clusters.map { "\($0.name) (\($0.platform) \($0.version.text))" }.joined(separator: ", "),
            ]
        }
    }

    /// One line per conformance finding, `required` first; "None." when everything conforms.
    private func conformanceLines(_ roadmap: Roadmap) -> [String] {
        roadmap.conformance.flatMap { cluster in
            cluster.findings.sorted { $0.level > $1.level }.map {
                "\(cluster.cluster): \($0.level.rawValue) \($0.code)\($0.component.map { " (\($0))" } ?? ""): \($0.message) "
                    + "\($0.remedy)"
            }
        }
    }

    private func notes(_ roadmap: Roadmap) -> (blockers: [String], waivers: [String], warnings: [String]) {
        let blockers = roadmap.blockers.map { cluster, cause, blocks in
            let blocked = blocks.isEmpty ? "" : "; blocks " + blocks.map(StepText.describe).joined(separator: ", ")
            return "\(cluster.cluster.name): \(StepText.describe(cause)): \(cause.reason)\(blocked)"
        }
        let waivers = roadmap.clusters.compactMap { cluster in
            cluster.waiver.map { "\(cluster.cluster.name): deadlines deferred to \($0.until) — \($0.reason)" }
        }
        let warnings = roadmap.clusters.flatMap { cluster in cluster.warnings.map { "\(cluster.cluster.name): \($0)" } }
        return (blockers, waivers, warnings)
    }

    /// The Markdown document; the timeline is described in words (use the SVG or HTML for the chart).
    public func markdown(_ roadmap: Roadmap) -> String {
        func table(_ header: [String], _ rows: [[String]]) -> String {
            let line = { (cells: [String]) in
                "| " + cells.map(MarkdownRenderer.escape).joined(separator: " | ") + " |\n"
            }
            return line(header) + line(header.map { _ in "---" }) + rows.map(line).joined()
        }
        let (blockers, waivers, warnings) = notes(roadmap)
        var out = "# Upgrade roadmap: \(roadmap.customer.name)\n\n"
        out += "As of \(roadmap.start), catalog \(roadmap.plan.catalogVersion), horizon \(roadmap.months) months "
        out += "(to \(roadmap.end)).\n\n## Environments\n\n"
        out += table(["Environment", "Kind", "Clusters", "Versions"], environmentRows(roadmap))
        out += "\n## Qualification\n\n"
        out +=
            (roadmap.qualificationAdvice ?? "\(roadmap.customer.name) is qualified: \(roadmap.qualification.reason).")
            + "\n"
        out += "\n## Clusters\n\n"
        out += table(Self.clusterColumns, clusterRows(roadmap))
        out += "\n## Steps\n\n" + table(Self.stepColumns, roadmap.stepRows)
        let strategies = Self.strategyRows(roadmap)
        if !strategies.isEmpty { out += "\n## In-place or side-by-side\n\n" + table(Self.strategyHeader, strategies) }
        out += "\n## Blockers\n\n" + (blockers.isEmpty ? "None.\n" : blockers.map { "- \($0)\n" }.joined())
        let findings = conformanceLines(roadmap).map(MarkdownRenderer.escape)
        out += "\n## Conformance\n\n" + (findings.isEmpty ? "None.\n" : findings.map { "- \($0)\n" }.joined())
        if !waivers.isEmpty { out += "\n## Waivers\n\n" + waivers.map { "- \($0)\n" }.joined() }
        if !warnings.isEmpty { out += "\n## Warnings\n\n" + warnings.map { "- \($0)\n" }.joined() }
        return out
    }

    /// The HTML page: the same sections, with the timeline chart embedded.
    public func html(_ roadmap: Roadmap) -> String {
        let esc = HTMLPage.escape
        let table = { (header: [String], rows: [[String]]) in HTMLPage.table(header, rows) }
        let list = HTMLPage.list
        let (blockers, waivers, warnings) = notes(roadmap)
        let name = esc(roadmap.customer.name)
        var out = "<p>As of \(roadmap.start), catalog \(roadmap.plan.catalogVersion), horizon \(roadmap.months) months "
        out += "(to \(roadmap.end)).</p>\n<h2>Environments</h2>\n"
        out += table(["Environment", "Kind", "Clusters", "Versions"], environmentRows(roadmap))
        out += "<h2>Qualification</h2>\n"
        if let advice = roadmap.qualificationAdvice {
            out += "<p class=\"advice\">\(esc(advice))</p>\n"
        } else {
            out += "<p>\(name) is qualified: \(esc(roadmap.qualification.reason)).</p>\n"
        }
        out += "<h2>Clusters</h2>\n" + table(Self.clusterColumns, clusterRows(roadmap))
        out += "<h2>Timeline</h2>\n" + RoadmapSVG().render(roadmap)
        out += "<h2>Steps</h2>\n" + table(Self.stepColumns, roadmap.stepRows)
        let strategies = Self.strategyRows(roadmap)
        if !strategies.isEmpty { out += "<h2>In-place or side-by-side</h2>\n" + table(Self.strategyHeader, strategies) }
        out += "<h2>Blockers</h2>\n" + list(blockers)
        out += "<h2>Conformance</h2>\n" + list(conformanceLines(roadmap))
        if !waivers.isEmpty { out += "<h2>Waivers</h2>\n" + list(waivers) }
        if !warnings.isEmpty { out += "<h2>Warnings</h2>\n" + list(warnings) }
        return HTMLPage.render(
            title: "Upgrade roadmap: \(roadmap.customer.name)",
            extraStyle: ".advice { padding: 0.6rem 1rem; background: #fff4e5; border-left: 4px solid #e08a00; }",
            body: out)
    }
}
