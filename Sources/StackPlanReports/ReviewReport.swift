import StackPlanCore

/// The quarterly review board pack: candidates first with their evidence, then the rest, then the
/// stack by tier and category, and what each tier promises.
public struct ReviewReport: Sendable {
    public let quarter: Quarter
    public let asOf: CalendarDay
    public let catalog: Catalog
    public let reviews: [ComponentReview]

    public init(quarter: Quarter, asOf: CalendarDay, catalog: Catalog, reviews: [ComponentReview]) {
        self.quarter = quarter
        self.asOf = asOf
        self.catalog = catalog
        self.reviews = reviews
    }

    private func verdict(_ review: ComponentReview) -> String {
        let moves = review.evaluations.filter(\.candidate).map {
            "\($0.move.kind == .promotion ? "promotion" : "demotion") candidate: \($0.move.from.rawValue) → \($0.move.to.rawValue)"
        }
        return moves.isEmpty ? "no change proposed" : moves.joined(separator: "; ")
    }

    private func rows(_ evaluation: MoveEvaluation) -> [[String]] {
        evaluation.results.map {
            [
                $0.criterion.id + ($0.criterion.description.isEmpty ? "" : " — \($0.criterion.description)"),
                $0.criterion.required ? "required" : "advisory", $0.criterion.threshold, $0.shown,
                $0.passed ? "pass" : "fail",
            ]
        }
    }

    private var summary: (header: [String], rows: [[String]]) {
        let tiers: [Tier] = [.infrastructure, .certified, .catalog]
        let rows = catalog.categories.map { category -> [String] in
            [category.name]
                + tiers.map { tier in
                    catalog.components.filter { $0.category == category.id && $0.tier == tier }.map(\.name)
                        .joined(separator: ", ")
                }
        }
        return (["Category"] + tiers.map(\.rawValue), rows)
    }

    static let criterionHeader = ["Criterion", "Kind", "Threshold", "Measured", "Result"]

    /// The board pack in Markdown.
    public func markdown() -> String {
        func table(_ header: [String], _ rows: [[String]]) -> String {
            let line = { (cells: [String]) in
                "| " + cells.map(MarkdownRenderer.escape).joined(separator: " | ") + " |\n"
            }
            return line(header) + line(header.map { _ in "---" }) + rows.map(line).joined()
        }
        var out = "# Catalog review \(quarter)\n\nEvidence as of \(asOf), catalog edition \(catalog.version).\n"
        let candidates = reviews.filter(\.isCandidate)
        out += "\n## Candidates\n\n"
        out +=
            candidates.isEmpty
            ? "None.\n"
            : candidates.map { "- **\($0.component.name)** (\($0.component.id)): \(verdict($0))\n" }.joined()
        for review in reviews {
            out += "\n## \(review.component.name) — \(review.component.tier.rawValue)\n\n\(verdict(review)).\n"
            for evaluation in review.evaluations {
                out +=
                    "\n### \(evaluation.move.from.rawValue) → \(evaluation.move.to.rawValue) (\(evaluation.move.kind.rawValue))\n\n"
                out += table(Self.criterionHeader, rows(evaluation))
            }
        }
        out += "\n## The stack by tier and category\n\n" + table(summary.header, summary.rows)
        if !catalog.tiers.isEmpty {
            out += "\n## What each tier promises\n\n"
            out += table(
                ["Tier", "Support", "Lifecycle", "Upgrade guarantee"],
                catalog.tiers.map { [$0.tier.rawValue, $0.support, $0.lifecycle, $0.upgradeGuarantee] })
        }
        return out
    }

    /// The board pack as a self-contained HTML page.
    public func html() -> String {
        let esc = HTMLPage.escape
        func table(_ header: [String], _ rows: [[String]]) -> String {
            HTMLPage.table(header, rows) { _, cell in cell == "pass" || cell == "fail" ? cell : nil }
        }
        var out = "<p>Evidence as of \(asOf), catalog edition \(catalog.version).</p>\n<h2>Candidates</h2>\n"
        let candidates = reviews.filter(\.isCandidate)
        out +=
            candidates.isEmpty
            ? "<p>None.</p>\n"
            : "<ul>\n"
                + candidates.map { "<li><strong>\(esc($0.component.name))</strong>: \(esc(verdict($0)))</li>\n" }
                .joined() + "</ul>\n"
        for review in reviews {
            out +=
                "<section>\n<h2>\(esc(review.component.name)) — \(review.component.tier.rawValue)</h2>\n<p>\(esc(verdict(review))).</p>\n"
            for evaluation in review.evaluations {
                out +=
                    "<h3>\(evaluation.move.from.rawValue) → \(evaluation.move.to.rawValue) (\(evaluation.move.kind.rawValue))</h3>\n"
                out += table(Self.criterionHeader, rows(evaluation))
            }
            out += "</section>\n"
        }
        out += "<h2>The stack by tier and category</h2>\n" + table(summary.header, summary.rows)
        if !catalog.tiers.isEmpty {
            out += "<h2>What each tier promises</h2>\n"
            out += table(
                ["Tier", "Support", "Lifecycle", "Upgrade guarantee"],
                catalog.tiers.map { [$0.tier.rawValue, $0.support, $0.lifecycle, $0.upgradeGuarantee] })
        }
        return HTMLPage.render(
            title: "Catalog review \(quarter)",
            extraStyle: """
                body { max-width: 70rem; }
                td.pass { color: #1b6e20; font-weight: 600; }
                td.fail { color: #b00020; font-weight: 600; }
                section { page-break-inside: avoid; }
                """, body: out)
    }

    /// The board pack as JSON.
    public func json() -> JSONValue {
        .object([
            ("quarter", .string(quarter.description)), ("asOf", .day(asOf)),
            ("catalogVersion", .string(catalog.version.description)),
            (
                "components",
                .array(
                    reviews.map { review in
                        .object([
                            ("id", .string(review.component.id)), ("name", .string(review.component.name)),
                            ("category", .string(review.component.category)),
                            ("tier", .string(review.component.tier.rawValue)),
                            ("candidate", .bool(review.isCandidate)),
                            (
                                "moves",
                                .array(
                                    review.evaluations.map { evaluation in
                                        .object([
                                            ("id", .string(evaluation.move.id)),
                                            ("from", .string(evaluation.move.from.rawValue)),
                                            ("to", .string(evaluation.move.to.rawValue)),
                                            ("kind", .string(evaluation.move.kind.rawValue)),
                                            ("candidate", .bool(evaluation.candidate)),
                                            (
                                                "criteria",
                                                .array(
                                                    evaluation.results.map {
                                                        .object([
                                                            ("id", .string($0.criterion.id)),
                                                            ("required", .bool($0.criterion.required)),
                                                            ("threshold", .string($0.criterion.threshold)),
                                                            ("value", $0.value.map(JSONValue.double) ?? .null),
                                                            ("measured", .string($0.shown)),
                                                            ("passed", .bool($0.passed)),
                                                        ])
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "tiers",
                .array(
                    catalog.tiers.map {
                        .object([
                            ("tier", .string($0.tier.rawValue)), ("support", .string($0.support)),
                            ("lifecycle", .string($0.lifecycle)), ("upgradeGuarantee", .string($0.upgradeGuarantee)),
                        ])
                    })
            ),
        ])
    }
}
