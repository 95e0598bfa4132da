import StackPlanCore

/// Renders the first table of a report as RFC 4180 CSV with a header row.
///
/// A field is quoted when it holds a comma, a quote or any line break. A text field that a
/// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) is
/// prefixed with `'`; numbers such as `-5` or `+1.5`, and a lone `-` (no value), stay as they are.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var text: [UInt8] = []
        stream(report, chunkSize: .max) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The report's CSV handed to `sink` in chunks of about `chunkSize` bytes (each valid only
    /// during the call); nothing for a report without tables. Rows made as they are read
    /// (``Remade``) are written one at a time and never kept; rows in pieces (``RowPieces``) are
    /// written piece by piece, on `parallelism`'s threads, and handed on in order.
    public func stream(
        _ report: Report, chunkSize: Int = 1 << 20, parallelism: Parallelism = .serial,
        to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let table = report.tables.first else { return }
        let out = ByteOutput(capacity: min(chunkSize, 1 << 20) + 4096)
        let cells = CellRows()
        cells.row(table.columns.map(\.title))
        Self.line(cells, row: 0, into: out)
        if let pieces = table.pieces {
            out.flush(to: sink)
            pieces.write(parallelism: parallelism) { cells, row, out in
                Self.line(cells, row: row, into: out)
            } handOn: {
                sink($0)
            }
            return
        }
        for row in table.rows {
            cells.removeAll()
            cells.row(row)
            Self.line(cells, row: 0, into: out)
            out.flush(ifAtLeast: chunkSize, to: sink)
        }
        out.flush(to: sink)
    }

    /// One record: the fields, comma-separated, and CRLF.
    private static func line(_ cells: CellRows, row: Int, into out: ByteOutput) {
        for (index, cell) in cells.cells(ofRow: row).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            // Straight from the cell's bytes (quoted when it holds a comma or a quote), unless it
            // needs `field`.
            let bytes = cells[cell]
            if let needsQuotes = plainField(bytes) {
                if needsQuotes { appendQuoted(bytes, to: out) } else { out.append(bytes) }
            } else {
                var field = field(String(decoding: bytes, as: UTF8.self))
                field.withUTF8 { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    static func field(_ text: String) -> String {
        if isPlain(text) { return text }
        var value = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            text.unicodeScalars.count > 1, Double(text) == nil
        {
            value = "'" + text
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || TextSafety.isLineBreak($0) }) else {
            return value
        }
        // Each quote doubled byte by byte: a quote's byte is never part of another character's
        // bytes, and a quote followed by a combining mark is still a quote to a CSV reader.
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Text written as it is — it holds no comma, quote or line break and does not start like a
    /// formula — told without looking at Unicode scalars.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { plainField($0) == false } ?? false
    }

    /// For text that does not start like a formula and holds no line break, whether it holds a
    /// comma or a quote (and is written quoted, each quote doubled); `nil` for anything else,
    /// which ``field(_:)`` writes. Read eight printable ASCII bytes at a time, any other byte by
    /// itself (``TextSafety/isLineBreak(_:at:)``).
    private static func plainField(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            return nil
        default: break
        }
        var quoted: UInt64 = 0
        var offset = 0
        while offset < bytes.count {
            if offset + 8 <= bytes.count {
                let word = ByteWord.load(bytes, at: offset)
                if ByteWord.isPrintableASCII(word) {
                    quoted |=
                        ByteWord.bytes(equalTo: UInt8(ascii: ","), in: word)
                        | ByteWord.bytes(equalTo: UInt8(ascii: "\""), in: word)
                    offset += 8
                    continue
                }
            }
            if bytes[offset] == UInt8(ascii: ",") || bytes[offset] == UInt8(ascii: "\"") {
                quoted = 1
            } else if TextSafety.isLineBreak(bytes, at: offset) {
                return nil
            }
            offset += 1
        }
        return quoted != 0
    }

    /// `bytes` in quotes, each quote doubled.
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteOutput) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\"") {
            out.append(UnsafeBufferPointer(rebasing: bytes[start...index]))
            start = index
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(UInt8(ascii: "\""))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
