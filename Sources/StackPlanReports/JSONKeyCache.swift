/// The encoded start of an object member named by a literal — `,\n`, the indentation and
/// `"name": ` — for ``JSONWriter/key(_:)``: built the first time a key is written at a depth, then
/// copied in one go (a report writes the same dozen keys a million times). Slots are found by a
/// multiplicative hash of the literal's address and the depth (short literals lie a few bytes
/// apart); a collision rebuilds the slot, so the cache never grows.
final class JSONKeyCache {
    private struct Entry {
        var address: UInt = 0
        var depth = 0
        var count = 0
    }

    private static let slotCount = 1024
    /// Room per fragment; a longer one (deep or long key) is not cached.
    private static let slotSize = 64
    private let entries: UnsafeMutablePointer<Entry>
    private let fragments: UnsafeMutablePointer<UInt8>

    init() {
        entries = .allocate(capacity: Self.slotCount)
        entries.initialize(repeating: Entry(), count: Self.slotCount)
        fragments = .allocate(capacity: Self.slotCount * Self.slotSize)
    }

    deinit {
        entries.deallocate()
        fragments.deallocate()
    }

    /// `lineStart` (the comma, line break and indentation of the key's depth), then `"`, the name
    /// and `keyEnd` (`": `) — the writer's own fragments — or nil when that does not fit a slot or
    /// the literal has no address (a single-scalar literal). Drop the first byte for a member
    /// that needs no comma.
    func fragment(
        _ name: StaticString, depth: Int, lineStart: UnsafeBufferPointer<UInt8>, keyEnd: UnsafeBufferPointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8>? {
        guard name.hasPointerRepresentation else { return nil }
        let address = UInt(bitPattern: name.utf8Start)
        let mixed = (address ^ UInt(truncatingIfNeeded: depth) << 48) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> 54)  // the top 10 bits: 1,024 slots
        let start = fragments + slot * Self.slotSize
        let entry = entries[slot]
        if entry.address == address, entry.depth == depth, entry.count > 0 {
            return UnsafeBufferPointer(start: start, count: entry.count)
        }
        let count = lineStart.count + 1 + name.utf8CodeUnitCount + keyEnd.count
        guard count <= Self.slotSize else { return nil }
        var position = start
        if let base = lineStart.baseAddress { position.initialize(from: base, count: lineStart.count) }
        position += lineStart.count
        position.initialize(to: UInt8(ascii: "\""))
        position += 1
        position.initialize(from: name.utf8Start, count: name.utf8CodeUnitCount)
        position += name.utf8CodeUnitCount
        if let base = keyEnd.baseAddress { position.initialize(from: base, count: keyEnd.count) }
        entries[slot] = Entry(address: address, depth: depth, count: count)
        return UnsafeBufferPointer(start: start, count: count)
    }
}
