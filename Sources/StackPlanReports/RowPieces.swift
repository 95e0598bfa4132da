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
    /// (``PiecePipeline``); each piece's rows are written into cells kept from piece to piece.
    func write(
        parallelism: Parallelism, line: @Sendable (CellRows, Int, ByteOutput) -> Void,
        handOn: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        PiecePipeline.run(count, parallelism: parallelism, scratch: CellRows.init) { piece, out, cells in
            write(piece, into: cells)
            for row in 0..<cells.count { line(cells, row, out) }
        } handOn: {
            handOn($0)
        }
    }

    /// What `body` makes of each piece's rows, in piece order: pieces read on `parallelism`'s
    /// threads in consecutive runs (four per thread), each run's pieces written in turn into
    /// cells of its own.
    func map<T: Sendable>(parallelism: Parallelism, _ body: @Sendable (CellRows) -> T) -> [T] {
        let runs = min(parallelism.width == 1 ? 1 : parallelism.width * 4, count)
        return parallelism.map(runs) { run in
            let cells = CellRows()
            return (count * run / runs..<count * (run + 1) / runs).map { piece in
                write(piece, into: cells)
                return body(cells)
            }
        }.flatMap { $0 }
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
