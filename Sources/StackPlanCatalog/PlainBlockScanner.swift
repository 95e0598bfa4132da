import Foundation
import StackPlanCore

/// A fast reader for the subset of YAML that inventories are written in (by `generate-fleet`,
/// `inventory import --write` and by hand): block mappings and sequences, one `key: value` or
/// `- item` per line, ASCII keys, printable text (any script in values and comments), comments,
/// plain scalars that start with an ASCII letter or digit (and hold no `: ` and no ` #`) and
/// double-quoted scalars without escapes.
///
/// It builds the same tree, with the same positions, as libyaml would, or gives up: anything
/// outside the subset (a tab, a non-ASCII key, a flow collection, an anchor, an empty value, a
/// multi-line scalar, a quoted key, a second document) and anything wrong (a duplicate key, a bad
/// indentation) returns `false`, and the caller reads the text with libyaml, which then accepts
/// it or reports the problem in its own words. Tests hold the scanner to libyaml's trees on
/// generated fleets and on random edits of them.
enum PlainBlockScanner {
    /// The longest key libyaml takes as a simple key; longer ones are left to libyaml.
    static let maxKeyLength = 1024

    /// An open collection: the column of its keys or dashes, and whether it is a sequence written
    /// at its parent key's column (`key:` then `- item` at the same indentation).
    private struct Level {
        let column: Int
        let isMapping: Bool
        let indentless: Bool
    }

    /// A scalar on a line: its text's bytes, where it ends (after a closing quote) and its style.
    private struct Token {
        let text: Range<Int>
        let end: Int
        let quoted: Bool
    }

    private static let space = UInt8(ascii: " ")
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let quote = UInt8(ascii: "\"")
    private static let hash = UInt8(ascii: "#")

    /// An item of a root list left out of the tree (``scan(_:into:deferringItemsOf:)``): the bytes
    /// of its lines and the number of its first line, to be read on its own (``item(_:in:)``).
    struct ListItem: Sendable {
        let bytes: Range<Int>
        let line: Int
    }

    /// Reads `bytes` into `builder`; `false` when the text is not in the subset or not valid (the
    /// builder is then half-built and must be dropped).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout YAMLTreeBuilder) -> Bool {
        var items: [ListItem] = []
        return scan(bytes, lines: 0..<bytes.count, firstLine: 1, into: &builder, deferring: nil, items: &items)
    }

    /// Reads `bytes` into `builder` like ``scan(_:into:)`` but leaves out the items of the block
    /// list under the root mapping's `key`: the tree gets that list empty, and the items' lines
    /// are returned, found by their indentation alone, so that they can be read apart, on several
    /// threads. `nil` when the text (outside those items) is not in the subset or not valid.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, into builder: inout YAMLTreeBuilder, deferringItemsOf key: String
    ) -> [ListItem]? {
        var items: [ListItem] = []
        guard scan(bytes, lines: 0..<bytes.count, firstLine: 1, into: &builder, deferring: key, items: &items) else {
            return nil
        }
        return items
    }

    /// The node of one item left out by ``scan(_:into:deferringItemsOf:)``, with its positions in
    /// the whole text; `nil` when its lines are not in the subset or not valid.
    static func item(_ item: ListItem, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        var builder = YAMLTreeBuilder(streaming: nil)
        var none: [ListItem] = []
        guard scan(bytes, lines: item.bytes, firstLine: item.line, into: &builder, deferring: nil, items: &none),
            case .sequence(let nodes, _) = builder.root, nodes.count == 1
        else { return nil }
        return nodes[0]
    }

    /// The events of one item left out by ``scan(_:into:deferringItemsOf:)`` as a flat tape (a
    /// sequence holding the item), with positions in the whole text; `false` when its lines are not
    /// in the subset (the tape is then half-written). Keys are not checked for duplicates here.
    static func item(_ item: ListItem, in bytes: UnsafeBufferPointer<UInt8>, into tape: inout YAMLTape) -> Bool {
        var none: [ListItem] = []
        tape.removeAll()
        return scan(bytes, lines: item.bytes, firstLine: item.line, into: &tape, deferring: nil, items: &none)
    }

    private static func scan<Sink: PlainScanSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, lines: Range<Int>, firstLine: Int, into builder: inout Sink,
        deferring key: String?, items: inout [ListItem]
    ) -> Bool {
        var levels: [Level] = []
        var pending: Int?  // the column of the mapping whose last key still waits for its block value
        var deferring = false  // whether that key's list is the one to leave out
        var line = firstLine - 1
        var position = lines.lowerBound
        while position < lines.upperBound {
            line += 1
            let start = position
            var end = start
            var nonASCII = false
            // Printable ASCII eight bytes at a time (most of every line), then byte by byte.
            while end + 8 <= lines.upperBound, ByteWord.isPrintableASCII(ByteWord.load(bytes, at: end)) { end += 8 }
            while end < lines.upperBound, bytes[end] != 0x0A {
                let byte = bytes[end]
                if byte >= 0x80 {
                    nonASCII = true
                } else if byte < 0x20 || byte == 0x7F {
                    return false
                }
                end += 1
            }
            if nonASCII, !isPrintable(bytes, start..<end) { return false }
            position = end + 1
            let first = indentationEnd(bytes, from: start, to: end)
            if first == end || bytes[first] == hash { continue }
            if first == start, isDocumentMarker(bytes, at: start, end: end) { return false }

            // The line: `- ` (entry), then a scalar, then `:` and a value or nothing (key).
            let column = first - start
            var cursor = first
            let isEntry = bytes[cursor] == dash
            if isEntry {
                guard cursor + 1 < end, bytes[cursor + 1] == space else { return false }
                cursor += 1
                while cursor < end, bytes[cursor] == space { cursor += 1 }
                guard cursor < end else { return false }
            }
            guard let token = scalar(bytes, from: cursor, to: end) else { return false }
            var isKey = false
            var valueStart: Int?
            if !isLineEnd(bytes, at: token.end, end: end) {
                // An ASCII key: libyaml counts columns in characters, so the value's column after a
                // wider character would differ from its byte offset.
                guard !token.quoted, bytes[token.end] == colon, token.end - cursor <= maxKeyLength,
                    !nonASCII || bytes[token.text].allSatisfy({ $0 < 0x80 })
                else { return false }
                isKey = true
                var next = token.end + 1
                guard next == end || bytes[next] == space else { return false }
                if !isLineEnd(bytes, at: next, end: end) {
                    while bytes[next] == space { next += 1 }
                    valueStart = next
                }
            }
            guard isEntry || isKey else { return false }

            // Where the line sits: a new collection under the pending key (or the root), else the
            // open collection at its column, closing the deeper ones.
            if let parent = pending {
                guard column > parent || (column == parent && isEntry) else { return false }
                if deferring, isEntry {
                    builder.openCollection(mapping: false, at: YAMLMark(line: line, column: column + 1))
                    if !builder.closeCollection() { return false }
                    let list = listItems(bytes, from: start, line: line, column: column, limit: lines.upperBound)
                    (items, position, line, pending, deferring) = (list.items, list.end, list.lastLine, nil, false)
                    continue
                }
                builder.openCollection(mapping: !isEntry, at: YAMLMark(line: line, column: column + 1))
                levels.append(Level(column: column, isMapping: !isEntry, indentless: column == parent))
                pending = nil
            } else if levels.isEmpty {
                // The first line with content (the closing below never empties the stack and goes on).
                builder.openCollection(mapping: !isEntry, at: YAMLMark(line: line, column: column + 1))
                levels.append(Level(column: column, isMapping: !isEntry, indentless: false))
            } else {
                while let top = levels.last,
                    top.column > column || (top.indentless && top.column == column && !isEntry)
                {
                    levels.removeLast()
                    if !builder.closeCollection() { return false }
                }
                guard let top = levels.last, top.column == column, top.isMapping != isEntry else { return false }
            }

            let mark = YAMLMark(line: line, column: cursor - start + 1)
            if isEntry, isKey {
                builder.openCollection(mapping: true, at: mark)
                levels.append(Level(column: cursor - start, isMapping: true, indentless: false))
            }
            if !builder.addScalar(bytes, token.text, plain: !token.quoted, at: mark) { return false }
            guard isKey else { continue }
            if let valueStart {
                guard let value = scalar(bytes, from: valueStart, to: end), isLineEnd(bytes, at: value.end, end: end),
                    builder.addScalar(
                        bytes, value.text, plain: !value.quoted,
                        at: YAMLMark(line: line, column: valueStart - start + 1))
                else { return false }
            } else {
                pending = levels.last?.column
                deferring =
                    levels.count == 1 && !token.quoted && key.map { bytes[token.text].elementsEqual($0.utf8) } == true
            }
        }
        guard pending == nil, !levels.isEmpty else { return false }
        while !levels.isEmpty {
            levels.removeLast()
            if !builder.closeCollection() { return false }
        }
        return true
    }

    /// The items of the block list whose first entry starts the line at `from` (number `line`),
    /// its dashes at `column`: an item runs from a line with `- ` at that column to the next such
    /// line, taking every deeper, blank or comment line; the list ends before the first other line.
    /// Returns the items, where the list ends and the number of its last line.
    private static func listItems(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, line: Int, column: Int, limit: Int
    ) -> (items: [ListItem], end: Int, lastLine: Int) {
        var items: [ListItem] = []
        var itemStart = (position: from, line: line)
        var position = from
        var number = line
        while position < limit {
            let start = position
            let end = lineEnd(bytes, from: start, limit: limit)
            let first = indentationEnd(bytes, from: start, to: end)
            if first < end, bytes[first] != hash, first - start <= column {
                guard first - start == column, bytes[first] == dash, first + 1 == end || bytes[first + 1] == space
                else { break }
                if start > from {
                    items.append(ListItem(bytes: itemStart.position..<start, line: itemStart.line))
                    itemStart = (start, number)
                }
            }
            position = end + 1
            number += 1
        }
        items.append(ListItem(bytes: itemStart.position..<min(position, limit), line: itemStart.line))
        return (items, min(position, limit), number - 1)
    }

    /// Whether every byte of `word` may continue a plain scalar (``isPlain(_:)``: above 0x20, not
    /// DEL, not a colon).
    static func isPlainWord(_ word: UInt64) -> Bool {
        ByteWord.bytes(below: 0x21, in: word) | ByteWord.bytes(equalTo: 0x7F, in: word)
            | ByteWord.bytes(equalTo: UInt8(ascii: ":"), in: word) == 0
    }

    /// The index of the first byte other than a space in `from..<end` (or `end`): eight bytes at a
    /// time through the indentation, then byte by byte.
    private static func indentationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var first = from
        while first + 8 <= end, ByteWord.load(bytes, at: first) == ByteWord.spaces { first += 8 }
        while first < end, bytes[first] == space { first += 1 }
        return first
    }

    /// The index of the line break at or after `from`, or `limit`.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        guard let base = bytes.baseAddress, from < limit,
            let found = memchr(base + from, 0x0A, limit - from)
        else { return limit }
        return from + (UnsafeRawPointer(found) - UnsafeRawPointer(base + from))
    }

    /// Whether only spaces, or spaces and a comment, follow `index` on the line.
    private static func isLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        var next = index
        while next < end, bytes[next] == space { next += 1 }
        return next == end || (next > index && bytes[next] == hash)
    }

    /// `---` or `...` at the start of a line (a document marker when followed by a space or the
    /// line's end).
    private static func isDocumentMarker(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        guard end - start >= 3 else { return false }
        let first = bytes[start]
        guard first == dash || first == UInt8(ascii: "."), bytes[start + 1] == first, bytes[start + 2] == first else {
            return false
        }
        return end - start == 3 || bytes[start + 3] == space
    }

    /// The scalar starting at `from`: double-quoted without escapes, or plain, starting with a
    /// letter or digit, up to a `: `, a final `:`, a ` #`, two spaces or the line's end. `nil` for
    /// anything else.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Token? {
        if bytes[from] == quote {
            var index = from + 1
            while index < end {
                switch bytes[index] {
                case quote: return Token(text: from + 1..<index, end: index + 1, quoted: true)
                case UInt8(ascii: "\\"): return nil
                default: index += 1
                }
            }
            return nil
        }
        guard isAlphanumeric(bytes[from]) else { return nil }
        var index = from + 1
        // Eight bytes at a time while none is a space, a control character, DEL or a colon.
        while index + 8 <= end, isPlainWord(ByteWord.load(bytes, at: index)) { index += 8 }
        while index < end {
            let byte = bytes[index]
            if byte == colon {
                // `: ` or a final `:` ends the scalar (a key); `a:b` stays inside it.
                guard index + 1 < end, isPlain(bytes[index + 1]) else { break }
                index += 1
            } else if isPlain(byte) {
                index += 1
            } else if byte == space, index + 1 < end, isPlain(bytes[index + 1]), bytes[index + 1] != hash {
                index += 2
            } else {
                break
            }
        }
        return Token(text: from..<index, end: index, quoted: false)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A byte that may continue a plain scalar: any but space, DEL and `:` (read above); line
    /// breaks and control characters never reach here.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > space && byte != 0x7F && byte != colon
    }

    /// Whether every character of a line holding non-ASCII text is one libyaml takes as printable
    /// and not as a line break: none of C1 controls (NEL among them), U+2028, U+2029 or a byte
    /// order mark. The text is a Swift String's bytes, so it is valid UTF-8.
    private static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self).unicodeScalars.allSatisfy {
            switch $0.value {
            case 0x20...0x7E, 0x10000...0x10FFFF: true
            case 0xA0...0xD7FF: $0.value != 0x2028 && $0.value != 0x2029
            case 0xE000...0xFFFD: $0.value != 0xFEFF
            default: false
            }
        }
    }
}
