/// What ``PlainBlockScanner`` hands its events to: a ``YAMLTreeBuilder`` (the node tree every
/// reader validates) or a ``YAMLTape`` (the flat events of one inventory item).
protocol PlainScanSink {
    /// Opens a mapping or a sequence at `mark`.
    mutating func openCollection(mapping: Bool, at mark: YAMLMark)
    /// Closes the innermost open collection; `false` when the text is not valid.
    mutating func closeCollection() -> Bool
    /// Adds the scalar written in `bytes[text]`; `false` when the text is not valid.
    mutating func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, plain: Bool, at mark: YAMLMark)
        -> Bool
}

/// The events of a small YAML text as one flat array in document order (a tape): a collection's
/// entry says where its contents end, a scalar's where its text lies in the scanned bytes. No
/// String, array or node is made per event, and one tape is reused item after item, so reading a
/// customer this way costs no allocation for its structure (``InventoryLoader`` decodes the
/// customers of a plain inventory from it, ``InventoryLoader/tapeCustomer(_:in:context:)``).
struct YAMLTape: PlainScanSink {
    enum Kind: UInt8 {
        case mapping, sequence, plainScalar, quotedScalar
    }

    /// One event. A mapping's contents are its keys and values in turn.
    struct Entry {
        let kind: Kind
        let line: Int
        let column: Int
        /// A scalar's text in the scanned bytes; for a collection, `upperBound` is the index of
        /// the entry after its last descendant (set when it closes).
        var range: Range<Int>

        var isScalar: Bool { kind == .plainScalar || kind == .quotedScalar }
        var mark: YAMLMark { YAMLMark(line: line, column: column) }
    }

    private(set) var entries: [Entry] = []
    /// The open collections' entry indices.
    private var open: [Int] = []

    init() {
        entries.reserveCapacity(256)
    }

    /// Empties the tape, keeping its storage.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
    }

    /// The index of the entry after `index` and all it holds.
    func next(after index: Int) -> Int {
        entries[index].isScalar ? index + 1 : entries[index].range.upperBound
    }

    mutating func openCollection(mapping: Bool, at mark: YAMLMark) {
        open.append(entries.count)
        entries.append(
            Entry(kind: mapping ? .mapping : .sequence, line: mark.line, column: mark.column, range: 0..<0))
    }

    mutating func closeCollection() -> Bool {
        guard let index = open.popLast() else { return false }
        entries[index].range = 0..<entries.count
        return true
    }

    mutating func addScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, plain: Bool, at mark: YAMLMark
    ) -> Bool {
        entries.append(
            Entry(kind: plain ? .plainScalar : .quotedScalar, line: mark.line, column: mark.column, range: text))
        return true
    }
}
