import StackPlanCore
import Testing

@testable import StackPlanReports

@Suite("JSON writer")
struct JSONWriterTests {
    /// Literal keys (encoded once per depth, then copied) written at several depths and in
    /// several orders, and the same document built from values (keys escaped at run time).
    private struct Nested: JSONDocument {
        func write(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("id")
            writer.string("root")
            writer.key("items")
            writer.beginArray()
            for index in 0..<3 {
                writer.beginObject()
                writer.key("id")
                writer.int(index)
                writer.key("opened")
                writer.instant(Instant(seconds: 1_790_000_000 + index * 86_399))
                writer.key("inner")
                writer.beginObject()
                if index > 0 {
                    writer.key("id")
                    writer.bool(index == 1)
                }
                writer.key("items")
                writer.beginArray()
                writer.endArray()
                writer.endObject()
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    @Test func literalKeysWriteTheSameBytesAsKeysMadeAtRunTime() {
        let items: [JSONValue] = (0..<3).map { index in
            let instant = Instant(seconds: 1_790_000_000 + index * 86_399)
            let inner: [(String, JSONValue)] = (index > 0 ? [("id", .bool(index == 1))] : []) + [("items", .array([]))]
            return .object([("id", .int(index)), ("opened", .string(instant.isoUTC)), ("inner", .object(inner))])
        }
        let expected = JSONValue.object([("id", .string("root")), ("items", .array(items))]).serialized()
        #expect(Nested().serialized() == expected)
    }

    /// More distinct keys than the cache has slots: colliding keys are rebuilt, never mixed up.
    @Test func manyDistinctKeysStayDistinct() {
        struct Wide: JSONDocument {
            static let names: [StaticString] = [
                "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
            ]
            func write(to writer: inout JSONWriter) {
                writer.beginArray()
                for depth in 0..<40 {
                    for _ in 0..<depth { writer.beginArray() }
                    writer.beginObject()
                    for (index, name) in Self.names.enumerated() {
                        writer.key(name)
                        writer.int(depth * 100 + index)
                    }
                    writer.endObject()
                    for _ in 0..<depth { writer.endArray() }
                }
                writer.endArray()
            }
        }
        let expected = JSONValue.array(
            (0..<40).map { depth in
                var value = JSONValue.object(
                    Wide.names.enumerated().map { ("\($0.element)", .int(depth * 100 + $0.offset)) })
                for _ in 0..<depth { value = .array([value]) }
                return value
            })
        #expect(Wide().serialized() == expected.serialized())
    }

    /// The word-at-a-time test agrees with looking at each byte: every byte value at every
    /// position of texts of 1 to 19 bytes (a few bytes, two halves, words and a tail), among
    /// bytes that never need escaping, and random texts of every length up to 40.
    @Test func theWordTestFindsExactlyTheBytesThatNeedEscaping() {
        func naive(_ bytes: [UInt8]) -> Bool {
            bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        for filler in [UInt8(ascii: "a"), 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF] {
            for length in 1...19 {
                for value in 0...255 {
                    for position in 0..<length {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = UInt8(value)
                        let found = bytes.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) }
                        if found != naive(bytes) {
                            Issue.record("byte \(value) at \(position) of \(length) among \(filler)")
                        }
                    }
                }
            }
        }
        var random = SplitMix64(seed: 15)
        for length in 0...40 {
            for _ in 0..<200 {
                let bytes = (0..<length).map { _ in
                    // Mostly printable, now and then anything.
                    UInt8.random(in: 0...9, using: &random) == 0
                        ? UInt8.random(in: 0...255, using: &random) : UInt8.random(in: 0x20...0x7E, using: &random)
                }
                #expect(bytes.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) } == naive(bytes))
            }
        }
    }

    /// Appends of every length up to 70 bytes, after every offset up to 40, through growth: the
    /// word and vector copies give exactly the bytes appended.
    @Test func appendsOfEveryLengthKeepTheirBytes() {
        let source = (0..<70).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for offset in 0...40 {
            for length in 0...70 {
                let out = ByteOutput(capacity: 64)
                let prefix = [UInt8](repeating: 0xEE, count: offset)
                prefix.withUnsafeBufferPointer { out.append($0) }
                source.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0.prefix(length))) }
                out.append(0xFF)
                #expect(out.array == prefix + source.prefix(length) + [0xFF], "offset \(offset), length \(length)")
            }
        }
    }

    /// Dates are written with their quotes, zero-padded.
    @Test(arguments: ["2026-09-01", "0999-01-31", "9999-12-31", "2024-02-29"])
    func datesAreQuotedAndPadded(_ text: String) throws {
        var writer = JSONWriter()
        writer.day(try #require(CalendarDay(text)))
        #expect(writer.bytes == Array("\"\(text)\"".utf8))
    }
}
