/// RFC 4180 CSV read in one pass over UTF-8 bytes: quoted fields may hold commas, doubled quotes
/// and line breaks; blank lines are skipped; CRLF and LF both end a row (a carriage return outside
/// quotes is dropped). Every field's unquoted bytes are stored back to back in one buffer, so a
/// large log costs no allocation per field; callers make Strings only for the fields they keep.
struct CSVTable {
    /// One row: the line it starts on and its fields' positions in ``CSVTable/fieldEnds``.
    struct Row {
        let line: Int
        let firstField: Int
        let fieldCount: Int
    }

    /// The fields' bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each field ends in ``bytes``; a field starts where the one before it ends.
    private var fieldEnds: [Int] = []
    /// The rows, in order.
    private(set) var rows: [Row] = []

    /// Reads `input`; a UTF-8 byte-order mark at the start is skipped.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        bytes.reserveCapacity(input.count)
        var index = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var rowLine = 1
        var rowStart = 0
        var fieldStart = 0
        while index < input.count {
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
                endRow(line: rowLine, from: rowStart)
                rowStart = fieldEnds.count
                fieldStart = bytes.count
                line += 1
                rowLine = line
            default: bytes.append(byte)
            }
        }
        if bytes.count > fieldStart || fieldEnds.count > rowStart { endRow(line: rowLine, from: rowStart) }
    }

    /// Ends the current field and the row that began at field `first`, unless the row is blank.
    private mutating func endRow(line: Int, from first: Int) {
        fieldEnds.append(bytes.count)
        let count = fieldEnds.count - first
        if count == 1, field(first).isEmpty {
            fieldEnds.removeLast()
        } else {
            rows.append(Row(line: line, firstField: first, fieldCount: count))
        }
    }

    /// The byte range of field `index` (counted over the whole table).
    func field(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// The byte range of field `column` of `row`, without leading and trailing spaces and tabs.
    func trimmedField(_ column: Int, of row: Row) -> Range<Int> {
        var range = field(row.firstField + column)
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        return range
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `body` with the bytes of a range.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
