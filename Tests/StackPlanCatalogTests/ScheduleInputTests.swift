import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Windows, freezes and zones in the inventory")
struct ScheduleInputTests {
    private func instant(_ text: String) -> Instant { Instant(iso: text) ?? Instant(seconds: 0) }

    @Test func anyIANAZoneWorksAcrossItsTransitions() throws {
        let berlin = try #require(SystemTimeZone("Europe/Berlin"))
        // 2027-03-28: 02:00 CET jumps to 03:00 CEST; 02:30 → 03:30 CEST = 01:30Z.
        #expect(berlin.instant(localDay: day("2027-03-28"), secondsOfDay: 9000) == instant("2027-03-28T01:30:00Z"))
        // 2026-10-25: 02:30 happens twice; the first (CEST, +2) is 00:30Z.
        #expect(berlin.instant(localDay: day("2026-10-25"), secondsOfDay: 9000) == instant("2026-10-25T00:30:00Z"))
        let tokyo = try #require(SystemTimeZone("Asia/Tokyo"))
        #expect(tokyo.offset(at: instant("2026-07-01T00:00:00Z")) == 9 * 3600)
        #expect(SystemTimeZone("Mars/Olympus_Mons") == nil)
    }

    private let text = """
        pods:
          - id: p
            upgradesPerWeek: 2
            zone: Europe/Berlin
        customers:
          - id: c
            name: C
            pod: p
            monthlyFee: 10
            maintenanceWindows:
              - {days: [sat, sun], start: "02:30", duration: "4h", zone: Europe/Berlin}
            freezes:
              - {from: 2026-12-15, until: 2027-01-06, reason: Year end, environments: [prod]}
            environments:
              - name: prod
                kind: production
                maintenanceWindows:
                  - {days: [tue], start: "22:00", duration: "90m", zone: America/New_York}
                clusters:
                  - {name: a, platform: eks, version: "1.36"}
        """

    @Test func windowsFreezesAndPodZonesAreRead() throws {
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "i.yaml", relativePath: "i.yaml", text: text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let inventory = try #require(result.inventory)
        let customer = try #require(inventory.customers.first)
        #expect(inventory.pods.first?.zone == "Europe/Berlin")
        #expect(
            customer.maintenanceWindows == [
                MaintenanceWindow(days: [6, 7], start: 9000, duration: 14_400, zone: "Europe/Berlin")
            ])
        #expect(customer.environments.first?.maintenanceWindows?.first?.duration == 5400)
        #expect(customer.freezes.first?.environments == ["prod"])
        #expect(SystemTimeZone.zones(of: inventory).keys.sorted() == ["America/New_York", "Europe/Berlin"])
    }

    @Test(arguments: [
        ("zone: Europe/Berlin}", "zone: Atlantis/Capital}", "unknown time zone 'Atlantis/Capital'"),
        ("duration: \"4h\"", "duration: \"4 hours\"", "'duration' must be hours or minutes"),
        ("start: \"02:30\"", "start: \"25:00\"", "'start' must be a time HH:MM"),
        ("days: [sat, sun]", "days: [someday]", "'days' lists weekdays mon … sun"),
        ("environments: [prod]", "environments: [qa]", "no environment 'qa' in this customer"),
        ("until: 2027-01-06", "until: 2026-12-01", "'until' is before 'from'"),
    ])
    func badScheduleInputIsLocated(_ old: String, _ new: String, _ message: String) throws {
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "i.yaml", relativePath: "i.yaml", text: text.replacingOccurrences(of: old, with: new)))
        #expect(result.inventory == nil)
        #expect(result.diagnostics.contains { $0.message.hasPrefix(message) }, "\(result.diagnostics)")
    }
}

private func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }
