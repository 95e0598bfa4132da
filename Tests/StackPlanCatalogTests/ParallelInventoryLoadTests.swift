import Dispatch
import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

/// Decoding the customers in slices on several threads gives the inventory and the diagnostics of
/// the one-thread load, for valid fleets, for fleets with problems and for texts outside the
/// scanner's subset.
@Suite("Parallel inventory load")
struct ParallelInventoryLoadTests {
    /// Slices run in reverse order on the calling thread: any dependence on order shows.
    static let backwards = Parallelism(width: 3) { count, body in
        for index in (0..<count).reversed() { body(index) }
    }
    static let threads = Parallelism(width: 4) { count, body in
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    static let asOf = CalendarDay("2026-09-01")

    static func loader() throws -> InventoryLoader {
        let asOf = try #require(Self.asOf)
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        return InventoryLoader(catalog: catalog)
    }

    static func fleetText(customers: Int, seed: UInt64) throws -> String {
        let loader = try loader()
        let asOf = try #require(Self.asOf)
        return InventoryWriter.yaml(
            FleetGenerator(catalog: loader.catalog, asOf: asOf).generate(customers: customers, seed: seed))
    }

    /// Both loads of `text`, as comparable values.
    static func both(
        _ text: String, _ parallelism: Parallelism, loader given: InventoryLoader? = nil
    ) throws -> (serial: String, parallel: String) {
        let loader = try given ?? loader()
        let file = SourceFile(path: "f.yaml", relativePath: "f.yaml", text: text)
        func describe(_ result: InventoryLoadResult) -> String {
            "\(result.inventory.map { "\($0.customers.count) customers, \($0.pods.count) pods" } ?? "no inventory")\n"
                + result.diagnostics.map { "\($0)" }.joined(separator: "\n")
        }
        let serial = loader.load(file)
        let parallel = loader.load(file, parallelism: parallelism)
        #expect(serial.inventory == parallel.inventory)
        return (describe(serial), describe(parallel))
    }

    @Test(arguments: [1, 2] as [UInt64])
    func aGeneratedFleetLoadsTheSame(_ seed: UInt64) throws {
        let text = try Self.fleetText(customers: 60, seed: seed)
        for parallelism in [Self.backwards, Self.threads] {
            let (serial, parallel) = try Self.both(text, parallelism)
            #expect(serial == parallel)
            #expect(serial.hasPrefix("60 customers"))
        }
    }

    /// Ids repeated within a slice and across slices (the first copy, the third, the last),
    /// unknown keys, pods and versions, a customer that is not a mapping.
    @Test func problemsAreReportedOnceEach() throws {
        var text = try Self.fleetText(customers: 40, seed: 4)
        text = text.replacingOccurrences(of: "id: cust-00007", with: "id: cust-00001")
        text = text.replacingOccurrences(of: "id: cust-00008", with: "id: cust-00001")
        text = text.replacingOccurrences(of: "id: cust-00039", with: "id: cust-00002")
        text = text.replacingOccurrences(of: "id: cust-00040", with: "id: cust-00002")
        text = text.replacingOccurrences(of: "pod: pod-0", with: "pod: pod-X")
        text = text.replacingOccurrences(of: "    strategy: in-place\n", with: "    strategy: sideways\n")
        text = text.replacingOccurrences(of: "version: \"1.3", with: "version: \"1.03")
        text += "  - just a text\n  - id: cust-00001\n    colour: blue\n"
        let (serial, parallel) = try Self.both(text, Self.threads)
        #expect(serial == parallel)
        #expect(serial.components(separatedBy: "customer 'cust-00001' is declared twice").count == 4)
        #expect(serial.components(separatedBy: "customer 'cust-00002' is declared twice").count == 3)
        #expect(serial.contains("customers[40] must be a mapping"))
    }

    /// Random edits of a fleet: whatever either load makes of the text, the other makes too.
    @Test func randomEditsLoadTheSameBothWays() throws {
        let original = Array(try Self.fleetText(customers: 12, seed: 6).utf8)
        let alphabet = Array(" -:#\"\n\t{[&ab1.é".utf8)
        let loader = try Self.loader()
        var random = SplitMix64Generator(seed: 77)
        for _ in 0..<150 {
            let bytes = random.edited(original, alphabet: alphabet)
            let (serial, parallel) = try Self.both(
                String(decoding: bytes, as: UTF8.self), Self.backwards, loader: loader)
            #expect(serial == parallel)
        }
    }

    @Test func slicesCoverEveryItemOnceInOrder() {
        let items = (0..<50).map { PlainBlockScanner.ListItem(bytes: $0 * 10..<$0 * 10 + 7 + $0 % 5, line: $0) }
        for count in [1, 3, 7, 50, 80] {
            let slices = InventoryLoader.slices(of: items, count: count)
            #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == 50)
            #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(slices.allSatisfy { !$0.isEmpty } && slices.count <= count + 1)
        }
    }
}
