import StackPlanCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes. Large reports stream through it without building a tree; ``JSONValue`` uses it too,
/// so every JSON output has one format.
public struct JSONWriter {
    /// The bytes written so far (not yet handed to the sink, when the writer streams).
    public var bytes: [UInt8] { out.array }
    private let out: ByteOutput
    /// Elements written in each open container.
    private var counts: [Int] = []
    private var afterKey = false
    /// Where full chunks go when the writer streams, and the chunk size.
    private let sink: (([UInt8]) -> Void)?
    private let chunkSize: Int

    /// A writer that keeps the whole document in ``bytes``.
    public init(capacity: Int = 4096) {
        out = ByteOutput(capacity: capacity)
        sink = nil
        chunkSize = .max
    }

    /// A writer that hands its bytes to `sink` in chunks of about `chunkSize` (each time a container
    /// closes past that size), so a large document never sits whole in memory. Call ``flush()`` last.
    public init(chunkSize: Int, sink: @escaping ([UInt8]) -> Void) {
        out = ByteOutput(capacity: chunkSize + 4096)
        self.sink = sink
        self.chunkSize = chunkSize
    }

    /// Hands what is buffered to the sink, if the writer streams.
    public mutating func flush() {
        guard let sink, out.count > 0 else { return }
        sink(out.array)
        out.removeAll()
    }

    /// Ends the document with a newline.
    public mutating func finish() {
        out.append(UInt8(ascii: "\n"))
    }

    public mutating func beginObject() {
        prepareValue()
        out.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        prepareValue()
        out.append(UInt8(ascii: "["))
        counts.append(0)
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member; the next value written is its value.
    public mutating func key(_ name: String) {
        prepareValue()
        escape(name)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        afterKey = true
    }

    public mutating func string(_ value: String) {
        prepareValue()
        escape(value)
    }

    /// A string, or `null`.
    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    /// A date as `YYYY-MM-DD`, or `null`.
    public mutating func day(_ value: CalendarDay?) {
        guard let value else { return null() }
        prepareValue()
        out.append(UInt8(ascii: "\""))
        let (year, month, day) = value.components
        digits(year, width: 4)
        out.append(UInt8(ascii: "-"))
        digits(month, width: 2)
        out.append(UInt8(ascii: "-"))
        digits(day, width: 2)
        out.append(UInt8(ascii: "\""))
    }

    /// An instant as `YYYY-MM-DDTHH:MM:SSZ`.
    public mutating func instant(_ value: Instant) {
        prepareValue()
        out.append(UInt8(ascii: "\""))
        let day = value.utcDay
        let (year, month, date) = day.components
        let time = value.seconds - day.dayNumber * 86_400
        digits(year, width: 4)
        out.append(UInt8(ascii: "-"))
        digits(month, width: 2)
        out.append(UInt8(ascii: "-"))
        digits(date, width: 2)
        out.append(UInt8(ascii: "T"))
        digits(time / 3600, width: 2)
        out.append(UInt8(ascii: ":"))
        digits(time % 3600 / 60, width: 2)
        out.append(UInt8(ascii: ":"))
        digits(time % 60, width: 2)
        out.append(UInt8(ascii: "Z"))
        out.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ value: Int) {
        prepareValue()
        out.append(contentsOf: String(value).utf8)
    }

    /// An integer, or `null`.
    public mutating func int(_ value: Int?) {
        guard let value else { return null() }
        int(value)
    }

    public mutating func double(_ value: Double) {
        prepareValue()
        guard value.isFinite else { return out.append(contentsOf: "null".utf8) }
        if value == value.rounded(), abs(value) < 1e15 { return out.append(contentsOf: String(Int(value)).utf8) }
        out.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        prepareValue()
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        prepareValue()
        out.append(contentsOf: "null".utf8)
    }

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = counts.indices.last else { return }
        if counts[last] > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        counts[last] += 1
        indent(counts.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        if count > 0 {
            out.append(UInt8(ascii: "\n"))
            indent(counts.count)
        }
        out.append(bracket)
        if out.count >= chunkSize { flush() }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func indent(_ level: Int) {
        var remaining = level * 2
        while remaining > 0 {
            let count = min(remaining, Self.spaces.count)
            out.append(contentsOf: Self.spaces[0..<count])
            remaining -= count
        }
    }

    private mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func escape(_ text: String) {
        out.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied in one go.
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            out.append(buffer)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Something that can write itself as JSON.
public protocol JSONDocument: Sendable {
    func write(to writer: inout JSONWriter)
}

extension JSONDocument {
    /// The pretty-printed document and a final newline.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The pretty-printed document and a final newline, as UTF-8 bytes.
    public func serializedBytes(capacity: Int = 4096) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        write(to: &writer)
        writer.finish()
        return writer.bytes
    }

    /// Writes the pretty-printed document and a final newline to `sink` in chunks of about
    /// `chunkSize` bytes: the same bytes as ``serializedBytes(capacity:)``, in bounded memory.
    public func stream(chunkSize: Int = 1 << 20, to sink: @escaping ([UInt8]) -> Void) {
        var writer = JSONWriter(chunkSize: chunkSize, sink: sink)
        write(to: &writer)
        writer.finish()
        writer.flush()
    }
}
