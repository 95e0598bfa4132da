import Foundation
import StackPlanCore

extension InventoryLoader {
    /// Validates `file` like ``load(_:)``, decoding the customers on several threads when
    /// `parallelism` allows and the text is in the plain block subset (``PlainBlockScanner``):
    /// the root is read first with the customers list left out, then slices of the customers,
    /// each on its own, then the slices are joined in file order. The inventory and every
    /// diagnostic are the same as ``load(_:)``'s; any other text is read by ``load(_:)``.
    public func load(_ file: SourceFile, parallelism: Parallelism) -> InventoryLoadResult {
        guard parallelism.width > 1, let result = loadInParallel(file, parallelism) else { return load(file) }
        return result
    }

    /// `nil` when some part of the text is outside the subset (then nothing of it is kept).
    private func loadInParallel(_ file: SourceFile, _ parallelism: Parallelism) -> InventoryLoadResult? {
        var builder = YAMLTreeBuilder(streaming: nil)
        var text = file.text
        guard
            let items = text.withUTF8({
                PlainBlockScanner.scan($0, into: &builder, deferringItemsOf: Self.customersKey)
            }), !items.isEmpty, let root = builder.root
        else { return nil }
        let sink = DiagnosticSink()
        guard let reader = MappingReader(root, in: file, sink: sink, context: "the inventory") else { return nil }
        reader.rejectUnknownKeys(allowed: Self.rootKeys)
        var podIds: Set<String> = []
        let pods = readPods(reader, ids: &podIds)

        let slices = Self.slices(of: items, count: parallelism.width * 4)
        let results = SliceResults(count: slices.count)
        parallelism.forEach(slices.count) { [podIds] slice in
            results.store(decode(items[slices[slice]], in: file, pods: podIds), at: slice)
        }
        guard let decoded = results.all else { return nil }

        // Joined in file order; a customer id seen in an earlier slice is a duplicate here too (a
        // slice reported its own repeats already).
        var customers: [Customer] = []
        var earlier: Set<String> = []
        for slice in decoded {
            customers += slice.customers
            sink.append(contentsOf: slice.diagnostics)
            var first: Set<String> = []
            for (id, location) in slice.ids where first.insert(id).inserted && earlier.contains(id) {
                Self.reportDuplicate(customer: id, at: location, in: sink)
            }
            earlier.formUnion(first)
        }
        let diagnostics = sink.diagnostics.sortedByLocation
        return InventoryLoadResult(
            inventory: diagnostics.hasErrors ? nil : Inventory(pods: pods, customers: customers),
            diagnostics: diagnostics)
    }

    /// The customers of one slice, its diagnostics and every customer id it names in order (with
    /// the id's location); `nil` when an item is outside the subset.
    private func decode(
        _ items: ArraySlice<PlainBlockScanner.ListItem>, in file: SourceFile, pods: Set<String>
    ) -> DecodedSlice? {
        let sink = DiagnosticSink()
        let versions = VersionTable()
        var seen: Set<String> = []
        var slice = DecodedSlice()
        var text = file.text
        let complete = text.withUTF8 { bytes in
            for index in items.indices {
                guard let node = PlainBlockScanner.item(items[index], in: bytes) else { return false }
                guard let item = MappingReader(node, in: file, sink: sink, context: Self.customersKey, index: index)
                else { continue }
                if let id = item.value("id", required: false)?.string, !id.isEmpty {
                    slice.ids.append((id, item.location("id")))
                }
                if let customer = customer(item, pods: pods, seen: &seen, versions: versions) {
                    slice.customers.append(customer)
                }
            }
            return true
        }
        guard complete else { return nil }
        slice.diagnostics = sink.diagnostics
        return slice
    }

    /// About `count` runs of consecutive items with about equal bytes each.
    static func slices(of items: [PlainBlockScanner.ListItem], count: Int) -> [Range<Int>] {
        guard let first = items.first?.bytes.lowerBound, let last = items.last?.bytes.upperBound else { return [] }
        let share = max(1, (last - first) / max(1, count))
        var slices: [Range<Int>] = []
        var lower = 0
        for index in items.indices where items[index].bytes.upperBound - items[lower].bytes.lowerBound >= share {
            slices.append(lower..<index + 1)
            lower = index + 1
        }
        if lower < items.count { slices.append(lower..<items.count) }
        return slices
    }
}

/// What one slice of a parallel load decoded.
private struct DecodedSlice: Sendable {
    var customers: [Customer] = []
    var diagnostics: [Diagnostic] = []
    var ids: [(String, SourceLocation)] = []
}

/// One slot per slice, filled by the threads of a parallel load; a slice that found text outside
/// the subset voids the whole.
private final class SliceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [DecodedSlice?]
    private var failed = false

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: DecodedSlice?, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let result { slots[index] = result } else { failed = true }
    }

    /// Every slice's result in order, or `nil` when one failed.
    var all: [DecodedSlice]? {
        lock.lock()
        defer { lock.unlock() }
        return failed ? nil : slots.compactMap { $0 }
    }
}
