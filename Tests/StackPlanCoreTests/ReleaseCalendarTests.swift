import Testing

@testable import StackPlanCore

/// EKS dates from catalog/platforms/eks.yaml, trimmed to the minors these cases need.
private let eks: [PlatformRelease] = [
    release("1.37", "2026-10-01", eol: nil, eoes: nil, planned: true),
    release("1.36", "2026-06-02", eol: "2027-08-02", eoes: "2028-08-02"),
    release("1.35", "2026-01-28", eol: "2027-03-27", eoes: "2028-03-27"),
    release("1.34", "2025-10-06", eol: "2026-12-02", eoes: "2027-12-02"),
    release("1.33", "2025-05-28", eol: "2026-07-29", eoes: "2027-07-29"),
    release("1.20", "2021-05-18", eol: "2022-11-01", eoes: nil),
]

private func release(_ cycle: String, _ date: String, eol: String?, eoes: String?, planned: Bool = false)
    -> PlatformRelease
{
    PlatformRelease(
        cycle: StackPlanCoreTests.cycle(cycle), releaseDate: day(date),
        eol: eol.map { day($0) }, eoes: eoes.map { day($0) }, planned: planned, source: "test")
}

struct StatusCase: Sendable, CustomTestStringConvertible {
    let asOf: String
    let cycle: String
    let status: ReleaseStatus
    let daysToEol: Int?
    var testDescription: String { "\(cycle) on \(asOf) is \(status.rawValue)" }
}

@Suite("Release calendar")
struct ReleaseCalendarTests {
    static let cases: [StatusCase] = [
        StatusCase(asOf: "2026-09-01", cycle: "1.36", status: .newest, daysToEol: 335),
        StatusCase(asOf: "2026-09-01", cycle: "1.35", status: .supported, daysToEol: 207),
        StatusCase(asOf: "2026-09-01", cycle: "1.34", status: .maintained, daysToEol: 92),
        StatusCase(asOf: "2026-09-01", cycle: "1.33", status: .extendedSupport, daysToEol: -34),
        StatusCase(asOf: "2026-09-01", cycle: "1.20", status: .endOfLife, daysToEol: -1400),
        // Planned releases never count, even after their target date.
        StatusCase(asOf: "2026-11-25", cycle: "1.37", status: .planned, daysToEol: nil),
        StatusCase(asOf: "2026-11-25", cycle: "1.36", status: .newest, daysToEol: 250),
        // The day a minor is released it is the newest; the day before it is planned.
        StatusCase(asOf: "2026-06-02", cycle: "1.36", status: .newest, daysToEol: 426),
        StatusCase(asOf: "2026-06-01", cycle: "1.36", status: .planned, daysToEol: 427),
        StatusCase(asOf: "2026-06-01", cycle: "1.34", status: .supported, daysToEol: 184),
        // End of life is inclusive: on the eol date the release is past standard support.
        StatusCase(asOf: "2026-12-02", cycle: "1.34", status: .extendedSupport, daysToEol: 0),
        StatusCase(asOf: "2027-12-02", cycle: "1.34", status: .endOfLife, daysToEol: -365),
    ]

    @Test(arguments: cases)
    func statusOnADate(_ c: StatusCase) throws {
        let standings = ReleaseCalendar(releases: eks).standings(on: try #require(CalendarDay(c.asOf)))
        let standing = try #require(standings.first { $0.release.cycle.text == c.cycle })
        #expect(standing.status == c.status)
        #expect(standing.daysToEol == c.daysToEol)
    }

    @Test func supportWindowHoldsTheTwoNewestReleasedMinors() throws {
        let calendar = ReleaseCalendar(releases: eks)
        #expect(calendar.supportWindow(on: try #require(CalendarDay("2026-09-01"))).map(\.text) == ["1.36", "1.35"])
        #expect(calendar.supportWindow(on: try #require(CalendarDay("2026-03-01"))).map(\.text) == ["1.35", "1.34"])
    }
}

@Suite("Compatibility")
struct CompatibilityTests {
    private func component(_ id: String, platforms: [String]? = nil, _ ranges: [(String, String?, String?)])
        -> Component
    {
        Component(
            id: id, name: id, category: "c", tier: .catalog, platforms: platforms, upstream: "https://x",
            history: [],
            releases: ranges.map { cycle, min, max in
                ComponentRelease(
                    cycle: StackPlanCoreTests.cycle(cycle), releaseDate: day("2025-01-01"),
                    kubernetes: (min == nil && max == nil)
                        ? nil
                        : KubernetesRange(
                            min: min.flatMap { VersionNumber(cycle: $0) }, max: max.flatMap { VersionNumber(cycle: $0) }
                        ),
                    source: "test")
            })
    }

    @Test func picksTheNewestCycleWhoseRangeContainsTheMinor() throws {
        let catalog = Catalog(
            version: Quarter(year: 2026, quarter: 3) ?? Quarter(containing: day("2026-07-01")), title: "t",
            dataAsOf: day("2026-08-20"), categories: [],
            kubernetes: [], platforms: [],
            components: [
                component("istio", [("1.30", "1.32", "1.36"), ("1.29", "1.31", "1.35"), ("1.28", "1.30", "1.34")]),
                component("velero", [("1.18", "1.18", nil)]),
                component("grafana", [("13.2", nil, nil)]),
                component("alb", platforms: ["eks"], [("3.5", "1.22", nil)]),
            ])
        let minor = try #require(VersionNumber(cycle: "1.35"))
        let answers = Dictionary(
            uniqueKeysWithValues: catalog.compatibility(kubernetes: minor).map {
                ($0.component.id, $0.release?.cycle.text)
            })
        #expect(answers["istio"] == .some("1.30"))
        #expect(answers["velero"] == .some("1.18"))
        #expect(answers["grafana"] == .some(nil))
        let onRPCK = catalog.compatibility(kubernetes: minor, platform: "rpc-k").map(\.component.id)
        #expect(!onRPCK.contains("alb"))
        #expect(
            catalog.compatibility(kubernetes: try #require(VersionNumber(cycle: "1.37"))).first {
                $0.component.id == "istio"
            }?.release == nil)
    }
}

@Suite("Support window size")
struct SupportWindowSizeTests {
    @Test func aWiderWindowMakesTheThirdMinorSupported() throws {
        let calendar = ReleaseCalendar(releases: eks, supportedMinors: 3)
        let standing = try #require(calendar.standings(on: day("2026-09-01")).first { $0.release.cycle.text == "1.34" })
        #expect(standing.status == .supported)
    }
}
