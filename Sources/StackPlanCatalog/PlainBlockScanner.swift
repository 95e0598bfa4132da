/// A fast reader for the subset of YAML that inventories are written in (by `generate-fleet`,
/// `inventory import --write` and by hand): block mappings and sequences, one `key: value` or
/// `- item` per line, printable ASCII, comments, plain scalars that start with a letter or digit
/// (and hold no `: ` and no ` #`) and double-quoted scalars without escapes.
///
/// It builds the same tree, with the same positions, as libyaml would, or gives up: anything
/// outside the subset (a tab, a non-ASCII byte, a flow collection, an anchor, an empty value, a
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

    /// Reads `bytes` into `builder`; `false` when the text is not in the subset or not valid (the
    /// builder is then half-built and must be dropped).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout YAMLTreeBuilder) -> Bool {
        var levels: [Level] = []
        var pending: Int?  // the column of the mapping whose last key still waits for its block value
        var line = 0
        var position = 0
        while position < bytes.count {
            line += 1
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != 0x0A {
                guard (0x20...0x7E).contains(bytes[end]) else { return false }
                end += 1
            }
            position = end + 1
            var first = start
            while first < end, bytes[first] == space { first += 1 }
            if first == end || bytes[first] == UInt8(ascii: "#") { continue }
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
                guard !token.quoted, bytes[token.end] == colon, token.end - cursor <= maxKeyLength else { return false }
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
                builder.open(mapping: !isEntry, at: YAMLMark(line: line, column: column + 1))
                levels.append(Level(column: column, isMapping: !isEntry, indentless: column == parent))
                pending = nil
            } else if levels.isEmpty {
                // The first line with content (the closing below never empties the stack and goes on).
                builder.open(mapping: !isEntry, at: YAMLMark(line: line, column: column + 1))
                levels.append(Level(column: column, isMapping: !isEntry, indentless: false))
            } else {
                while let top = levels.last,
                    top.column > column || (top.indentless && top.column == column && !isEntry)
                {
                    levels.removeLast()
                    if builder.close() != nil { return false }
                }
                guard let top = levels.last, top.column == column, top.isMapping != isEntry else { return false }
            }

            let mark = YAMLMark(line: line, column: cursor - start + 1)
            if isEntry, isKey {
                builder.open(mapping: true, at: mark)
                levels.append(Level(column: cursor - start, isMapping: true, indentless: false))
            }
            if builder.scalar(text(bytes, token), plain: !token.quoted, at: mark) != nil { return false }
            guard isKey else { continue }
            if let valueStart {
                guard let value = scalar(bytes, from: valueStart, to: end), isLineEnd(bytes, at: value.end, end: end),
                    builder.scalar(
                        text(bytes, value), plain: !value.quoted,
                        at: YAMLMark(line: line, column: valueStart - start + 1))
                        == nil
                else { return false }
            } else {
                pending = levels.last?.column
            }
        }
        guard pending == nil, !levels.isEmpty else { return false }
        while !levels.isEmpty {
            levels.removeLast()
            if builder.close() != nil { return false }
        }
        return true
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

    /// A byte that may continue a plain scalar: printable ASCII but space and `:` (read above).
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > space && byte < 0x7F && byte != colon
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.text]), as: UTF8.self)
    }
}
