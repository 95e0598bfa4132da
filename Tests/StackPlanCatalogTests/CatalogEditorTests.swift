import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Catalog editor")
struct CatalogEditorTests {
    static let component = """
        # Harbor: lifecycle facts.
        id: harbor
        name: "Harbor"   # the registry
        category: images
        tier: catalog  # as listed
        role: registry
        upstream: https://github.com/goharbor/harbor
        history:
            # first edition
            - quarter: 2026-Q3
              tier: catalog
              note: "Listed."

        releases:
          - releaseCycle: "2.15"
            releaseDate: 2026-03-20
            source: "s"
        """

    @Test func changesOnlyTheTierLineAndAppendsHistory() throws {
        let quarter = try #require(Quarter("2026-Q4"))
        let edited = try #require(
            CatalogEditor.move(Self.component, to: .certified, quarter: quarter, note: "Promoted \"fast\"."))
        let before = Self.component.split(separator: "\n", omittingEmptySubsequences: false)
        let after = edited.split(separator: "\n", omittingEmptySubsequences: false)
        // Line 5 (the tier) changes, keeping its comment; three lines are inserted after the last entry.
        #expect(after[4] == "tier: certified  # as listed")
        #expect(
            Array(after[12...14]) == [
                "    - quarter: 2026-Q4", "      tier: certified", "      note: \"Promoted \\\"fast\\\".\"",
            ])
        #expect(Array(after[0..<4]) == Array(before[0..<4]))
        #expect(Array(after[5..<12]) == Array(before[5..<12]))
        #expect(Array(after[15...]) == Array(before[12...]))
    }

    @Test func bumpsTheVersionKeepingEverythingElse() throws {
        let text = "# header\nversion: 2026-Q3   # edition\ntitle: T\n"
        #expect(
            CatalogEditor.setVersion(text, to: try #require(Quarter("2026-Q4")))
                == "# header\nversion: 2026-Q4   # edition\ntitle: T\n")
        #expect(CatalogEditor.setVersion("title: T\n", to: try #require(Quarter("2026-Q4"))) == nil)
    }

    @Test func anEditedFileStillValidates() throws {
        let quarter = try #require(Quarter("2026-Q4"))
        let edited = try #require(
            CatalogEditor.move(
                CatalogFixture.prometheus.replacingOccurrences(
                    of: "tier: infrastructure\nrole", with: "tier: certified\nrole"
                )
                .replacingOccurrences(
                    of: "    tier: infrastructure\n    note: promoted", with: "    tier: certified\n    note: promoted"),
                to: .infrastructure, quarter: quarter, note: "Back"))
        let result = CatalogFixture.load(CatalogFixture.with("components/prometheus.yaml", edited))
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog?.component("prometheus")?.history.last?.quarter == quarter)
    }
}
