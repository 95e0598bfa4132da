import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

/// The tape's fast path (``InventoryLoader/tapeCustomer(_:in:pods:seen:versions:)``) reads the
/// customers inventories hold, makes the node tree's customer of each, and leaves every item the
/// node tree would say anything about to the node tree.
@Suite("Customers read off the tape")
struct TapeCustomerTests {
    /// One customer with every key the fast path reads; the edits below start from it.
    static let inventory = """
        pods:
          - id: pod-1
            upgradesPerWeek: 4
        customers:
          - id: c1
            name: "Customer One"
            pod: pod-1
            monthlyFee: 1000.5
            onboardingEnds: 2026-06-27
            inBreach: false
            environments:
              - name: production
                kind: production
                clusters:
                  - name: c1-prod
                    platform: eks
                    version: "1.35.2"
                    nodeVersion: "1.34"
                    strategy: side-by-side
                    components:
                      coredns: "1.12.4"
                      velero: "v1.16.2"
              - name: staging
                kind: non-production
                clusters:
                  - name: c1-stage
                    platform: eks
                    version: "1.36"
            waivers:
              - cluster: c1-prod
                until: 2026-12-01
                reason: "vendor freeze"
          - id: c2
            name: "Customer Two"
            pod: pod-1
            monthlyFee: 0
            environments:
              - name: production
                kind: production
                clusters:
                  - name: c2-prod
                    platform: eks
                    version: "1.35.2"

        """

    /// What the tape and the node tree make of each customer item of `text`: the tape's customer
    /// (nil when it declined) and the node tree's, with the tree's diagnostics; `nil` when the text
    /// is outside the scanner's subset.
    static func readBothWays(_ text: String, loader: InventoryLoader) -> [(
        tape: Customer?, tree: Customer?, diagnostics: [Diagnostic]
    )]? {
        let file = SourceFile(path: "f.yaml", relativePath: "f.yaml", text: text)
        var copy = text
        return copy.withUTF8 { bytes in
            var builder = YAMLTreeBuilder(streaming: nil)
            let sink = DiagnosticSink()
            guard let items = PlainBlockScanner.scan(bytes, into: &builder, deferringItemsOf: "customers"),
                let root = builder.root, let reader = MappingReader(root, in: file, sink: sink, context: "inventory")
            else { return nil }
            var podIds: Set<String> = []
            _ = loader.readPods(reader, ids: &podIds)
            var tape = YAMLTape()
            var seen: Set<String> = []
            var read: [(tape: Customer?, tree: Customer?, diagnostics: [Diagnostic])] = []
            for (index, item) in items.enumerated() {
                guard PlainBlockScanner.item(item, in: bytes, into: &tape) else { return nil }
                let fast = loader.tapeCustomer(tape, in: bytes, pods: podIds, seen: seen, versions: VersionTable())
                // The tree refuses what libyaml is to judge (a repeated key): the tape must decline it.
                guard let node = PlainBlockScanner.item(item, in: bytes) else {
                    #expect(fast == nil)
                    read.append((nil, nil, []))
                    continue
                }
                let itemSink = DiagnosticSink()
                let tree = MappingReader(node, in: file, sink: itemSink, context: "customers", index: index).flatMap {
                    loader.customer($0, pods: podIds, seen: &seen, versions: VersionTable())
                }
                if let fast { #expect(file.location(at: fast.id) == file.location(of: node["id"])) }
                read.append((fast?.customer, tree, itemSink.diagnostics))
            }
            return read
        }
    }

    @Test func theExampleIsReadOffTheTape() throws {
        let loader = try ParallelInventoryLoadTests.loader()
        let read = try #require(Self.readBothWays(Self.inventory, loader: loader))
        #expect(read.count == 2)
        for (tape, tree, diagnostics) in read {
            #expect(diagnostics.isEmpty)
            #expect(tape != nil)
            #expect(tape == tree)
        }
        let first = try #require(read.first?.tape)
        #expect(first.waivers.map(\.cluster) == ["c1-prod"])
        #expect(first.environments.first?.clusters.first?.components.map(\.version.text) == ["1.12.4", "1.16.2"])
    }

    /// Every customer of generated fleets (waivers among them) is read off the tape, as the tree
    /// reads it.
    @Test(arguments: [3, 11] as [UInt64])
    func generatedFleetsAreReadOffTheTape(_ seed: UInt64) throws {
        let loader = try ParallelInventoryLoadTests.loader()
        let text = try ParallelInventoryLoadTests.fleetText(customers: 80, seed: seed)
        let read = try #require(Self.readBothWays(text, loader: loader))
        #expect(read.count == 80)
        #expect(read.allSatisfy { $0.tape != nil && $0.tape == $0.tree && $0.diagnostics.isEmpty })
        #expect(read.contains { !($0.tape?.waivers.isEmpty ?? true) })
    }

    /// Edits the node tree reports, or reads in a way the fast path does not: the tape declines
    /// each, and loading the whole text gives the node tree's inventory and diagnostics.
    @Test(arguments: [
        ("id: c2", "id: c1"),  // a repeated customer
        ("name: \"Customer One\"", "name: \"\""),  // empty
        ("pod: pod-1\n    monthlyFee: 1000.5", "pod: pod-9\n    monthlyFee: 1000.5"),  // unknown pod
        ("monthlyFee: 1000.5", "monthlyFee: 100000001"),
        ("monthlyFee: 1000.5", "monthlyFee: null"),
        ("onboardingEnds: 2026-06-27", "onboardingEnds: 2026-02-30"),
        ("onboardingEnds: 2026-06-27", "onboardingEnds: null"),  // null: absent, which the tree reads
        ("inBreach: false", "inBreach: no"),
        (
            "kind: production\n        clusters:\n          - name: c1-prod",
            "kind: prod\n        clusters:\n          - name: c1-prod"
        ),
        ("name: c1-stage", "name: c1-prod"),  // a repeated cluster
        ("platform: eks\n            version: \"1.35.2\"", "platform: gke\n            version: \"1.35.2\""),
        ("version: \"1.35.2\"\n            nodeVersion", "version: \"1.035.2\"\n            nodeVersion"),
        ("version: \"1.36\"", "version: \"1.10\""),  // no release of the platform
        ("version: \"1.36\"", "version: \"1\""),
        ("nodeVersion: \"1.34\"", "nodeVersion: \"1.36\""),  // newer than the control plane
        ("nodeVersion: \"1.34\"", "nodeVersion: null"),
        ("strategy: side-by-side", "strategy: sideways"),
        ("coredns: \"1.12.4\"", "corends: \"1.12.4\""),  // unknown component
        ("coredns: \"1.12.4\"", "coredns: \"latest\""),
        ("velero: \"v1.16.2\"", "velero: \"\""),
        ("velero: \"v1.16.2\"", "velero: \"1.16.2\"\n              coredns: \"1.12.5\""),  // repeated, out of order
        ("cluster: c1-prod", "cluster: c1-dev"),  // a waiver for no cluster of the customer
        ("until: 2026-12-01", "until: soon"),
        ("reason: \"vendor freeze\"", "reasons: \"vendor freeze\""),
        ("    inBreach: false", "    inBreach: false\n    colour: blue"),  // unknown key
        (
            "    inBreach: false",
            "    inBreach: false\n    maintenanceWindows:\n      - days:\n          - sat\n        start: \"02:00\"\n"
                + "        duration: \"4h\"\n        zone: America/Los_Angeles"
        ),
        (
            "    inBreach: false",
            "    inBreach: false\n    freezes:\n      - from: 2026-12-20\n        until: 2027-01-04\n        reason: \"holidays\""
        ),
        (
            "            strategy: side-by-side",
            "            strategy: side-by-side\n            uncataloged:\n              tool: \"1.0\""
        ),
        (
            "environments:\n      - name: production\n        kind: production\n        clusters:\n          - name: c1-prod",
            "environments: none\n    other:\n      - name: production\n        kind: production\n        clusters:\n          - name: c1-prod"
        ),
    ])
    func unusualItemsAreLeftToTheTree(_ edit: (String, String)) throws {
        let loader = try ParallelInventoryLoadTests.loader()
        let text = Self.inventory.replacingOccurrences(of: edit.0, with: edit.1)
        try #require(text != Self.inventory)
        let read = try #require(Self.readBothWays(text, loader: loader))
        for (tape, tree, diagnostics) in read where tape != nil {
            #expect(diagnostics.isEmpty)
            #expect(tape == tree)
        }
        #expect(read.contains { $0.tape == nil })
        let (serial, itemwise) = try ParallelInventoryLoadTests.both(text, .serial, loader: loader)
        #expect(serial == itemwise)
    }

    /// Edits within what the fast path reads: the tape reads them as the node tree does.
    @Test(arguments: [
        ("inBreach: false", "inBreach: \"true\""),  // quoted: still the flag
        ("velero: \"v1.16.2\"", "velero: \"1.16.2\"\n              alertmanager: \"0.32.3\""),  // out of id order
        ("monthlyFee: 1000.5", "monthlyFee: \"1e3\""),
        ("strategy: side-by-side", "strategy: in-place"),
        ("name: \"Customer One\"", "name: Customer One # a comment"),
    ])
    func ordinaryEditsAreReadOffTheTape(_ edit: (String, String)) throws {
        let loader = try ParallelInventoryLoadTests.loader()
        let text = Self.inventory.replacingOccurrences(of: edit.0, with: edit.1)
        try #require(text != Self.inventory)
        let read = try #require(Self.readBothWays(text, loader: loader))
        #expect(read.allSatisfy { $0.tape != nil && $0.tape == $0.tree && $0.diagnostics.isEmpty })
        let (serial, itemwise) = try ParallelInventoryLoadTests.both(text, .serial, loader: loader)
        #expect(serial == itemwise)
    }
}
