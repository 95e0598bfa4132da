import StackPlanCore

/// An open-addressing hash table of byte strings, each numbered in insertion order: the incident
/// log's customer index, looked up with the bytes of a CSV field — no String made,
/// hashed eight bytes at a time rather than by the standard library's seeded SipHash (issue 15's
/// "no String per field or dictionary lookup per cell").
///
/// Each slot holds a key's 32-bit hash beside its number, so a probe past another key compares
/// the hashes in the slot array and only reads the stored bytes when they agree, and growing
/// re-places the slots without hashing a key again: an insert of a new key costs about one
/// cache miss. Numbers go up to `UInt32.max - 1` keys.
struct ByteStringTable {
    /// Every key's bytes, back to back.
    private var keys: [UInt8] = []
    /// Where each key ends in ``keys``; key `i` starts where key `i - 1` ends.
    private var keyEnds: [Int] = []
    /// 0 for an empty slot, else the key's hash in the high 32 bits and its number + 1 in the low
    /// 32; the count is a power of two.
    private var slots: [UInt64]

    /// How many keys the table holds.
    var count: Int { keyEnds.count }

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
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
        slots[found.slot] = UInt64(hash) << 32 | UInt64(truncatingIfNeeded: number + 1)
        if keyEnds.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The slot holding `key` and its number, or the empty slot where it would go and -1.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (slot: Int, number: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, -1) }
                if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                    let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if holds(number, key) { return (slot, number) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether key `number` has exactly `key`'s bytes, compared eight at a time.
    private func holds(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : keyEnds[number - 1]
        guard keyEnds[number] - start == key.count else { return false }
        return keys.withUnsafeBufferPointer { stored in
            let stored = UnsafeBufferPointer(rebasing: stored[start..<start + key.count])
            guard key.count >= 8 else {
                for offset in 0..<key.count where stored[offset] != key[offset] { return false }
                return true
            }
            // Whole words, then the last eight bytes (overlapping the word before).
            var offset = 0
            while offset + 8 < key.count {
                if ByteWord.load(stored, at: offset) != ByteWord.load(key, at: offset) { return false }
                offset += 8
            }
            return ByteWord.load(stored, at: key.count - 8) == ByteWord.load(key, at: key.count - 8)
        }
    }

    /// Doubles the slots and re-places every entry by the hash it holds.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            for entry in old where entry != 0 {
                var slot = Int(truncatingIfNeeded: entry >> 32) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }

    /// A 32-bit hash of `key` read a word at a time (``ByteWord/anyWord(of:filler:_:)``, a short
    /// key zero-padded): each word mixed in by a multiplication, the length too, then the bits
    /// spread by MurmurHash3's finaliser so that the low bits (the slot) depend on every byte.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)
        // Every word is mixed in; the walk never stops early.
        _ = ByteWord.anyWord(of: key, filler: 0) { word in
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            return false
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
