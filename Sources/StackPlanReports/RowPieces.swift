import StackPlanCore

/// A large table's rows in consecutive pieces that can be made apart (a fleet plan's rows, a
/// slice of clusters each), so a renderer can write several pieces at the same time. Reading
/// pieces `0..<count` in turn gives every row in order.
public struct RowPieces: Sendable {
    /// How many pieces there are.
    public let count: Int
    private let write: @Sendable (Int, CellRows) -> Void

    /// `count` pieces, piece `i`'s rows written cell by cell by `write(i, rows)` each time they
    /// are read.
    public init(count: Int, write: @escaping @Sendable (_ piece: Int, _ rows: CellRows) -> Void) {
        self.count = count
        self.write = write
    }

    /// `count` pieces, piece `i`'s rows made by `rows(i)` each time they are read.
    public init<Rows: Sequence>(count: Int, rows: @escaping @Sendable (Int) -> Rows) where Rows.Element == [String] {
        self.init(count: count) { piece, out in
            for row in rows(piece) { out.row(row) }
        }
    }

    /// Writes the rows of piece `index` into `rows`, emptied first.
    func write(_ index: Int, into rows: CellRows) {
        rows.removeAll()
        write(index, rows)
    }

    /// Writes every row as bytes with `line` (the rows, a row's index among them, the buffer),
    /// piece by piece on `parallelism`'s threads, and hands the bytes on in order
    /// (``PiecePipeline``); each piece's rows are those `kept`, else written into cells kept from
    /// piece to piece.
    func write(
        parallelism: Parallelism, kept: KeptPieces = KeptPieces(), line: @Sendable (CellRows, Int, ByteOutput) -> Void,
        handOn: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        PiecePipeline.run(count, parallelism: parallelism, scratch: CellRows.init) { piece, out, scratch in
            let cells = kept[piece] ?? scratch
            if cells === scratch { write(piece, into: scratch) }
            for row in 0..<cells.count { line(cells, row, out) }
        } handOn: {
            handOn($0)
        }
    }

    /// What `body` makes of each piece's rows, in piece order: pieces read on `parallelism`'s
    /// threads in consecutive runs (four per thread), each run's pieces written in turn into
    /// cells of its own. With a `budget` (bytes), copies of the rows are kept, each run keeping
    /// those of its pieces that fit in its share, so that a second read
    /// (``write(parallelism:kept:line:handOn:)``) need not make them again.
    func map<T: Sendable>(
        parallelism: Parallelism, keeping budget: Int = 0, _ body: @Sendable (CellRows) -> T
    ) -> (results: [T], kept: KeptPieces) {
        let runs = min(parallelism.width == 1 ? 1 : parallelism.width * 4, count)
        let share = runs == 0 ? 0 : budget / runs
        let made = parallelism.map(runs) { run in
            let cells = CellRows()
            var left = share
            return (count * run / runs..<count * (run + 1) / runs).map { piece in
                write(piece, into: cells)
                let result = body(cells)
                guard cells.footprint <= left else { return (result, KeptPieces.Piece(rows: nil)) }
                left -= cells.footprint
                return (result, KeptPieces.Piece(rows: cells.copy()))
            }
        }.flatMap { $0 }
        return (made.map(\.0), KeptPieces(made.map(\.1)))
    }

    /// The rows of piece `index`, made now.
    public func rows(_ index: Int) -> [[String]] {
        let rows = CellRows()
        write(index, into: rows)
        return rows.strings
    }

    /// Every row, piece after piece (one piece's rows held at a time).
    var all: Remade<[String]> {
        Remade { (0..<count).lazy.flatMap { rows($0) } }
    }
}

/// Copies of some pieces' rows, kept between a table's two reads (its widths, then its lines):
/// made once, then only read, by any thread.
struct KeptPieces: @unchecked Sendable {
    /// One piece's rows, or `nil` where they were not kept.
    struct Piece: @unchecked Sendable {
        let rows: CellRows?
    }

    private let pieces: [Piece]

    /// No piece kept.
    init() {
        pieces = []
    }

    /// `pieces[i]` for piece `i`.
    init(_ pieces: [Piece]) {
        self.pieces = pieces
    }

    /// Piece `index`'s rows, when kept.
    subscript(_ index: Int) -> CellRows? {
        index < pieces.count ? pieces[index].rows : nil
    }
}
