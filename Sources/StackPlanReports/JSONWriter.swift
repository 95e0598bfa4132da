import StackPlanCore

/// Writes pretty-printed JSON (two-space indentation, keys in the order written) straight into
/// UTF-8 bytes. Large reports stream through it without building a tree; ``JSONValue`` uses it too,
/// so every JSON output has one format.
public struct JSONWriter {
    /// The bytes written so far (not yet handed to the sink, when the writer streams).
    public var bytes: [UInt8] { out.array }
    let out: ByteOutput
    /// How many containers are open, and whether the innermost holds an element yet (a comma goes
    /// before the next). No stack is needed: every enclosing container already holds the open one.
    var depth = 0
    var innermostHasElements = false
    private var afterKey = false
    /// ``sharedFragments``, read once per writer rather than through a lazy global on every use.
    private let fragments = JSONWriter.sharedFragments
    /// Each literal key's line break, indentation and name, encoded once per depth.
    private let keyCache = JSONKeyCache()
    /// Where full chunks go when the writer streams, and the chunk size.
    let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private let chunkSize: Int
    /// How ``elements(_:_:)`` shares out the elements of a large array: serial unless the caller
    /// of ``JSONDocument/stream(chunkSize:parallelism:toBuffers:)`` says otherwise.
    var parallelism = Parallelism.serial

    /// A writer that keeps the whole document in ``bytes``.
    public init(capacity: Int = 4096) {
        out = ByteOutput(capacity: capacity)
        sink = nil
        chunkSize = .max
    }

    /// A writer that hands its bytes to `sink` in chunks of about `chunkSize` (each time a container
    /// closes past that size), so a large document never sits whole in memory. Call ``flush()`` last.
    /// A chunk is the writer's own buffer, valid only during the call: nothing is copied.
    public init(chunkSize: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        out = ByteOutput(capacity: chunkSize + 4096)
        self.sink = sink
        self.chunkSize = chunkSize
    }

    /// A writer for a piece of another writer's document, appending to `out`: elements of the
    /// array open at `depth`, after an element already written when `continuing` (``elements(_:_:)``).
    init(pieceAt depth: Int, continuing: Bool, into out: ByteOutput) {
        self.out = out
        sink = nil
        chunkSize = .max
        self.depth = depth
        innermostHasElements = continuing
    }

    /// Hands what is buffered to the sink, if the writer streams.
    public mutating func flush() {
        guard let sink else { return }
        out.flush(to: sink)
    }

    /// Ends the document with a newline.
    public mutating func finish() {
        out.append(UInt8(ascii: "\n"))
    }

    public mutating func beginObject() {
        prepareValue()
        out.append(UInt8(ascii: "{"))
        open()
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        prepareValue()
        out.append(UInt8(ascii: "["))
        open()
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member named by a literal; the next value written is its value. The
    /// name is copied as it is: a literal key must need no escaping (every report's keys are
    /// camelCase words).
    public mutating func key(_ name: StaticString) {
        if !afterKey, depth > 0, depth <= Self.maxIndent,
            let fragment = keyCache.fragment(
                name, depth: depth, lineStart: UnsafeBufferPointer(start: fragments, count: 2 + 2 * depth),
                keyEnd: UnsafeBufferPointer(start: fragments + Self.keyEnd, count: 3))
        {
            out.append(innermostHasElements ? fragment : UnsafeBufferPointer(rebasing: fragment.dropFirst()))
            innermostHasElements = true
            afterKey = true
            return
        }
        prepareValue()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append($0) }
        out.append(UnsafeBufferPointer(start: fragments + Self.keyEnd, count: 3))
        afterKey = true
    }

    /// Starts an object member whose name is only known at run time (escaped as a string).
    public mutating func key(named name: String) {
        prepareValue()
        escape(name)
        out.append(UnsafeBufferPointer(start: fragments + Self.keyEnd + 1, count: 2))
        afterKey = true
    }

    public mutating func string(_ value: String) {
        prepareValue()
        escape(value)
    }

    /// A value already encoded as JSON (one scalar, no line breaks), copied as it is.
    mutating func encodedValue(_ bytes: [UInt8]) {
        prepareValue()
        bytes.withUnsafeBufferPointer { out.append($0) }
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
        let (year, month, day) = value.components
        out.append(length: 12) { text in
            ByteOutput.putQuotedDate(year: year, month: month, day: day, at: text)
            text[11] = UInt8(ascii: "\"")
        }
    }

    /// An instant as `YYYY-MM-DDTHH:MM:SSZ`, written in place after one capacity check.
    public mutating func instant(_ value: Instant) {
        prepareValue()
        let day = value.utcDay
        let (year, month, date) = day.components
        let time = value.seconds - day.dayNumber * 86_400
        out.append(length: 22) { text in
            ByteOutput.putQuotedDate(year: year, month: month, day: date, at: text)
            text[11] = UInt8(ascii: "T")
            ByteOutput.putTwoDigits(time / 3600, at: text + 12)
            text[14] = UInt8(ascii: ":")
            ByteOutput.putTwoDigits(time % 3600 / 60, at: text + 15)
            text[17] = UInt8(ascii: ":")
            ByteOutput.putTwoDigits(time % 60, at: text + 18)
            text[20] = UInt8(ascii: "Z")
            text[21] = UInt8(ascii: "\"")
        }
    }

    public mutating func int(_ value: Int) {
        prepareValue()
        out.appendDecimal(value)
    }

    /// An integer, or `null`.
    public mutating func int(_ value: Int?) {
        guard let value else { return null() }
        int(value)
    }

    public mutating func double(_ value: Double) {
        prepareValue()
        guard value.isFinite else { return out.append(word: Self.nullWord, count: 4) }
        if value == value.rounded(), abs(value) < 1e15 { return out.append(contentsOf: String(Int(value)).utf8) }
        out.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        prepareValue()
        if value { out.append(word: Self.trueWord, count: 4) } else { out.append(word: Self.falseWord, count: 5) }
    }

    public mutating func null() {
        prepareValue()
        out.append(word: Self.nullWord, count: 4)
    }

    /// `true`, `false` and `null` as the low bytes of a word (``ByteOutput/append(word:count:)``).
    private static let trueWord = word("true"), falseWord = word("false"), nullWord = word("null")

    /// The bytes of `text` (at most eight) as the low bytes of a word, first byte lowest.
    private static func word(_ text: StaticString) -> UInt64 {
        text.withUTF8Buffer { bytes in
            bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
    }

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        // ",\n" and the indentation, or "\n" and the indentation for a container's first element.
        newline(depth: depth, comma: innermostHasElements)
        innermostHasElements = true
    }

    private mutating func open() {
        depth += 1
        innermostHasElements = false
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = innermostHasElements
        depth = max(depth - 1, 0)
        // The enclosing container holds the one just closed.
        innermostHasElements = true
        if hadElements { newline(depth: depth, comma: false) }
        out.append(bracket)
        if out.count >= chunkSize { flush() }
    }

    /// Fixed fragments, encoded once: `,\n` and enough spaces for ``maxIndent`` levels, then `": `.
    private static let maxIndent = 64
    private static let keyEnd = 2 + 2 * maxIndent
    nonisolated(unsafe) private static let sharedFragments: UnsafeMutablePointer<UInt8> = {
        let bytes =
            [UInt8](",\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 2 * maxIndent)
            + [UInt8]("\": ".utf8)
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        pointer.initialize(from: bytes, count: bytes.count)
        return pointer
    }()

    /// A line break (after a comma, if asked) and the indentation of `depth` levels, in one copy.
    private mutating func newline(depth: Int, comma: Bool) {
        let start = comma ? 0 : 1
        guard depth <= Self.maxIndent else {
            out.append(UnsafeBufferPointer(start: fragments + start, count: 2 - start))
            for _ in 0..<depth { out.append(UnsafeBufferPointer(start: fragments + 2, count: 2)) }
            return
        }
        out.append(UnsafeBufferPointer(start: fragments + start, count: 2 - start + 2 * depth))
    }

    /// Whether `bytes` hold a control character, a quote or a backslash, read a word at a time
    /// (``ByteWord/anyWord(of:filler:_:)``).
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWord.anyWord(of: bytes, filler: UInt8(ascii: " ")) { word in
            ByteWord.bytes(below: 0x20, in: word) | ByteWord.bytes(equalTo: UInt8(ascii: "\""), in: word)
                | ByteWord.bytes(equalTo: UInt8(ascii: "\\"), in: word) != 0
        }
    }

    private mutating func escape(_ text: String) {
        out.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied in one go.
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !Self.needsEscaping(buffer) else { return false }
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
    /// `chunkSize` bytes: the same bytes as ``serializedBytes(capacity:)``, in bounded memory. Each
    /// chunk is the writer's own buffer, valid only during the call, so nothing is copied.
    /// With `parallelism`, the pieces of a large array written with ``JSONWriter/elements(_:_:)`` are
    /// written on its threads; the bytes are the same.
    public func stream(
        chunkSize: Int = 1 << 20, parallelism: Parallelism = .serial,
        toBuffers sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var writer = JSONWriter(chunkSize: chunkSize, sink: sink)
        writer.parallelism = parallelism
        write(to: &writer)
        writer.finish()
        writer.flush()
    }
}
