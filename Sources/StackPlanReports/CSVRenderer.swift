/// Renders the first table of a report as RFC 4180 CSV with a header row.
///
/// A field is quoted when it holds a comma, a quote or any line break. A text field that a
/// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) is
/// prefixed with `'`; numbers such as `-5` or `+1.5`, and a lone `-` (no value), stay as they are.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        guard let table = report.tables.first else { return "" }
        let lines = [table.columns.map(\.title)] + table.rows
        return lines.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
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
