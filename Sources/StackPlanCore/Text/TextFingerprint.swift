/// A cheap summary of a text for hashing a key whose equality still compares the whole text:
/// its length and its first and last eight bytes, read in place. Planning looks up ids, cycles
/// and minors for every component of every cluster; these are short (a text of up to 16 bytes is
/// summarised whole), so the summary tells them apart as well as hashing every byte, for a
/// fraction of the work. Longer texts that differ only in the middle share a summary, which
/// costs their lookups a comparison more, never a wrong answer.
enum TextFingerprint {
    /// The summary of `text`; equal texts always have equal ones.
    static func of(_ text: String) -> UInt64 {
        let utf8 = text.utf8
        let count = UInt64(truncatingIfNeeded: utf8.count)
        let ends =
            utf8.withContiguousStorageIfAvailable { bytes -> (UInt64, UInt64) in
                guard let base = bytes.baseAddress else { return (0, 0) }
                let raw = UnsafeRawPointer(base)
                switch bytes.count {
                case 8...:
                    return (
                        raw.loadUnaligned(as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
                    )
                default:
                    var word: UInt64 = 0
                    for index in bytes.indices { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
                    return (word, 0)
                }
            } ?? (UInt64(truncatingIfNeeded: text.hashValue), 0)
        return (ends.0 &* 0x9E37_79B9_7F4A_7C15) ^ ends.1 ^ count << 56
    }
}

/// A String as a dictionary key hashed by its ``TextFingerprint`` and compared whole.
struct FingerprintKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(TextFingerprint.of(text))
    }
}
