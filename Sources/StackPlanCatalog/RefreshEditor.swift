import Foundation
import StackPlanCore

/// Writes a refresh's changes into a catalog file's text, touching only the lines it must: values
/// replaced in place (comments after them kept, except on a newly released entry), lines added
/// before the release's `source:`, new cycles inserted in the file's (newest first) order.
public enum RefreshEditor {
    /// Why a file could not be edited (not in the block style the catalog uses).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `text` with every applicable change for it made; `source` names where the facts come from
    /// and is written to every touched release.
    public static func apply(
        _ changes: [RefreshChange], releases: [SourceRelease], kind: RefreshFileKind, to text: String, source: String
    ) throws(Failure) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let listLine = lines.firstIndex(where: { $0.hasPrefix("releases:") }) else {
            throw Failure(description: "no top-level 'releases:' to edit")
        }
        let byCycle = Dictionary(releases.map { ($0.cycle.text, $0) }) { first, _ in first }
        // Existing releases, bottom-up so line numbers above stay valid.
        let edits = Dictionary(grouping: changes.filter { $0.applies && $0.kind != .added }, by: \.releaseCycle)
        for (cycle, blockChanges) in edits.sorted(by: {
            block($0.key, in: lines, after: listLine)?.start ?? 0 > block($1.key, in: lines, after: listLine)?.start
                ?? 0
        }) {
            guard let range = block(cycle, in: lines, after: listLine) else {
                throw Failure(description: "cannot find release \(cycle) in block style")
            }
            var blockLines = Array(lines[range.start..<range.end])
            let released = blockChanges.contains { $0.kind == .released }
            for change in blockChanges {
                guard let field = change.field else { continue }
                if field == "status" {
                    blockLines.removeAll { key(of: $0) == "status" }
                    continue
                }
                let value = change.to.map { formatted($0, field: field) }
                if let index = blockLines.firstIndex(where: { key(of: $0) == field }) {
                    if let value {
                        blockLines[index] = replacing(blockLines[index], with: value, keepComment: !released)
                    } else {
                        blockLines.remove(at: index)
                    }
                } else if let value {
                    let indent = fieldIndent(blockLines)
                    let at = blockLines.firstIndex { key(of: $0) == "source" } ?? blockLines.count
                    blockLines.insert("\(indent)\(field): \(value)", at: at)
                }
            }
            if let index = blockLines.firstIndex(where: { key(of: $0) == "source" }) {
                blockLines[index] = replacing(blockLines[index], with: YAMLText.quoted(source), keepComment: false)
            }
            lines.replaceSubrange(range.start..<range.end, with: blockLines)
        }
        for change in changes where change.kind == .added {
            guard let release = byCycle[change.releaseCycle] else { continue }
            let blocks = allBlocks(in: lines, after: listLine)
            let itemIndent = blocks.first.map { String(lines[$0.start].prefix { $0 == " " }) } ?? "  "
            var entry = ["\(itemIndent)- releaseCycle: \(YAMLText.quoted(release.cycle.text))"]
            for field in RefreshField.tracked(in: kind) {
                if case .text(let text) = release.value(of: field) {
                    entry.append("\(itemIndent)  \(field.rawValue): \(formatted(text, field: field.rawValue))")
                }
            }
            entry.append("\(itemIndent)  source: \(YAMLText.quoted(source))")
            let before = blocks.first { block in
                VersionNumber(cycle: cycleText(lines[block.start]) ?? "").map { $0 < release.cycle } ?? false
            }
            lines.insert(contentsOf: entry, at: before?.start ?? (blocks.last?.end ?? listLine + 1))
        }
        return lines.joined(separator: "\n")
    }

    /// Sets the top-level `dataAsOf:` of `catalog.yaml`; `nil` when there is none.
    public static func setDataAsOf(_ text: String, to day: CalendarDay) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("dataAsOf:") }) else { return nil }
        lines[index] = CatalogEditor.replacingValue(of: lines[index], key: "dataAsOf", with: day.description)
        return lines.joined(separator: "\n")
    }

    private static func formatted(_ value: String, field: String) -> String {
        field == "latest" ? YAMLText.quoted(value) : value
    }

    /// The key of a block line (`- ` of a list item removed), `nil` for comments and blanks.
    private static func key(of line: String) -> String? {
        var content = line.drop { $0 == " " }
        if content.hasPrefix("- ") { content = content.dropFirst(2).drop { $0 == " " } }
        guard !content.hasPrefix("#"), let colon = content.firstIndex(of: ":") else { return nil }
        return String(content[..<colon])
    }

    private static func cycleText(_ line: String) -> String? {
        guard key(of: line) == "releaseCycle", let colon = line.firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// `key: value` with the value replaced; the line's indentation (and `- `) kept.
    private static func replacing(_ line: String, with value: String, keepComment: Bool) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let comment = line[colon...].firstRange(of: "  #").map { String(line[$0.lowerBound...]) } ?? ""
        return String(line[...colon]) + " " + value + (keepComment ? comment : "")
    }

    private static func fieldIndent(_ block: [String]) -> String {
        let dash = block.first.map { String($0.prefix { $0 == " " }) } ?? "  "
        return dash + "  "
    }

    /// The line ranges of the list items after `releases:`, until the next top-level key.
    private static func allBlocks(in lines: [String], after listLine: Int) -> [(start: Int, end: Int)] {
        var blocks: [(start: Int, end: Int)] = []
        var index = listLine + 1
        while index < lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-" { break }
            if line.drop(while: { $0 == " " }).hasPrefix("- ") {
                if let last = blocks.popLast() { blocks.append((last.start, index)) }
                blocks.append((index, index + 1))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, let last = blocks.popLast() {
                blocks.append((last.start, index + 1))
            }
            index += 1
        }
        // A block ends after its last non-blank line.
        return blocks.map { block in
            var end = block.end
            while end > block.start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            return (block.start, end)
        }
    }

    private static func block(_ cycle: String, in lines: [String], after listLine: Int) -> (start: Int, end: Int)? {
        allBlocks(in: lines, after: listLine).first { cycleText(lines[$0.start]) == cycle }
    }
}
