import StackPlanCore

/// The elements of a large array written in pieces at the same time.
extension JSONWriter {
    /// How many elements one piece holds: enough to make handing it to a thread worth it, few
    /// enough that the pieces in flight stay a few megabytes.
    static let elementsPerPiece = 256

    /// Writes elements `0..<count` into the array just begun with `element`: the same bytes as
    /// calling it for each index in turn. With ``parallelism`` wider than one, pieces of
    /// ``elementsPerPiece`` elements are written in batches, each piece by a writer of its own on
    /// one of the threads; each batch is handed on in order (to the sink, or into ``bytes``) while
    /// the next one is written. `element` must write exactly one value.
    public mutating func elements(_ count: Int, _ element: @Sendable (Int, inout JSONWriter) -> Void) {
        let width = parallelism.width
        guard width > 1, count > Self.elementsPerPiece else {
            for index in 0..<count { element(index, &self) }
            return
        }
        let pieces = (count + Self.elementsPerPiece - 1) / Self.elementsPerPiece
        // Two pieces per thread and batch, so a slow piece is made up for.
        let perBatch = width * 2
        let (depth, continuing) = (depth, innermostHasElements)
        // What came before the array goes first.
        flush()
        let destination = Destination(sink: sink, out: out)
        var written: [Piece] = []
        var capacity = 1 << 16
        var batchStart = 0
        while batchStart < pieces || !written.isEmpty {
            let batch = batchStart..<min(batchStart + perBatch, pieces)
            let previous = written
            let pieceCapacity = capacity
            // One more call than pieces: it hands on the previous batch meanwhile.
            written = parallelism.map(batch.count + 1) { offset -> Piece? in
                guard offset < batch.count else {
                    for piece in previous { destination.take(piece.out) }
                    return nil
                }
                let piece = batch.lowerBound + offset
                var writer = JSONWriter(pieceAt: depth, continuing: piece > 0 || continuing, capacity: pieceCapacity)
                let first = piece * Self.elementsPerPiece
                for index in first..<min(first + Self.elementsPerPiece, count) { element(index, &writer) }
                return Piece(out: writer.out)
            }.compactMap { $0 }
            capacity = written.reduce(capacity) { max($0, $1.out.count) }
            batchStart = batch.upperBound
        }
        innermostHasElements = true
    }
}

/// A piece's bytes, handed from the thread that wrote them to the one that hands them on (after
/// the piece's writer is done with them).
private struct Piece: @unchecked Sendable {
    let out: ByteOutput
}

/// Where the pieces go: the writer's sink when it streams, else its own buffer. Used by one call
/// of a batch at a time, while the writer itself waits for the batch.
private struct Destination: @unchecked Sendable {
    let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    let out: ByteOutput

    func take(_ piece: ByteOutput) {
        if let sink {
            piece.flush(to: sink)
        } else {
            piece.flush { out.append($0) }
        }
    }
}
