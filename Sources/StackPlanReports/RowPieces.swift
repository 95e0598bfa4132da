/// A large table's rows in consecutive pieces that can be made apart (a fleet plan's rows, a
/// slice of clusters each), so a renderer can write several pieces at the same time. Reading
/// pieces `0..<count` in turn gives every row in order.
public struct RowPieces: Sendable {
    /// How many pieces there are.
    public let count: Int
    private let make: @Sendable (Int) -> AnyIterator<[String]>

    /// `count` pieces, piece `i`'s rows made by `rows(i)` each time they are read.
    public init<Rows: Sequence>(count: Int, rows: @escaping @Sendable (Int) -> Rows) where Rows.Element == [String] {
        self.count = count
        make = { AnyIterator(rows($0).makeIterator()) }
    }

    /// The rows of piece `index`, made now.
    public func rows(_ index: Int) -> some Sequence<[String]> {
        IteratorSequence(make(index))
    }

    /// Every row, piece after piece.
    var all: Remade<[String]> {
        Remade { AllRows(pieces: self) }
    }

    /// Walks the pieces in turn, making each one's rows when it is reached.
    private struct AllRows: Sequence, IteratorProtocol {
        let pieces: RowPieces
        var following = 0
        var current: AnyIterator<[String]>?

        mutating func next() -> [String]? {
            while true {
                if let row = current?.next() { return row }
                guard following < pieces.count else { return nil }
                current = pieces.make(following)
                following += 1
            }
        }
    }
}
