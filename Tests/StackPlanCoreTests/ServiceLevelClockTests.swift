import Testing

@testable import StackPlanCore

struct DueCaseSLA: Sendable, CustomTestStringConvertible {
    let name: String
    let severity: IncidentSeverity
    let opened: String
    let due: String
    var testDescription: String { name }
}

/// Every due time below was worked out by hand (Docs/service-levels.md explains each).
@Suite("Response due times")
struct ServiceLevelClockTests {
    static let cases: [DueCaseSLA] = [
        DueCaseSLA(
            name: "normal: Friday 16:30 PST, across the spring-forward weekend", severity: .normal,
            opened: "2026-03-06T16:30:00-08:00", due: "2026-03-09T15:30:00Z"),
        DueCaseSLA(
            name: "normal: Friday 16:45 PDT, across the fall-back weekend", severity: .normal,
            opened: "2026-10-30T16:45:00-07:00", due: "2026-11-02T16:45:00Z"),
        DueCaseSLA(
            name: "normal: opened exactly at 08:00", severity: .normal, opened: "2026-11-24T08:00:00-08:00",
            due: "2026-11-24T17:00:00Z"),
        DueCaseSLA(
            name: "normal: opened exactly at 17:00 starts next morning", severity: .normal,
            opened: "2026-11-24T17:00:00-08:00", due: "2026-11-25T17:00:00Z"),
        DueCaseSLA(
            name: "normal: opened on Thanksgiving", severity: .normal, opened: "2026-11-26T10:00:00-08:00",
            due: "2026-11-27T17:00:00Z"),
        DueCaseSLA(
            name: "normal: Independence Day observed on Monday 2027-07-05", severity: .normal,
            opened: "2027-07-02T16:30:00-07:00", due: "2027-07-06T15:30:00Z"),
        DueCaseSLA(
            name: "normal: Christmas observed on Friday 2027-12-24", severity: .normal,
            opened: "2027-12-23T16:30:00-08:00", due: "2027-12-27T16:30:00Z"),
        DueCaseSLA(
            name: "low: New Year's Eve 16:30 to the first business day of 2027", severity: .low,
            opened: "2026-12-31T16:30:00-08:00", due: "2027-01-05T00:30:00Z"),
        DueCaseSLA(
            name: "low: nine business hours from Monday 10:00", severity: .low, opened: "2026-11-23T10:00:00-08:00",
            due: "2026-11-24T18:00:00Z"),
        DueCaseSLA(
            name: "normal: before opening", severity: .normal, opened: "2026-11-30T06:00:00-08:00",
            due: "2026-11-30T17:00:00Z"),
        DueCaseSLA(
            name: "normal: opened on a Saturday", severity: .normal, opened: "2026-11-28T12:00:00-08:00",
            due: "2026-11-30T17:00:00Z"),
        DueCaseSLA(
            name: "urgent: wall clock across midnight UTC", severity: .urgent, opened: "2026-11-25T23:50:00Z",
            due: "2026-11-26T00:05:00Z"),
        DueCaseSLA(
            name: "high: wall clock on a Sunday", severity: .high, opened: "2026-11-29T10:00:00-08:00",
            due: "2026-11-29T19:00:00Z"),
        DueCaseSLA(
            name: "high: wall clock through the fall-back hour", severity: .high, opened: "2026-11-01T01:30:00-07:00",
            due: "2026-11-01T09:30:00Z"),
    ]

    @Test(arguments: cases)
    func dueTime(_ c: DueCaseSLA) throws {
        let opened = try #require(Instant(iso: c.opened))
        #expect(ServiceLevelPolicy.standard.due(severity: c.severity, opened: opened).isoUTC == c.due)
    }
}

@Suite("Instants and zones")
struct InstantTests {
    @Test(arguments: [
        ("2026-11-25T16:30:00Z", "2026-11-25T16:30:00Z"), ("2026-11-25T08:30:00-08:00", "2026-11-25T16:30:00Z"),
        ("2026-11-25T08:30-08:00", "2026-11-25T16:30:00Z"), ("2026-11-25T17:30:00.250+0100", "2026-11-25T16:30:00Z"),
        ("2026-12-31T23:00:00-08:00", "2027-01-01T07:00:00Z"),
    ])
    func parsesISO8601(_ text: String, _ utc: String) throws {
        #expect(try #require(Instant(iso: text)).isoUTC == utc)
    }

    @Test(arguments: [
        "2026-11-25T16:30:00", "2026-11-25 16:30", "2026-11-25T25:00:00Z", "2026-02-30T10:00:00Z",
        "2026-11-25T16:30:00+5", "yesterday", "2026-11-25T16:30:00Zjunk",
    ])
    func rejectsAmbiguousOrMalformedInstants(_ text: String) {
        #expect(Instant(iso: text) == nil)
    }

    @Test func pacificDaylightTimeBoundaries() throws {
        let zone = ZoneRules.pacific
        let offset = { (text: String) throws -> Int in zone.offset(at: try #require(Instant(iso: text))) / 3600 }
        #expect(try offset("2026-03-08T09:59:59Z") == -8)
        #expect(try offset("2026-03-08T10:00:00Z") == -7)
        #expect(try offset("2026-11-01T08:59:59Z") == -7)
        #expect(try offset("2026-11-01T09:00:00Z") == -8)
        let local = zone.local(try #require(Instant(iso: "2027-01-01T07:59:00Z")))
        #expect(local.day.description == "2026-12-31" && local.secondsOfDay == 23 * 3600 + 59 * 60)
    }
}
