import StackPlanCore

/// Rows of text cells written as bytes, one cell after another, into storage that is kept and
/// reused: how a large table's rows reach the table and CSV renderers without an array of Strings
/// (and the Strings made by joining texts) per row. A cell is the texts appended since the last
/// ``endCell()``; a row, the cells since the last ``endRow()``.
///
/// A reference type: the renderer that owns it is its only user, on one thread at a time.
public final class CellRows {
    private let bytes: ByteOutput
    /// The end of each cell in `bytes`.
    private let cellEnds: Offsets
    /// The number of cells before the end of each row.
    private let rowEnds: Offsets

    public init() {
        bytes = ByteOutput(capacity: 1 << 15)
        cellEnds = Offsets(capacity: 1024)
        rowEnds = Offsets(capacity: 1024)
    }

    private init(copying rows: CellRows) {
        bytes = ByteOutput(capacity: rows.bytes.count)
        bytes.append(rows.bytes.written)
        cellEnds = rows.cellEnds.copy()
        rowEnds = rows.rowEnds.copy()
    }

    /// A copy of these rows in storage of their own size.
    func copy() -> CellRows {
        CellRows(copying: self)
    }

    /// The bytes a copy (``copy()``) takes: the cells' bytes and where each cell and row ends.
    var footprint: Int {
        bytes.count + MemoryLayout<Int>.stride * (cellEnds.count + rowEnds.count)
    }

    /// Appends `text` to the cell being written.
    public func append(_ text: String) {
        // In place, without the copy `withUTF8` (mutating) would take; a String without contiguous
        // UTF-8 (bridged) is copied.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append($0) }) == nil {
            bytes.append(contentsOf: Array(text.utf8))
        }
    }

    /// Appends `text` to the cell being written.
    public func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append($0) }
    }

    /// Appends `day` as its ``CalendarDay/description`` (`YYYY-MM-DD`), written in place.
    public func append(_ day: CalendarDay) {
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else { return append(day.description) }
        bytes.append(length: 10) { ByteOutput.putDate(year: year, month: month, day: date, at: $0) }
    }

    /// Ends the cell being written (an empty cell when nothing was appended).
    public func endCell() {
        cellEnds.append(bytes.count)
    }

    /// Ends the row being written.
    public func endRow() {
        rowEnds.append(cellEnds.count)
    }

    /// A whole cell holding `text`.
    public func cell(_ text: String) {
        append(text)
        endCell()
    }

    /// A whole cell holding `text`.
    public func cell(_ text: StaticString) {
        append(text)
        endCell()
    }

    /// A whole cell holding `day`, or `-` when there is none.
    public func cell(_ day: CalendarDay?) {
        if let day { append(day) } else { append("-") }
        endCell()
    }

    /// A whole cell holding what cell `index` (of any row written since the last removal) holds,
    /// copied from these rows' own bytes: a text repeated on consecutive rows (a cluster's
    /// customer and name on each of its steps) is read from its String once. An index of no
    /// ended cell copies nothing: the cell is empty.
    public func cell(copying index: Int) {
        if (0..<cellEnds.count).contains(index) {
            let start = start(ofCell: index)
            bytes.appendCopy(from: start, length: cellEnds[index] - start)
        }
        endCell()
    }

    /// How many cells have ended: the index the next cell will have.
    public var cellCount: Int { cellEnds.count }

    /// A whole row of `cells`.
    public func row(_ cells: [String]) {
        for text in cells { cell(text) }
        endRow()
    }

    /// How many rows have ended.
    var count: Int { rowEnds.count }

    /// The indices of row `row`'s cells (for ``subscript(_:)``).
    func cells(ofRow row: Int) -> Range<Int> {
        (row == 0 ? 0 : rowEnds[row - 1])..<rowEnds[row]
    }

    /// Cell `index`'s bytes, valid until the next change.
    subscript(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : cellEnds[index - 1]
        return UnsafeBufferPointer(rebasing: bytes.written[start..<cellEnds[index]])
    }

    /// Where cell `index`'s bytes start (the end of the cell before), counted as in
    /// ``bytes(ofRow:)``'s storage.
    func start(ofCell index: Int) -> Int {
        index == 0 ? 0 : cellEnds[index - 1]
    }

    /// Where cell `index`'s bytes end.
    func end(ofCell index: Int) -> Int {
        cellEnds[index]
    }

    /// The bytes of every cell of row `row`, one after another, valid until the next change: the
    /// table checks a row for printable ASCII in one go.
    func bytes(ofRow row: Int) -> UnsafeBufferPointer<UInt8> {
        let cells = cells(ofRow: row)
        guard !cells.isEmpty else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(
            rebasing: bytes.written[start(ofCell: cells.lowerBound)..<cellEnds[cells.upperBound - 1]])
    }

    /// Every row as Strings.
    var strings: [[String]] {
        (0..<count).map { row in cells(ofRow: row).map { String(decoding: self[$0], as: UTF8.self) } }
    }

    /// Forgets every row, keeping the storage.
    func removeAll() {
        bytes.removeAll()
        cellEnds.removeAll()
        rowEnds.removeAll()
    }
}

/// A list of offsets that only grows until emptied, kept from piece to piece: an append is a
/// capacity check and a store, without `Array`'s uniqueness check (an instance has one user).
private final class Offsets {
    private var storage: UnsafeMutablePointer<Int>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    /// A copy in storage of its own size.
    func copy() -> Offsets {
        let copy = Offsets(capacity: count)
        copy.storage.initialize(from: storage, count: count)
        copy.count = count
        return copy
    }

    deinit {
        storage.deallocate()
    }

    @inline(__always)
    func append(_ offset: Int) {
        if count == capacity { grow() }
        storage[count] = offset
        count += 1
    }

    /// Offset `index`, which must be below ``count``: ``CellRows`` reads only offsets it has
    /// written (its cells' and rows' indices come from these counts, and the one index a caller
    /// gives, ``CellRows/cell(copying:)``'s, is checked there).
    @inline(__always)
    subscript(_ index: Int) -> Int {
        storage[index]
    }

    func removeAll() {
        count = 0
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}

/// Where texts and days are appended: a String, or the cell being written in ``CellRows``. Lets
/// one function say how a value reads in both.
protocol TextAppending {
    mutating func append(_ text: String)
    mutating func append(_ day: CalendarDay)
}

extension String: TextAppending {
    mutating func append(_ day: CalendarDay) {
        append(day.description)
    }
}

extension CellRows: TextAppending {}
