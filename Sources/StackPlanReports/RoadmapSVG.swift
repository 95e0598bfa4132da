import StackPlanCore

/// Draws a roadmap's timeline as a self-contained SVG: one row per cluster over the horizon, with
/// planned windows, due dates, end-of-life markers and the plan date.
public struct RoadmapSVG: Sendable {
    static let labelWidth = 230
    static let chartWidth = 720
    static let rowHeight = 34
    static let top = 46

    public init() {}

    public func render(_ roadmap: Roadmap) -> String {
        let clusters = roadmap.clusters
        let projected = clusters.contains { $0.steps.contains(where: \.projected) }
        let frozen = !roadmap.customer.freezes.isEmpty
        let secondRow = projected || frozen
        let height = Self.top + clusters.count * Self.rowHeight + 40 + (secondRow ? 16 : 0)
        let width = Self.labelWidth + Self.chartWidth + 20
        let span = Double(max(1, roadmap.start.days(until: roadmap.end)))
        func x(_ day: CalendarDay) -> Int {
            let offset = Double(roadmap.start.days(until: day)) / span
            return Self.labelWidth + Int((min(max(offset, 0), 1) * Double(Self.chartWidth)).rounded())
        }
        func inside(_ day: CalendarDay) -> Bool { day >= roadmap.start && day < roadmap.end }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="Upgrade timeline for \(HTMLPage.escape(roadmap.customer.name))">
            <title>Upgrade timeline: \(HTMLPage.escape(roadmap.customer.name)), \(roadmap.start) to \(roadmap.end)</title>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        // Month labels are about 46 px wide: label every `every`-th month so they never collide.
        let every = Self.labelEvery(months: roadmap.months)
        for month in 0...roadmap.months {
            let day = roadmap.start.adding(months: month)
            let position = x(day)
            out +=
                "<line x1=\"\(position)\" y1=\"\(Self.top - 14)\" x2=\"\(position)\" y2=\"\(height - 30)\" stroke=\"#e2e2e2\"/>\n"
            if month < roadmap.months, month % every == 0 {
                out +=
                    "<text x=\"\(position + 3)\" y=\"\(Self.top - 18)\" fill=\"#555\">\(Self.monthLabel(day))</text>\n"
            }
        }
        // The plan date, drawn before the rows so no step hides under it.
        let today = x(roadmap.start)
        out +=
            "<line x1=\"\(today)\" y1=\"\(Self.top - 14)\" x2=\"\(today)\" y2=\"\(height - 30)\" stroke=\"#222\" stroke-width=\"1.5\"/>\n"
        for (row, cluster) in clusters.enumerated() {
            let y = Self.top + row * Self.rowHeight
            let label = "\(cluster.cluster.name) (\(cluster.kind == .production ? "prod" : "non-prod"))"
            out += "<text x=\"8\" y=\"\(y + 14)\" font-weight=\"600\">\(HTMLPage.escape(label))</text>\n"
            out +=
                "<text x=\"8\" y=\"\(y + 27)\" fill=\"#555\">\(cluster.cluster.platform) \(cluster.cluster.version.text)"
                + " → \(cluster.target?.text ?? "?") · \(cluster.status.rawValue)</text>\n"
            out +=
                "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 8)\" width=\"\(Self.chartWidth)\" height=\"14\" fill=\"#f4f6f8\"/>\n"
            // The customer's freezes over this cluster's environment: a red band with its reason.
            for freeze in roadmap.customer.freezes
            where freeze.blocks(cluster.environment, from: roadmap.start, through: roadmap.end.adding(days: -1)) {
                let left = x(max(freeze.from, roadmap.start))
                let right = max(left + 2, x(min(freeze.until.adding(days: 1), roadmap.end)))
                out +=
                    "<rect x=\"\(left)\" y=\"\(y + 4)\" width=\"\(right - left)\" height=\"22\" fill=\"#b00020\" "
                    + "fill-opacity=\"0.12\"><title>\(HTMLPage.escape("freeze \(freeze.from) to \(freeze.until): \(freeze.reason)"))</title></rect>\n"
            }
            // Cluster steps first, then component steps on top (they are short and sit inside the row).
            let ordered =
                cluster.steps.filter { $0.action != .upgradeComponent }
                + cluster.steps.filter { $0.action == .upgradeComponent }
            for step in ordered {
                if let begin = step.plannedStart, let finish = step.plannedEnd, finish >= roadmap.start,
                    begin < roadmap.end
                {
                    // Component steps (often one day) sit in the lower part of the row, at least 6 px wide,
                    // in their own colour.
                    let component = step.action == .upgradeComponent
                    let left = x(begin) + (component ? 1 : 0)
                    let right = max(left + (component ? 6 : 3), x(finish.adding(days: 1)) - 1)
                    let color = component ? "#12a38c" : "#2f6fb0"
                    let (top, tall) = component ? (y + 16, 6) : (y + 8, 14)
                    // Projected steps: an outline, dashed, not a filled bar.
                    let paint =
                        step.projected
                        ? "fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\""
                        : "fill=\"\(color)\""
                    out +=
                        "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(right - left)\" height=\"\(tall)\" \(paint)>"
                        + "<title>\(HTMLPage.escape("\(StepText.describe(step)): \(begin) – \(finish)"))</title></rect>\n"
                    if right - left >= 30, step.action != .upgradeComponent, let to = step.to {
                        let ink = step.projected ? "#2f6fb0" : "#fff"
                        out +=
                            "<text x=\"\(left + 3)\" y=\"\(y + 19)\" fill=\"\(ink)\" font-size=\"10\">\(HTMLPage.escape(to))</text>\n"
                    }
                }
                if let due = step.due, due < roadmap.end {
                    // A due date before the timeline starts is overdue: drawn red at the left edge.
                    let overdue = due < roadmap.start
                    let position = x(due)
                    let color = overdue || step.blocked ? "#b00020" : "#e08a00"
                    let label =
                        step.projected ? "projected due ~\(due)" : overdue ? "overdue since \(due)" : "due \(due)"
                    out +=
                        "<path d=\"M\(position) \(y + 3) l5 5 l-5 5 l-5 -5 z\" "
                        + (step.projected
                            ? "fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"1.5\">" : "fill=\"\(color)\">")
                        + "<title>\(HTMLPage.escape("\(label): \(StepText.describe(step))"))</title></path>\n"
                }
            }
            if let eol = cluster.endOfLife, inside(eol) {
                let position = x(eol)
                out +=
                    "<line x1=\"\(position)\" y1=\"\(y + 4)\" x2=\"\(position)\" y2=\"\(y + 26)\" stroke=\"#b00020\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"3 2\"><title>\(cluster.cluster.minor.text) end of life \(eol)</title></line>\n"
            }
        }
        let legendY = height - 12 - (secondRow ? 16 : 0)
        if frozen {
            out +=
                "<rect x=\"\(Self.labelWidth + 480)\" y=\"\(legendY + 6)\" width=\"12\" height=\"10\" fill=\"#b00020\" "
                + "fill-opacity=\"0.12\"/><text x=\"\(Self.labelWidth + 496)\" y=\"\(legendY + 16)\">freeze: no work</text>\n"
        }
        if projected {
            out += """
                <rect x="\(Self.labelWidth)" y="\(legendY + 6)" width="12" height="10" fill="none" stroke="#2f6fb0" \
                stroke-width="1.5" stroke-dasharray="4 3"/>\
                <text x="\(Self.labelWidth + 16)" y="\(legendY + 16)">projected step (minor not yet announced; dates estimated)</text>

                """
        }
        out += """
            <rect x="\(Self.labelWidth)" y="\(legendY - 10)" width="12" height="10" fill="#2f6fb0"/>\
            <text x="\(Self.labelWidth + 16)" y="\(legendY)">cluster step</text>
            <rect x="\(Self.labelWidth + 100)" y="\(legendY - 6)" width="12" height="6" fill="#12a38c"/>\
            <text x="\(Self.labelWidth + 116)" y="\(legendY)">component step</text>
            <path d="M\(Self.labelWidth + 226) \(legendY - 11) l5 5 l-5 5 l-5 -5 z" fill="#e08a00"/>\
            <text x="\(Self.labelWidth + 236)" y="\(legendY)">due date (red: overdue or blocked)</text>
            <line x1="\(Self.labelWidth + 480)" y1="\(legendY - 11)" x2="\(Self.labelWidth + 480)" y2="\(legendY)" \
            stroke="#b00020" stroke-width="2" stroke-dasharray="3 2"/>\
            <text x="\(Self.labelWidth + 486)" y="\(legendY)">end of life of the current minor</text>
            </svg>

            """
        return out
    }

    /// Label every n-th month so labels (about 46 px) never overlap on the chart's width.
    static func labelEvery(months: Int) -> Int {
        let perMonth = Double(chartWidth) / Double(max(1, months))
        return max(1, Int((46 / perMonth).rounded(.up)))
    }

    static func monthLabel(_ day: CalendarDay) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (year, month, _) = day.components
        return "\(names[month - 1]) \(year % 100 < 10 ? "0" : "")\(year % 100)"
    }
}
