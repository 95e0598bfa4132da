/// An open-addressing hash table of byte strings, each numbered in insertion order: the incident
/// log's id set and customer index, looked up with the bytes of a CSV field — no String made,
/// hashed with FNV-1a rather than the standard library's seeded SipHash (issue 15's "no String
/// per field or dictionary lookup per cell").
struct ByteStringTable {
    /// Every key's bytes, back to back.
    private var keys: [UInt8] = []
    /// Where each key ends in ``keys``; key `i` starts where key `i - 1` ends.
    private var keyEnds: [Int] = []
    /// Key numbers, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32]

    /// How many keys the table holds.
    var count: Int { keyEnds.count }

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    /// A table of `strings`, numbered in order (a repeated string keeps its first number).
    init(_ strings: [String]) {
        self.init(capacity: strings.count)
        for var string in strings { string.withUTF8 { _ = insert($0) } }
    }

    /// The number of `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = find(key, hash: Self.hash(key))
        return found.number >= 0 ? found.number : nil
    }

    /// Adds `key` unless present; its number and whether it was new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let hash = Self.hash(key)
        let found = find(key, hash: hash)
        if found.number >= 0 { return (found.number, false) }
        let number = keyEnds.count
        keys.append(contentsOf: key)
        keyEnds.append(keys.count)
        slots[found.slot] = Int32(truncatingIfNeeded: number)
        if keyEnds.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The slot holding `key` and its number, or the empty slot where it would go and -1.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, number: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keys.withUnsafeBufferPointer { stored in
            while true {
                let number = Int(slots[slot])
                if number < 0 { return (slot, -1) }
                let start = number == 0 ? 0 : keyEnds[number - 1]
                let end = keyEnds[number]
                if end - start == key.count, Self.equal(stored, from: start, key) { return (slot, number) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether `stored` holds `key`'s bytes from `start` (the caller checked the length).
    private static func equal(
        _ stored: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
        return true
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        keys.withUnsafeBufferPointer { stored in
            for number in keyEnds.indices {
                let start = number == 0 ? 0 : keyEnds[number - 1]
                let key = UnsafeBufferPointer(rebasing: stored[start..<keyEnds[number]])
                var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(truncatingIfNeeded: number)
            }
        }
    }

    /// 64-bit FNV-1a, then mixed so that the low bits (the slot) depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
