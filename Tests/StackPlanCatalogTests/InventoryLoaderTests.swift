import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

@Suite("Inventory loader")
struct InventoryLoaderTests {
    static let valid = """
        pods:
          - id: pod-blue
            upgradesPerWeek: 3
        customers:
          - id: acme
            name: Acme Corp
            pod: pod-blue
            monthlyFee: 12000
            onboardingEnds: 2025-03-01
            waivers:
              - cluster: acme-prod
                until: 2027-01-31
                reason: freeze
            environments:
              - name: production
                kind: production
                clusters:
                  - name: acme-prod
                    platform: eks
                    version: "1.33.4"
                    nodeVersion: "1.32"
                    components:
                      prometheus: "3.5.1"
              - name: staging
                kind: non-production
                clusters:
                  - name: acme-stage
                    platform: eks
                    version: "1.36"
                    strategy: side-by-side
        """

    private func load(_ text: String) throws -> InventoryLoadResult {
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        return InventoryLoader(catalog: catalog).load(
            SourceFile(path: "inv.yaml", relativePath: "inv.yaml", text: text))
    }

    @Test func readsAValidInventory() throws {
        let result = try load(Self.valid)
        #expect(result.diagnostics.isEmpty)
        let inventory = try #require(result.inventory)
        let acme = try #require(inventory.customers.first)
        #expect(acme.monthlyFee == 12000)
        #expect(acme.waivers.first?.until.description == "2027-01-31")
        let prod = try #require(acme.environments.first?.clusters.first)
        #expect(prod.minor.text == "1.33" && prod.nodeMinor.text == "1.32" && prod.strategy == .inPlace)
        #expect(prod.components.map(\.id) == ["prometheus"])
        #expect(acme.environments.last?.clusters.first?.strategy == .sideBySide)
        #expect(Qualification(acme).qualified)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let from: String
        let to: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown platform", from: "platform: eks\n            version: \"1.36\"",
            to: "platform: gke\n            version: \"1.36\"",
            expected: ["inv.yaml:28:23: error: unknown platform 'gke'; known: eks [unknown-platform]"]),
        Case(
            name: "unknown component", from: "prometheus: \"3.5.1\"", to: "promethus: \"3.5.1\"",
            expected: ["inv.yaml:23:15: error: unknown component 'promethus' [unknown-component]"]),
        Case(
            name: "bad version", from: "version: \"1.33.4\"", to: "version: \"latest\"",
            expected: [
                "inv.yaml:20:22: error: 'version' must be a Kubernetes version such as \"1.33\" or \"1.33.4\", not 'latest' [bad-version]"
            ]),
        Case(
            name: "duplicate cluster", from: "name: acme-stage", to: "name: acme-prod",
            expected: ["inv.yaml:27:19: error: cluster 'acme-prod' appears twice in this customer [duplicate-cluster]"]),
        Case(
            name: "unknown pod", from: "pod: pod-blue", to: "pod: pod-red",
            expected: ["inv.yaml:7:10: error: unknown pod 'pod-red'; declared pods: pod-blue [unknown-pod]"]),
        Case(
            name: "unknown environment kind", from: "kind: non-production", to: "kind: staging",
            expected: [
                "inv.yaml:25:15: error: unknown kind 'staging'; expected one of 'production', 'non-production' [bad-value]"
            ]),
        Case(
            name: "waiver for an unknown cluster", from: "- cluster: acme-prod", to: "- cluster: acme-qa",
            expected: [
                "inv.yaml:11:18: error: waiver names cluster 'acme-qa', which this customer does not have [unknown-cluster]"
            ]),
        Case(
            name: "minor not offered on the platform", from: "version: \"1.36\"", to: "version: \"1.29\"",
            expected: ["inv.yaml:29:22: error: Kubernetes 1.29 is not a release of EKS [unknown-minor]"]),
        Case(
            name: "nodes newer than the control plane", from: "nodeVersion: \"1.32\"", to: "nodeVersion: \"1.36\"",
            expected: [
                "inv.yaml:21:26: error: worker nodes (1.36) may not be newer than the control plane (1.33) [node-newer]"
            ]),
    ]

    @Test(arguments: cases)
    func reportsLocatedErrors(_ c: Case) throws {
        let result = try load(Self.valid.replacingOccurrences(of: c.from, with: c.to))
        #expect(result.diagnostics.map(\.description) == c.expected)
        #expect(result.inventory == nil)
    }

    /// Customers are decoded while the file is composed when the pods come first, and from the
    /// whole tree otherwise: the same inventory and the same diagnostics either way (three lines
    /// apart: the pods block moved). An alias of a customer repeats its id where the id is written.
    @Test func customersBeforePodsReadTheSameAsAfter() throws {
        let podsFirst =
            Self.valid + "\n  - id: beta\n    name: Beta\n    pod: pod-red\n    monthlyFee: 5\n"
            + "    environments: []\n  - *acme\n"
        let anchored = podsFirst.replacingOccurrences(of: "  - id: acme", with: "  - &acme\n    id: acme")
        let parts = anchored.components(separatedBy: "customers:\n")
        let customersFirst = "customers:\n" + parts[1] + "\n" + parts[0]
        let first = try load(anchored)
        let second = try load(customersFirst)
        #expect(first.inventory == nil && second.inventory == nil)
        #expect(
            first.diagnostics.map(\.description) == [
                "inv.yaml:6:9: error: customer 'acme' is declared twice [duplicate-id]",
                "inv.yaml:34:10: error: unknown pod 'pod-red'; declared pods: pod-blue [unknown-pod]",
            ])
        #expect(
            second.diagnostics.map(\.description) == [
                "inv.yaml:3:9: error: customer 'acme' is declared twice [duplicate-id]",
                "inv.yaml:31:10: error: unknown pod 'pod-red'; declared pods: pod-blue [unknown-pod]",
            ])
        let fixed = [anchored, customersFirst].map {
            $0.replacingOccurrences(of: "pod: pod-red", with: "pod: pod-blue")
                .replacingOccurrences(of: "  - *acme\n", with: "")
        }
        let inventories = try fixed.map { try #require(try load($0).inventory) }
        #expect(inventories[0] == inventories[1])
        #expect(inventories[0].customers.map(\.id) == ["acme", "beta"])
    }

    /// A syntax error after some customers were decoded reports the syntax error alone, as when
    /// the whole tree is composed first.
    @Test func aSyntaxErrorAfterStreamedCustomersIsTheOnlyDiagnostic() throws {
        let text =
            Self.valid.replacingOccurrences(of: "pod: pod-blue", with: "pod: pod-red")
            + "\n  - id: late\n    name: [unclosed\n"
        let result = try load(text)
        #expect(result.inventory == nil)
        #expect(result.diagnostics.map(\.code) == ["yaml-syntax"])
    }

    @Test func theShippedExampleIsValid() throws {
        let asOf = try #require(CalendarDay("2026-08-20"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        let result = try InventoryLoader(catalog: catalog).load(path: repositoryRoot + "/examples/inventory.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let inventory = try #require(result.inventory)
        #expect(inventory.customers.count == 9 && inventory.pods.count == 3)
        #expect(inventory.customers.filter { !Qualification($0).qualified }.map(\.id) == ["brightline"])
    }

    @Test(arguments: [
        ("1.035", true), ("01.33", true), ("1.33.04", true), ("v1.00", true), ("1.0.5", false), ("1.30", false),
        ("0.1", false), ("v1.33.4-rc.01", false), ("1.33.4+build.05", false),
    ])
    func leadingZerosAreFoundInTheVersionNumbersOnly(_ text: String, _ expected: Bool) {
        #expect(InventoryLoader.hasLeadingZeroPart(text) == expected)
    }
}
