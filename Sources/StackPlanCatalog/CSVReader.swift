/// RFC 4180 CSV read one row at a time over UTF-8 bytes: quoted fields may hold commas, doubled
/// quotes and line breaks; blank lines are skipped; CRLF and LF both end a row (a carriage return
/// outside quotes is dropped). The current row's unquoted bytes sit back to back in one buffer that
/// the next row reuses, so a large log costs no allocation per field and no memory per row;
/// callers make Strings only for the fields they keep.
struct CSVReader {
    /// The current row: the line it starts on and how many fields it has.
    struct Row {
        let line: Int
        let fieldCount: Int
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var line = 1
    /// The current row's fields' bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each of the current row's fields ends in ``bytes``.
    private var fieldEnds: [Int] = []

    /// A reader of `input` (which must outlive it); a UTF-8 byte-order mark at the start is skipped.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        index = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.reserveCapacity(256)
        fieldEnds.reserveCapacity(16)
    }

    /// Reads the next row that is not blank, or nil at the end of the input.
    mutating func nextRow() -> Row? {
        while index < input.count {
            let row = scanRow()
            if row.fieldCount > 1 || !bytes.isEmpty { return row }
        }
        return nil
    }

    /// Reads one row (perhaps blank) into ``bytes`` and ``fieldEnds``.
    private mutating func scanRow() -> Row {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        let rowLine = line
        var fieldStart = 0
        scanning: while index < input.count {
            let byte = input[index]
            index += 1
            if byte == quote, bytes.count == fieldStart {
                // A quoted field: up to the closing quote; "" is a literal quote.
                while index < input.count {
                    let inner = input[index]
                    index += 1
                    if inner == quote {
                        guard index < input.count, input[index] == quote else { break }
                        bytes.append(quote)
                        index += 1
                    } else {
                        if inner == newline { line += 1 }
                        bytes.append(inner)
                    }
                }
                continue
            }
            switch byte {
            case comma:
                fieldEnds.append(bytes.count)
                fieldStart = bytes.count
            case carriageReturn: continue
            case newline:
                line += 1
                break scanning
            default:
                // The whole plain run at once, without going round the switch for each byte.
                var end = index
                while end < input.count {
                    let next = input[end]
                    if next == comma || next == newline || next == carriageReturn || next == quote { break }
                    end += 1
                }
                bytes.append(byte)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            }
        }
        fieldEnds.append(bytes.count)
        return Row(line: rowLine, fieldCount: fieldEnds.count)
    }

    /// The byte range of field `column` of the current row.
    func field(_ column: Int) -> Range<Int> {
        (column == 0 ? 0 : fieldEnds[column - 1])..<fieldEnds[column]
    }

    /// The byte range of field `column` of the current row, without leading and trailing spaces
    /// and tabs.
    func trimmedField(_ column: Int) -> Range<Int> {
        var range = field(column)
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        return range
    }

    /// The text of a byte range of the current row.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `body` with the bytes of a range of the current row.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
