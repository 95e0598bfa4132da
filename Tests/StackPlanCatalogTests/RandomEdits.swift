/// A small deterministic random number generator (SplitMix64) for the random-edit tests.
struct SplitMix64Generator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `bytes` with one to three bytes of `alphabet` inserted, or bytes deleted or replaced, at
    /// random places.
    mutating func edited(_ bytes: [UInt8], alphabet: [UInt8]) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int(next() % 3 + 1) where !bytes.isEmpty {
            let index = Int(next() % UInt64(bytes.count))
            let byte = alphabet[Int(next() % UInt64(alphabet.count))]
            switch next() % 3 {
            case 0: bytes.insert(byte, at: index)
            case 1: bytes.remove(at: index)
            default: bytes[index] = byte
            }
        }
        return bytes
    }
}
