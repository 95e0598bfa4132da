import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Policy file")
struct PolicyTests {
    @Test func absentPolicyMeansTheStandardNumbers() throws {
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        #expect(catalog.policy == .standard)
    }

    @Test func readsEveryNumber() throws {
        let policy = """
            support:
              supportedMinors: 3
            upgrade:
              sideBySideDays: 60
              inPlaceDays: 100
              endOfLifeDays: 90
              soakDays: 0
            schedule:
              inPlaceStepDays: 5
              componentStepDays: 2
            """
        let catalog = try #require(CatalogFixture.load(CatalogFixture.with("policy.yaml", policy)).catalog)
        #expect(
            catalog.policy
                == Policy(
                    supportedMinors: 3, sideBySideDays: 60, inPlaceDays: 100, endOfLifeDays: 90, soakDays: 0,
                    durations: StepDurations(controlPlane: 5, migration: 14, nodes: 3, component: 2)))
    }

    @Test func readsTheRiskWeightsMarginsSkewAndStaleness() throws {
        let policy = """
            upgrade:
              atRiskWithinDays: 45
              nodeSkew: {minors: 2, olderMinors: 1, olderBelow: "1.28"}
            risk:
              overdue: 50
              notQualified: 0
              dollarsPerPointOfExposure: 100
            data:
              staleAfterDays: 30
            """
        let result = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy), asOf: "2026-09-21")
        let loaded = try #require(result.catalog)
        #expect(loaded.policy.atRiskWithinDays == 45)
        #expect(loaded.policy.nodeSkew.allowedLag(nodes: VersionNumber(parts: [1, 27])) == 1)
        #expect(loaded.policy.nodeSkew.allowedLag(nodes: VersionNumber(parts: [1, 28])) == 2)
        #expect(loaded.policy.risk.overdue == 50 && loaded.policy.risk.atRisk == 30)
        #expect(
            loaded.policy.risk.score(
                overdue: 1, atRisk: 0, dueWithinHorizon: 0, exposure: 250, surcharge: 0, qualified: false) == 52.5)
        // dataAsOf 2026-08-20 is 32 days before 2026-09-21: stale after 30 days.
        #expect(result.diagnostics.map(\.code).contains("stale-data"))
    }

    @Test func rejectsADivisorOfZeroAndABadSkewMinor() {
        let policy = """
            upgrade:
              nodeSkew: {olderBelow: "one"}
            risk:
              dollarsPerPointOfSurcharge: 0
            """
        let result = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == ["bad-value", "bad-value"])
    }

    @Test func reportsBadNumbersAndUnknownKeys() {
        let policy = """
            support:
              supportedMinors: two
            upgrade:
              inPlaceDay: 120
            """
        let result = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy))
        #expect(
            result.diagnostics.map(\.description) == [
                "cat/policy.yaml:2:20: error: 'supportedMinors' must be a whole number from 1 to 10, not 'two' [bad-value]",
                "cat/policy.yaml:4:3: error: unknown key 'inPlaceDay' in upgrade; did you mean 'inPlaceDays'? [unknown-key]",
            ])
    }

    @Test func theShippedPolicyHoldsTheServiceOverviewNumbers() throws {
        let asOf = try #require(CalendarDay("2026-08-20"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        #expect(catalog.policy == .standard)
        #expect(catalog.policy.sideBySideDays == 90 && catalog.policy.inPlaceDays == 120)
    }
}

@Suite("Policy holidays")
struct PolicyHolidayTests {
    @Test func readsAddedAndRemovedDates() throws {
        let policy = """
            holidays:
              add:
                - {date: 2026-11-27, name: Day after Thanksgiving}
              remove: [2026-10-12]
            """
        let catalog = try #require(CatalogFixture.load(CatalogFixture.with("policy.yaml", policy)).catalog)
        let names = catalog.policy.holidays.holidays(in: 2026).map(\.name)
        #expect(names.contains("Day after Thanksgiving"))
        #expect(!names.contains("Columbus Day"))
    }

    @Test func reportsBadHolidayDates() {
        let policy = """
            holidays:
              add:
                - {date: 2026-02-30, name: Nope}
              remove: [soon]
            """
        let result = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy))
        #expect(
            result.diagnostics.map(\.description) == [
                "cat/policy.yaml:3:14: error: 'date' must be a date YYYY-MM-DD, not '2026-02-30' [bad-date]",
                "cat/policy.yaml:4:12: error: 'remove' lists dates YYYY-MM-DD, not 'soon' [bad-date]",
            ])
    }
}

@Suite("Policy service levels")
struct PolicyServiceLevelTests {
    @Test func readsBusinessHoursTargetsAndCredits() throws {
        let policy = """
            businessHours:
              timeZone: America/New_York
              open: "09:00"
              close: "18:00"
              days: [monday, tuesday, wednesday, thursday]
            responseTargets:
              normal: {minutes: 120}
              low: {minutes: 480, clock: wall}
            credits:
              perMissedResponse: 100
            extendedSupport:
              extendedPerClusterHour: 0.5
            """
        let catalog = try #require(CatalogFixture.load(CatalogFixture.with("policy.yaml", policy)).catalog)
        let levels = catalog.policy.serviceLevels
        #expect(levels.businessHours.zone.identifier == "America/New_York")
        #expect(levels.businessHours.start == 9 * 3600 && levels.businessHours.end == 18 * 3600)
        #expect(levels.businessHours.weekdays == [1, 2, 3, 4])
        #expect(levels.target(for: .normal) == ResponseTarget(minutes: 120, clock: .business))
        #expect(levels.target(for: .low) == ResponseTarget(minutes: 480, clock: .wall))
        #expect(levels.target(for: .urgent) == ResponseTarget(minutes: 15, clock: .wall))
        #expect(levels.credits.perMissedResponse == 100 && levels.credits.requestWindowDays == 7)
        #expect(catalog.policy.extendedSupport.monthlySurchargePerCluster == 292)
    }

    @Test func reportsBadServiceLevelValues() {
        let policy = """
            businessHours:
              timeZone: Mars/Olympus
              open: "8am"
              days: [funday]
            responseTargets:
              urgent: {minutes: 0, clock: sundial}
            """
        let codes = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy)).diagnostics.map(\.message)
        #expect(codes.count == 5)
        #expect(codes.contains { $0.hasPrefix("unknown time zone 'Mars/Olympus'") })
        #expect(codes.contains("'open' must be a time HH:MM, not '8am'"))
        #expect(codes.contains { $0.contains("'funday'") })
        #expect(codes.contains("'minutes' must be a whole number from 1 to 43200, not '0'"))
        #expect(codes.contains { $0.hasPrefix("unknown clock 'sundial'") })
    }
}

@Suite("Policy ranges")
struct PolicyRangeTests {
    @Test(arguments: [
        ("upgrade:\n  sideBySideDays: 9223372036854775807\n", "'sideBySideDays' must be a whole number from 1 to 3650"),
        ("schedule:\n  nodeStepDays: 100000000000\n", "'nodeStepDays' must be a whole number from 1 to 365"),
        (
            "responseTargets:\n  low: {minutes: 99999999, clock: business}\n",
            "'minutes' must be a whole number from 1 to 43200"
        ),
        ("credits:\n  requestWindowDays: 400000\n", "'requestWindowDays' must be a whole number from 0 to 365"),
        ("credits:\n  capPercentOfMonthlyFee: 1e300\n", "'capPercentOfMonthlyFee' must be a number from 0 to 1000"),
        ("extendedSupport:\n  hoursPerMonth: 1e308\n", "'hoursPerMonth' must be a number from 1 to 744"),
        (
            "extendedSupport:\n  extendedPerClusterHour: .inf\n",
            "'extendedPerClusterHour' must be a number from 0 to 1000"
        ),
        (
            "risk:\n  dollarsPerPointOfExposure: 0\n",
            "'dollarsPerPointOfExposure' must be a number from 0.01 to 1000000"
        ),
    ])
    func everyNumberHasASaneRange(_ policy: String, _ message: String) {
        let result = CatalogFixture.load(CatalogFixture.with("policy.yaml", policy))
        #expect(result.catalog == nil)
        #expect(result.diagnostics.contains { $0.code == "bad-value" && $0.message.hasPrefix(message) })
    }
}
