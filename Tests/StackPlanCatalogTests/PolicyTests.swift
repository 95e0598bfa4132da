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
                "cat/policy.yaml:2:20: error: 'supportedMinors' must be a whole number of at least 1, not 'two' [bad-value]",
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
