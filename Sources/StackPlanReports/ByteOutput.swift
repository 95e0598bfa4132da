/// A growable byte buffer for writers of large outputs: an append is a capacity check and a store,
/// without the uniqueness check and reallocation path of `Array.append`.
/// A reference type: the writer that owns it is its only user.
final class ByteOutput {
    private var storage: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        if bytes.count <= 16 {
            // Most appends are a few bytes: a loop beats a call to memmove.
            for offset in 0..<bytes.count { storage[count + offset] = base[offset] }
        } else {
            (storage + count).update(from: base, count: bytes.count)
        }
        count += bytes.count
    }

    func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { append($0) }
        if done == nil {
            for byte in bytes { append(byte) }
        }
    }

    /// Appends `value` in decimal, without making a String.
    func appendDecimal(_ value: Int) {
        if count + 20 > capacity { grow(to: count + 20) }
        if value < 0 { append(UInt8(ascii: "-")) }
        // The magnitude's digits, least significant first, then reversed in place.
        var rest = value.magnitude
        let start = count
        repeat {
            storage[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            count += 1
            rest /= 10
        } while rest > 0
        var digits = UnsafeMutableBufferPointer(start: storage + start, count: count - start)
        digits.reverse()
    }

    /// The last two decimal digits of a non-negative value.
    @inline(__always)
    func appendTwoDigits(_ value: Int) {
        if count + 2 > capacity { grow(to: count + 2) }
        let pair = value % 100
        storage[count] = UInt8(ascii: "0") + UInt8(pair / 10)
        storage[count + 1] = UInt8(ascii: "0") + UInt8(pair % 10)
        count += 2
    }

    /// Hands the bytes written to `sink` (valid only during the call) and forgets them, when
    /// there are at least `minimum`: how every streamed format writes in chunks.
    func flush(ifAtLeast minimum: Int = 1, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard count >= max(minimum, 1) else { return }
        sink(UnsafeBufferPointer(start: storage, count: count))
        count = 0
    }

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Removes trailing copies of `byte`, never going below `start` bytes.
    func dropTrailing(_ byte: UInt8, downTo start: Int) {
        while count > max(start, 0), storage[count - 1] == byte { count -= 1 }
    }

    private func grow(to needed: Int) {
        var next = capacity * 2
        while next < needed { next *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: next)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = next
    }
}
