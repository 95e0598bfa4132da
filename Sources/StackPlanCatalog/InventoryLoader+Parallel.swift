import StackPlanCore

extension InventoryLoader {
    /// Validates `file` like ``load(_:)``, decoding the customers item by item, on several
    /// threads when `parallelism` allows, when the text is in the plain block subset
    /// (``PlainBlockScanner``): the root is read first with the customers list left out, then
    /// slices of the customers, each on its own, then the slices are joined in file order. Each
    /// customer is read off a flat tape of its events when it holds nothing unusual
    /// (``tapeCustomer(_:in:pods:seen:versions:)``), else through the node tree. The inventory
    /// and every diagnostic are the same as ``load(_:)``'s; any other text is read by
    /// ``load(_:)`` (by libyaml straight away when the scanner has already given up on it).
    public func load(_ file: SourceFile, parallelism: Parallelism) -> InventoryLoadResult {
        switch loadInParallel(file, parallelism) {
        case .read(let result): return result
        case .outsideSubset: return load(file, plainScanner: false)
        case .noCustomerList: return load(file)
        }
    }

    /// What a parallel read came to.
    private enum ParallelRead {
        case read(InventoryLoadResult)
        /// Some part of the text is outside the scanner's subset (nothing of it is kept).
        case outsideSubset
        /// The root has no block list of customers to share out.
        case noCustomerList
    }

    private func loadInParallel(_ file: SourceFile, _ parallelism: Parallelism) -> ParallelRead {
        var builder = YAMLTreeBuilder(streaming: nil)
        var text = file.text
        guard
            let items = text.withUTF8({
                PlainBlockScanner.scan($0, into: &builder, deferringItemsOf: Self.customersKey)
            })
        else { return .outsideSubset }
        let sink = DiagnosticSink()
        guard !items.isEmpty, let root = builder.root,
            let reader = MappingReader(root, in: file, sink: sink, context: "the inventory")
        else { return .noCustomerList }
        reader.rejectUnknownKeys(allowed: Self.rootKeys)
        var podIds: Set<String> = []
        let pods = readPods(reader, ids: &podIds)

        let slices = Self.slices(of: items, count: parallelism.width * 4)
        let results = parallelism.map(slices.count) { [podIds] slice in
            decode(items[slices[slice]], in: file, pods: podIds)
        }
        var decoded: [DecodedSlice] = []
        for result in results {
            guard let result else { return .outsideSubset }
            decoded.append(result)
        }

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
        return .read(
            InventoryLoadResult(
                inventory: diagnostics.hasErrors ? nil : Inventory(pods: pods, customers: customers),
                diagnostics: diagnostics))
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
            var tape = YAMLTape()
            for index in items.indices {
                if PlainBlockScanner.item(items[index], in: bytes, into: &tape),
                    let (customer, mark) = tapeCustomer(tape, in: bytes, pods: pods, seen: seen, versions: versions)
                {
                    seen.insert(customer.id)
                    slice.ids.append((customer.id, file.location(at: mark)))
                    slice.customers.append(customer)
                    continue
                }
                // Anything the tape's fast path leaves, read through the node tree.
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
