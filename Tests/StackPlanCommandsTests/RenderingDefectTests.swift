import Foundation
import Testing

/// Rendering defects found in use (issue 10, items 6 and 7).
@Suite("Rendering defects")
struct RenderingDefectTests {
    private let example = ["--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01"]

    private func roadmap(_ customer: String, _ format: String, horizon: Int = 12) throws -> String {
        let result = try stackplan(
            ["roadmap"] + example + [
                "--customer", customer, "--format", format, "--horizon", String(horizon), "--audience", "internal",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func theRoadmapPageHasTheClustersSection() throws {
        let html = try roadmap("ironwood", "html")
        #expect(html.contains("<h2>Clusters</h2>"))
        #expect(html.contains("<th>Next due</th>") && html.contains("<th>Ext. support ends</th>"))
    }

    @Test func componentStepsAreVisibleAndNamed() throws {
        let svg = try roadmap("ironwood", "svg")
        let rects = svg.components(separatedBy: "<rect ").filter { $0.contains("fill=\"#12a38c\"><title>") }
        #expect(!rects.isEmpty)
        for rect in rects {
            let width = rect.components(separatedBy: "width=\"").dropFirst().first?.prefix { $0.isNumber }
            #expect(Int(width ?? "") ?? 0 >= 6)
            #expect(rect.contains("<title>ingress-nginx ") || rect.contains("<title>calico "))
        }
        #expect(!svg.contains("→ ?"))
    }

    @Test(arguments: [12, 24, 36, 60])
    func monthLabelsNeverCollide(_ horizon: Int) throws {
        let svg = try roadmap("emberly", "svg", horizon: horizon)
        let positions = svg.components(separatedBy: "\n").filter {
            $0.hasPrefix("<text") && $0.contains("fill=\"#555\">")
        }
        .filter { line in
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                .contains { line.contains(">\($0) ") }
        }
        .compactMap { line in Int(line.components(separatedBy: "x=\"")[1].prefix { $0.isNumber }) }
        #expect(positions.count >= 6)
        for (left, right) in zip(positions, positions.dropFirst()) { #expect(right - left >= 46) }
    }

    @Test func theForecastChartHasAnAxisALegendAndRoomForItsText() throws {
        let result = try stackplan([
            "forecast", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-25", "--format", "html",
        ])
        let svg = try #require(result.stdout.components(separatedBy: "<svg").last)
        #expect(svg.contains(">due dates</text>"))
        #expect(svg.contains("this month, overdue due dates included"))
        #expect(svg.contains("text-anchor=\"end\" fill=\"#555\">0</text>"))
        let width = Int(svg.components(separatedBy: "width=\"")[1].prefix { $0.isNumber }) ?? 0
        #expect(width >= 520)
    }

    @Test func aCustomersCalendarIsNamedAfterItAndSequencedByDate() throws {
        let one = try stackplan(["plan"] + example + ["--customer", "ironwood", "--format", "ics"])
        #expect(one.stdout.contains("X-WR-CALNAME:StackPlan upgrade plan: Ironwood Media\r\n"))
        // 2000-01-01 to 2026-09-01 is 9740 days; a week later the sequence is 7 higher.
        #expect(one.stdout.contains("SEQUENCE:9740\r\n"))
        let later = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-08", "--customer", "ironwood",
            "--format", "ics",
        ])
        #expect(later.stdout.contains("SEQUENCE:9747\r\n"))
        let fleet = try stackplan(["plan"] + example + ["--format", "ics"])
        #expect(fleet.stdout.contains("X-WR-CALNAME:StackPlan upgrade plan\r\n"))
    }
}
