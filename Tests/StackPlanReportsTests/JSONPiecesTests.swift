import Dispatch
import StackPlanCore
import Testing

@testable import StackPlanReports

/// `JSONWriter.elements`: the pieces of a large array written on several threads give the bytes
/// of the array written in one go, streamed or not.
@Suite("JSON arrays written in pieces")
struct JSONPiecesTests {
    /// A document with `count` elements written by `elements`, behind `before` elements written
    /// one by one, inside an object at depth 2; each element an object with a nested array, a
    /// string that needs escaping now and then, and a literal key.
    private struct Document: JSONDocument {
        let count: Int
        let before: Int

        func write(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("outer")
            writer.beginObject()
            writer.key("items")
            writer.beginArray()
            for index in 0..<before { Self.element(-index - 1, to: &writer) }
            writer.elements(count) { index, writer in Self.element(index, to: &writer) }
            writer.endArray()
            writer.key("after")
            writer.int(count)
            writer.endObject()
            writer.endObject()
        }

        static func element(_ index: Int, to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("index")
            writer.int(index)
            writer.key("name")
            writer.string(index % 7 == 0 ? "quote \" and tab \t \(index)" : "plain \(index)")
            writer.key("tags")
            writer.beginArray()
            for tag in 0..<(index.magnitude % 3) { writer.string("t\(tag)") }
            writer.endArray()
            writer.endObject()
        }
    }

    /// Last to first on one thread: a writer that depended on the pieces' order would differ.
    private static let backwards = Parallelism(width: 3) { count, body in
        for index in (0..<count).reversed() { body(index) }
    }

    private static let threads = Parallelism(width: 4) { count, body in
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    private static let piece = JSONWriter.elementsPerPiece

    @Test(arguments: [0, 1, piece, piece + 1, 8 * piece, 8 * piece + 3, 21 * piece - 1])
    func piecesGiveTheBytesOfOneWriter(_ count: Int) {
        for before in [0, 2] {
            let document = Document(count: count, before: before)
            let expected = document.serializedBytes()
            for parallelism in [Self.backwards, Self.threads] {
                var writer = JSONWriter()
                writer.parallelism = parallelism
                document.write(to: &writer)
                writer.finish()
                #expect(writer.bytes == expected, "count \(count), before \(before), width \(parallelism.width)")
                // Streamed in small chunks, the same bytes arrive in order.
                var streamed: [UInt8] = []
                document.stream(chunkSize: 1000, parallelism: parallelism) { streamed.append(contentsOf: $0) }
                #expect(streamed == expected, "streamed: count \(count), before \(before)")
            }
        }
    }
}
