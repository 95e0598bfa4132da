/// Tests on eight bytes at once, for the scanners and writers that look at every byte of large
/// texts (the inventory scanner, JSON escaping, terminal tables): each answers "does some byte of
/// the word …" exactly, with a few arithmetic operations and no branch per byte. The masks are
/// nonzero exactly when some byte matches (which bits are set beyond the lowest match is not
/// meaningful), so several tests combine with `|` into one branch.
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080
    /// Eight spaces.
    public static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// The eight bytes of `bytes` from `offset` (which must leave eight), read unaligned; the
    /// tests below do not depend on the byte order.
    @inlinable public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// Nonzero when some byte of `word` is below `limit` (at most 0x80; bytes of 0x80 and up
    /// never count).
    @inlinable public static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Nonzero when some byte of `word` is `value`.
    @inlinable public static func bytes(equalTo value: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (ones &* UInt64(value))
        return (difference &- ones) & ~difference & highs
    }

    /// Nonzero when some byte of `word` is 0x80 or above (not ASCII).
    @inlinable public static func nonASCIIBytes(in word: UInt64) -> UInt64 {
        word & highs
    }

    /// Whether every byte of `word` is printable ASCII, space to `~` (0x20 to 0x7E).
    @inlinable public static func isPrintableASCII(_ word: UInt64) -> Bool {
        bytes(below: 0x20, in: word) | bytes(equalTo: 0x7F, in: word) | nonASCIIBytes(in: word) == 0
    }

    /// Whether every one of `bytes` is printable ASCII (``anyWord(of:filler:_:)``).
    public static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !anyWord(of: bytes, filler: 0x20) { !isPrintableASCII($0) }
    }

    /// Whether `test` holds for some word of `bytes`, where each byte is in some word: eight bytes
    /// at a time, the last eight overlapping the word before; four to seven bytes as two
    /// overlapping halves; fewer with the rest of the word `filler` bytes, for which `test` must
    /// not hold. For tests that ask whether some byte is of a kind, a byte read twice does not
    /// change the answer.
    @inlinable public static func anyWord(
        of bytes: UnsafeBufferPointer<UInt8>, filler: UInt8, _ test: (UInt64) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        switch bytes.count {
        case 8...:
            var offset = 0
            while offset + 8 < bytes.count {
                if test(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
                offset += 8
            }
            return test(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
        case 4...:
            let low = raw.loadUnaligned(as: UInt32.self)
            let high = raw.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self)
            return test(UInt64(low) | UInt64(high) << 32)
        default:
            var word = ones &* UInt64(filler)
            for offset in 0..<bytes.count {
                let shift = 8 * UInt64(offset)
                word = word & ~(0xFF << shift) | UInt64(base[offset]) << shift
            }
            return test(word)
        }
    }
}
