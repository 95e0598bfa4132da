import StackPlanCore

/// The elements of a large array written in pieces at the same time.
extension JSONWriter {
    /// How many elements one piece holds: enough to make handing it to a thread worth it, few
    /// enough that the pieces in flight stay a few megabytes.
    static let elementsPerPiece = 256

    /// Writes elements `0..<count` into the array just begun with `element`: the same bytes as
    /// calling it for each index in turn. With ``parallelism`` wider than one, pieces of
    /// ``elementsPerPiece`` elements are written on its threads, each by a writer of its own, and
    /// handed on in order (``PiecePipeline``) to the sink, or into ``bytes``. `element` must write
    /// exactly one value.
    public mutating func elements(_ count: Int, _ element: @Sendable (Int, inout JSONWriter) -> Void) {
        guard parallelism.width > 1, count > Self.elementsPerPiece else {
            for index in 0..<count { element(index, &self) }
            return
        }
        let (depth, continuing) = (depth, innermostHasElements)
        // What came before the array goes first.
        flush()
        let pieces = (count + Self.elementsPerPiece - 1) / Self.elementsPerPiece
        PiecePipeline.run(pieces, parallelism: parallelism) { piece, out in
            var writer = JSONWriter(pieceAt: depth, continuing: piece > 0 || continuing, into: out)
            let first = piece * Self.elementsPerPiece
            for index in first..<min(first + Self.elementsPerPiece, count) { element(index, &writer) }
        } handOn: { bytes in
            if let sink { sink(bytes) } else { out.append(bytes) }
        }
        innermostHasElements = true
    }
}
