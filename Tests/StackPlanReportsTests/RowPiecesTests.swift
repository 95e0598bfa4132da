import Dispatch
import StackPlanCore
import Testing

@testable import StackPlanReports

/// Tables whose rows come in pieces: CSV and the terminal table written piece by piece, on one
/// thread or several, give the bytes of the same rows written one after another.
@Suite("Tables written in pieces")
struct RowPiecesTests {
    private static let backwards = Parallelism(width: 3) { count, body in
        for index in (0..<count).reversed() { body(index) }
    }

    private static let threads = Parallelism(width: 4) { count, body in
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `count` pieces of 0 to 40 rows each; cells of varied widths, some needing CSV quoting,
    /// a formula guard, escapes on a terminal, or counted in characters rather than bytes. The
    /// widest cell of a column may be in any piece.
    private static func report(pieces count: Int, seed: UInt64) -> Report {
        var random = SplitMix64(seed: seed)
        let sizes = (0..<count).map { _ in Int.random(in: 0...40, using: &random) }
        let samples = [
            "a", "plain text", "comma, inside", "quote \"x\"", "=SUM(A1)", "-5", "Müller Söhne", "tab\there", "",
        ]
        let seeds = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        let pieces = RowPieces(count: count) { piece in
            var random = SplitMix64(seed: seeds[piece])
            return (0..<sizes[piece]).map { row in
                [
                    "p\(piece)-r\(row)", samples[Int.random(in: 0..<samples.count, using: &random)],
                    String(repeating: "x", count: Int.random(in: 0...(piece == count - 1 ? 30 : 12), using: &random)),
                    String(Int.random(in: -999...99_999, using: &random)),
                ]
            }
        }
        let table = LazyTextTable(
            title: "Pieces", columns: [.init("Id"), .init("Text"), .init("Fill"), .init("Number", alignRight: true)],
            pieces: pieces)
        let small = LazyTextTable(TextTable(title: "After", columns: [.init("Only")], rows: [["one"]]))
        return Report(title: "t", tables: [table, small], notes: Remade { ["a note"] }, json: JSONValue.null)
    }

    /// The same report with every table's rows made at once: rendered row by row, not in pieces.
    private static func whole(_ report: Report) -> Report {
        Report(
            title: report.title,
            tables: report.tables.map {
                LazyTextTable(TextTable(title: $0.title, columns: $0.columns, rows: Array($0.rows)))
            },
            notes: report.notes, json: JSONValue.null)
    }

    @Test(arguments: [0, 1, 2, 7, 30] as [Int])
    func piecesGiveTheBytesOfOneThread(_ count: Int) {
        for seed in [1, 2, 3] as [UInt64] {
            let report = Self.report(pieces: count, seed: seed)
            // The reference: the rows written one after another, without pieces.
            let csv = CSVRenderer().render(Self.whole(report))
            let table = TableRenderer(color: false).render(Self.whole(report))
            #expect(CSVRenderer().render(report) == csv, "csv: \(count) pieces, seed \(seed), one thread")
            #expect(
                TableRenderer(color: false).render(report) == table, "table: \(count) pieces, seed \(seed), one thread")
            // No piece's rows kept between sizing and writing, some of them, or all.
            for kept in [0, 1_500, 1 << 30] {
                #expect(
                    TableRenderer(color: false, keptBytes: kept).render(report) == table,
                    "table: \(count) pieces, seed \(seed), \(kept) bytes kept, one thread")
            }
            for parallelism in [Self.backwards, Self.threads] {
                var streamed: [UInt8] = []
                CSVRenderer().stream(report, chunkSize: 100, parallelism: parallelism) {
                    streamed.append(contentsOf: $0)
                }
                #expect(String(decoding: streamed, as: UTF8.self) == csv, "csv: \(count) pieces, seed \(seed)")
                streamed = []
                for kept in [0, 1_500, 1 << 30] {
                    streamed = []
                    TableRenderer(color: false, keptBytes: kept).stream(
                        report, chunkSize: 100, parallelism: parallelism
                    ) {
                        streamed.append(contentsOf: $0)
                    }
                    #expect(
                        String(decoding: streamed, as: UTF8.self) == table,
                        "table: \(count) pieces, seed \(seed), \(kept) bytes kept")
                }
            }
        }
    }

    /// Reading the pieces in turn: every row once, in order, empty pieces skipped.
    @Test func allRowsArePiecesInTurn() {
        let pieces = RowPieces(count: 4) { piece in piece == 1 ? [] : [["\(piece)a"], ["\(piece)b"]] }
        #expect(
            Array(LazyTextTable(title: nil, columns: [.init("x")], pieces: pieces).rows) == [
                ["0a"], ["0b"], ["2a"], ["2b"], ["3a"], ["3b"],
            ])
    }

    /// Pieces' rows are kept while they fit in the budget (each piece here: 330 bytes of cells and
    /// 30 ends of 8 bytes, 570 bytes), and a kept piece holds the rows as made.
    @Test func aBudgetKeepsThePiecesThatFit() {
        let pieces = RowPieces(count: 6) { piece in
            (0..<10).map { ["piece \(piece) row \($0)", String(repeating: "x", count: 20)] }
        }
        let kept = { (budget: Int) in
            (0..<6).filter { pieces.map(parallelism: .serial, keeping: budget) { _ in 0 }.kept[$0] != nil }
        }
        #expect(kept(0) == [])
        #expect(kept(1_139) == [0])
        #expect(kept(1_140) == [0, 1])
        #expect(kept(1 << 20) == Array(0..<6))
        let all = pieces.map(parallelism: .serial, keeping: 1 << 20) { _ in 0 }.kept
        #expect((0..<6).map { all[$0]?.strings } == (0..<6).map { pieces.rows($0) })
    }
}
