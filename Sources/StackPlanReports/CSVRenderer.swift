/// Renders the first table of a report as RFC 4180 CSV with a header row.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        guard let table = report.tables.first else { return "" }
        let lines = [table.columns.map(\.title)] + table.rows
        return lines.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
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
