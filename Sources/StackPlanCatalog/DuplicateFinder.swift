/// Finds the byte strings that repeat an earlier one among many (the incident log's ids) without
/// a hash table: each key's hash is collected in order, the hashes are radix-sorted (stable), and
/// only keys whose hashes agree are compared. Sequential passes instead of a cache miss per key.
struct DuplicateFinder {
    /// Each key's 32-bit hash in the high half and its ordinal in the low half.
    private var entries: [UInt64] = []
    /// Every key's bytes, back to back, and where each ends.
    private var keys: [UInt8] = []
    private var keyEnds: [Int] = []

    /// How many keys were added.
    var count: Int { keyEnds.count }

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
        keyEnds.reserveCapacity(capacity)
    }

    /// Adds a key; its ordinal is the number of keys added before it (up to `UInt32.max`).
    mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
        entries.append(UInt64(ByteStringTable.hash(key)) << 32 | UInt64(truncatingIfNeeded: keyEnds.count))
        keys.append(contentsOf: key)
        keyEnds.append(keys.count)
    }

    /// The ordinals of the keys equal to a key added earlier, ascending.
    func repeats() -> [Int] {
        var repeated: [Int] = []
        let sorted = Self.sortedByHash(entries)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] >> 32 == sorted[start] >> 32 { end += 1 }
            if end - start > 1 { repeated += repeats(in: sorted[start..<end].map { Int($0 & 0xFFFF_FFFF) }) }
            start = end
        }
        return repeated.sorted()
    }

    /// Among ordinals whose hashes agree (ascending), those equal to an earlier one.
    private func repeats(in ordinals: [Int]) -> [Int] {
        var seen = Set<[UInt8]>()
        return ordinals.filter { !seen.insert(key(at: $0)).inserted }
    }

    /// The text of key `ordinal`.
    func string(at ordinal: Int) -> String {
        String(decoding: key(at: ordinal), as: UTF8.self)
    }

    private func key(at ordinal: Int) -> [UInt8] {
        Array(keys[(ordinal == 0 ? 0 : keyEnds[ordinal - 1])..<keyEnds[ordinal]])
    }

    /// The entries sorted by their hash, keeping the order of equal hashes: four passes of an
    /// LSD radix sort on the hash's bytes.
    private static func sortedByHash(_ entries: [UInt64]) -> [UInt64] {
        var source = entries
        var target = [UInt64](repeating: 0, count: entries.count)
        for pass in 0..<4 {
            let shift = UInt64(32 + 8 * pass)
            var starts = [Int](repeating: 0, count: 257)
            for entry in source { starts[Int((entry >> shift) & 0xFF) + 1] += 1 }
            for digit in 1...256 { starts[digit] += starts[digit - 1] }
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    for entry in source {
                        let digit = Int((entry >> shift) & 0xFF)
                        target[starts[digit]] = entry
                        starts[digit] += 1
                    }
                }
            }
            swap(&source, &target)
        }
        return source
    }
}
