/// RFC 4180 CSV read one row at a time over UTF-8 bytes: quoted fields may hold commas, doubled
/// quotes and line breaks; blank lines are skipped; CRLF and LF both end a row (a carriage return
/// outside quotes is dropped). A row without quotes or carriage returns (the usual case) is read in
/// place: its fields are ranges of the input. Any other row's unquoted bytes are copied back to
/// back into one buffer that the next such row reuses. Either way a large log costs no allocation
/// per field and no memory per row; callers make Strings only for the fields they keep.
struct CSVReader {
    /// The current row: the line it starts on and how many fields it has.
    struct Row {
        let line: Int
        let fieldCount: Int
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var line = 1
    /// Whether the current row's fields are ranges of ``copied`` rather than of the input.
    private var isCopied = false
    /// The current row's unquoted fields, back to back, when it had to be copied.
    private var copied: [UInt8] = []
    /// Where each of the current row's fields starts and ends (in the input or in ``copied``).
    private var fieldStarts: [Int] = []
    private var fieldEnds: [Int] = []

    /// A reader of `input` (which must outlive it); a UTF-8 byte-order mark at the start is skipped.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        index = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        copied.reserveCapacity(256)
        fieldStarts.reserveCapacity(16)
        fieldEnds.reserveCapacity(16)
    }

    /// The input's length in bytes.
    var inputCount: Int { input.count }

    /// Reads the next row that is not blank, or nil at the end of the input.
    mutating func nextRow() -> Row? {
        while index < input.count {
            let row = scanPlainRow() ?? scanRow()
            if row.fieldCount > 1 || !field(0).isEmpty { return row }
        }
        return nil
    }

    /// Reads one row in place when it holds no quote and no carriage return; nil (having read
    /// nothing) otherwise.
    private mutating func scanPlainRow() -> Row? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        var position = index
        fieldStarts.append(position)
        while position < input.count {
            let byte = input[position]
            if byte == newline { break }
            if byte == quote || byte == carriageReturn { return nil }
            if byte == comma {
                fieldEnds.append(position)
                fieldStarts.append(position + 1)
            }
            position += 1
        }
        fieldEnds.append(position)
        isCopied = false
        let row = Row(line: line, fieldCount: fieldEnds.count)
        if position < input.count { line += 1 }
        index = min(position + 1, input.count)
        return row
    }

    /// Reads one row (perhaps blank), copying its unquoted fields into ``copied``.
    private mutating func scanRow() -> Row {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        copied.removeAll(keepingCapacity: true)
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldStarts.append(0)
        let rowLine = line
        var fieldStart = 0
        scanning: while index < input.count {
            let byte = input[index]
            index += 1
            if byte == quote, copied.count == fieldStart {
                // A quoted field: up to the closing quote; "" is a literal quote.
                while index < input.count {
                    let inner = input[index]
                    index += 1
                    if inner == quote {
                        guard index < input.count, input[index] == quote else { break }
                        copied.append(quote)
                        index += 1
                    } else {
                        if inner == newline { line += 1 }
                        copied.append(inner)
                    }
                }
                continue
            }
            switch byte {
            case comma:
                fieldEnds.append(copied.count)
                fieldStarts.append(copied.count)
                fieldStart = copied.count
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
                copied.append(byte)
                copied.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            }
        }
        fieldEnds.append(copied.count)
        isCopied = true
        return Row(line: rowLine, fieldCount: fieldEnds.count)
    }

    /// The byte range of field `column` of the current row.
    func field(_ column: Int) -> Range<Int> {
        fieldStarts[column]..<fieldEnds[column]
    }

    /// The byte range of field `column` of the current row, without leading and trailing spaces
    /// and tabs.
    func trimmedField(_ column: Int) -> Range<Int> {
        withRow { bytes in
            var range = field(column)
            while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
            while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
            return range
        }
    }

    /// The text of a byte range of the current row.
    func string(_ range: Range<Int>) -> String {
        withBytes(range) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of a range of the current row.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withRow { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with the buffer the current row's ranges refer to.
    private func withRow<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        isCopied ? copied.withUnsafeBufferPointer(body) : body(input)
    }
}
