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
}
