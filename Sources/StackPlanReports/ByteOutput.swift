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
        let length = bytes.count
        if count + length > capacity { grow(to: count + length) }
        Self.copy(base, count: length, to: storage + count)
        count += length
    }

    /// Copies `length` bytes from `source` to `target` (which must not overlap). Most copies are a
    /// few dozen bytes at most (a key, a date, a name): two overlapping word or vector copies beat
    /// a call to memmove.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, count length: Int, to target: UnsafeMutablePointer<UInt8>) {
        let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
        switch length {
        case ..<4:
            // None, or the first, middle and last bytes (some of them the same).
            guard length > 0 else { return }
            target[0] = source[0]
            target[length / 2] = source[length / 2]
            target[length - 1] = source[length - 1]
        case ..<8:
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), toByteOffset: length - 4,
                as: UInt32.self)
        case ...16:
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8,
                as: UInt64.self)
        case ...32:
            to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: length - 16, as: SIMD16<UInt8>.self),
                toByteOffset: length - 16, as: SIMD16<UInt8>.self)
        default:
            target.update(from: source, count: length)
        }
    }

    /// Appends the bytes that `write` puts in place, at most `limit` of them, after one capacity
    /// check; `write` returns how many it wrote.
    @inline(__always)
    func append(atMost limit: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + limit > capacity { grow(to: count + limit) }
        count += write(storage + count)
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

    /// Appends the low `count` bytes of `word` (at most eight, lowest first) with one store.
    @inline(__always)
    func append(word: UInt64, count length: Int) {
        if count + 8 > capacity { grow(to: count + 8) }
        UnsafeMutableRawPointer(storage + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count += length
    }

    /// Appends a copy of `length` bytes already written, from `start` (which must leave them).
    func appendCopy(from start: Int, length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        Self.copy(storage + start, count: length, to: storage + count)
        count += length
    }

    /// Appends `byte` `count` times (none when `count` is not positive), after one capacity check.
    func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        append(length: repeats) { $0.update(repeating: byte, count: repeats) }
    }

    /// Appends `length` bytes that `write` puts in place, after one capacity check (fixed-width
    /// texts such as dates and instants, without a copy through a temporary).
    @inline(__always)
    func append(length: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        if count + length > capacity { grow(to: count + length) }
        write(storage + count)
        count += length
    }

    /// Puts `"YYYY-MM-DD` — an opening quote and a date, 11 bytes: the last four digits of `year`,
    /// the last two of `month` and `day`, all non-negative — at `text`.
    static func putQuotedDate(year: Int, month: Int, day: Int, at text: UnsafeMutablePointer<UInt8>) {
        text[0] = UInt8(ascii: "\"")
        putDate(year: year, month: month, day: day, at: text + 1)
    }

    /// Puts `YYYY-MM-DD`, 10 bytes, at `text` (the digits as for ``putQuotedDate(year:month:day:at:)``).
    static func putDate(year: Int, month: Int, day: Int, at text: UnsafeMutablePointer<UInt8>) {
        putTwoDigits(year / 100, at: text)
        putTwoDigits(year, at: text + 2)
        text[4] = UInt8(ascii: "-")
        putTwoDigits(month, at: text + 5)
        text[7] = UInt8(ascii: "-")
        putTwoDigits(day, at: text + 8)
    }

    /// Puts the last two decimal digits of a non-negative value at `text`.
    static func putTwoDigits(_ value: Int, at text: UnsafeMutablePointer<UInt8>) {
        // Both digits with one load from the table of pairs and one store.
        let pair = UnsafeRawPointer(digitPairs.utf8Start).loadUnaligned(
            fromByteOffset: 2 * (value % 100), as: UInt16.self)
        UnsafeMutableRawPointer(text).storeBytes(of: pair, as: UInt16.self)
    }

    /// `00` to `99`, each pair at twice its value (one literal: a StaticString has no concatenation).
    // swift-format-ignore
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Hands the bytes written to `sink` (valid only during the call) and forgets them, when
    /// there are at least `minimum`: how every streamed format writes in chunks.
    func flush(ifAtLeast minimum: Int = 1, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard count >= max(minimum, 1) else { return }
        sink(UnsafeBufferPointer(start: storage, count: count))
        count = 0
    }

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The bytes written, in place: valid until the next append or removal.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    /// Forgets every byte written, keeping the storage.
    func removeAll() {
        count = 0
    }

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
