import StackPlanCore

/// Bytes made in consecutive pieces on several threads and handed on in piece order, for the
/// renderers of large reports (a fleet plan's JSON, CSV and table). Pieces are written in batches
/// (two per thread, so a slow piece is made up for); while one batch is written, the batch before
/// it is handed on, so writing out overlaps making. The bytes are those of writing every piece in
/// turn on one thread.
enum PiecePipeline {
    /// Writes pieces `0..<count` with `write` (piece index, an empty buffer to append to) and hands
    /// each piece's bytes to `handOn` in order, valid only during the call (the buffer is reused).
    /// `handOn` is called from one thread at a time, while the caller waits.
    static func run(
        _ count: Int, parallelism: Parallelism, write: @Sendable (_ piece: Int, _ out: ByteOutput) -> Void,
        handOn: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        run(count, parallelism: parallelism, scratch: {}, write: { piece, out, _ in write(piece, out) }, handOn: handOn)
    }

    /// The same, each call of `write` also given a scratch value that no other call uses at the
    /// same time: one per buffer, made by `scratch` and kept from batch to batch.
    static func run<Scratch>(
        _ count: Int, parallelism: Parallelism, scratch: () -> Scratch,
        write: @Sendable (_ piece: Int, _ out: ByteOutput, _ scratch: Scratch) -> Void,
        handOn: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let perBatch = parallelism.width * 2
        // Two sets of buffers: one being written, the other being handed on.
        let buffers = Buffers(
            sets: (0..<2).map { _ in (0..<perBatch).map { _ in (ByteOutput(capacity: 1 << 16), scratch()) } })
        withoutActuallyEscaping(handOn) { handOn in
            let handOn = HandOn(call: handOn)
            var batchStart = 0
            var previous: (set: Int, count: Int)?
            var set = 0
            while batchStart < count || previous != nil {
                let batch = batchStart..<min(batchStart + perBatch, count)
                let handing = previous
                let writing = set
                // One more call than pieces: it hands on the previous batch meanwhile.
                parallelism.forEach(batch.count + 1) { offset in
                    guard offset < batch.count else {
                        if let handing {
                            for index in 0..<handing.count {
                                buffers.sets[handing.set][index].out.flush(to: handOn.call)
                            }
                        }
                        return
                    }
                    let slot = buffers.sets[writing][offset]
                    write(batch.lowerBound + offset, slot.out, slot.scratch)
                }
                previous = batch.isEmpty ? nil : (writing, batch.count)
                set = 1 - set
                batchStart = batch.upperBound
            }
        }
    }
}

/// The pipeline's two sets of piece buffers. Within a batch each call touches only its own
/// buffer, and the call handing on touches only the other set.
private struct Buffers<Scratch>: @unchecked Sendable {
    let sets: [[(out: ByteOutput, scratch: Scratch)]]
}

/// The caller's `handOn`, called by one call of a batch while the caller waits for the batch.
private struct HandOn: @unchecked Sendable {
    let call: (UnsafeBufferPointer<UInt8>) -> Void
}
