import Foundation
import StackPlanCore

/// Edits catalog files as text, changing only the lines a tier move needs, so comments, key order
/// and formatting everywhere else survive byte for byte.
public enum CatalogEditor {
    /// Sets the top-level `tier:` of a component file and appends a history entry. `nil` when the
    /// file has no top-level `tier:` or `history:` to edit.
    public static func move(_ text: String, to tier: Tier, quarter: Quarter, note: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let tierLine = lines.firstIndex(where: { $0.hasPrefix("tier:") }),
            let historyLine = lines.firstIndex(where: { $0.hasPrefix("history:") })
        else { return nil }
        lines[tierLine] = replacingValue(of: lines[tierLine], key: "tier", with: tier.rawValue)
        // The history block runs until the next top-level key; insert after its last non-blank line.
        var last = historyLine
        var indent = "  "
        var index = historyLine + 1
        while index < lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-" { break }
            let content = line.trimmingCharacters(in: .whitespaces)
            if !content.isEmpty, !content.hasPrefix("#") {
                last = index
                if content.hasPrefix("- "), let dash = line.firstIndex(of: "-") {
                    indent = String(line[..<dash])
                }
            }
            index += 1
        }
        let entry = [
            "\(indent)- quarter: \(quarter)", "\(indent)  tier: \(tier.rawValue)",
            "\(indent)  note: \(YAMLText.quoted(note))",
        ]
        lines.insert(contentsOf: entry, at: last + 1)
        return lines.joined(separator: "\n")
    }

    /// Sets the top-level `version:` of `catalog.yaml`; `nil` when there is none.
    public static func setVersion(_ text: String, to quarter: Quarter) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let line = lines.firstIndex(where: { $0.hasPrefix("version:") }) else { return nil }
        lines[line] = replacingValue(of: lines[line], key: "version", with: quarter.description)
        return lines.joined(separator: "\n")
    }

    /// `key: old  # comment` → `key: new  # comment`.
    static func replacingValue(of line: String, key: String, with value: String) -> String {
        let rest = line.dropFirst(key.count + 1)
        let spaces = rest.prefix { $0 == " " }
        let afterValue = rest.dropFirst(spaces.count).drop { $0 != " " && $0 != "#" }
        return "\(key):\(spaces.isEmpty ? " " : String(spaces))\(value)\(afterValue)"
    }
}
