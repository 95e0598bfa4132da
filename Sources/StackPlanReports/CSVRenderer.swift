/// Renders the first table of a report as RFC 4180 CSV with a header row.
///
/// A field is quoted when it holds a comma, a quote or any line break. A text field that a
/// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) is
/// prefixed with `'`; numbers such as `-5` or `+1.5`, and a lone `-` (no value), stay as they are.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        guard let table = report.tables.first else { return "" }
        var out: [UInt8] = []
        func line(_ cells: [String]) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Self.field(cell).utf8)
            }
            out.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        }
        line(table.columns.map(\.title))
        table.rows.forEach(line)
        return String(decoding: out, as: UTF8.self)
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
