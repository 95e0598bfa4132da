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
    /// written on `parallelism`'s threads, piece by piece, and handed on in order.
    public func stream(
        _ report: Report, chunkSize: Int = 1 << 20, parallelism: Parallelism = .serial,
        to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let table = report.tables.first else { return }
        let out = ByteOutput(capacity: min(chunkSize, 1 << 20) + 4096)
        Self.line(table.columns.map(\.title), into: out)
        if let pieces = table.pieces, parallelism.width > 1 {
            out.flush(to: sink)
            PiecePipeline.run(pieces.count, parallelism: parallelism) { piece, out in
                for row in pieces.rows(piece) { Self.line(row, into: out) }
            } handOn: {
                sink($0)
            }
            return
        }
        for row in table.rows {
            Self.line(row, into: out)
            out.flush(ifAtLeast: chunkSize, to: sink)
        }
        out.flush(to: sink)
    }

    /// One record: the fields, comma-separated, and CRLF.
    private static func line(_ cells: [String], into out: ByteOutput) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var field = field(cell)
            field.withUTF8 { out.append($0) }
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
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Printable ASCII without a comma or quote that does not start like a formula: the common
    /// case, written as is without looking at Unicode scalars.
    private static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if let first = bytes.first, "=+-@".utf8.contains(first) { return false }
            return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") }
        }
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
