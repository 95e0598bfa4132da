import StackPlanCore

/// Making user-supplied text (names, notes, reasons) safe in each human format. Everything works on
/// Unicode scalars: in Swift `"\r\n"` is one Character, which a Character-level check misses.
enum TextSafety {
    /// Whether `scalar` breaks a line: LF, CR, NEL, LS or PS (also VT and FF).
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether `scalar` is a control character (C0, DEL, C1) or a line or paragraph separator.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The width in characters of text that prints as it is — printable ASCII, and beyond it only
    /// characters each of which is one Unicode scalar that never joins its neighbours (Latin-1
    /// and Latin Extended letters, and general punctuation such as dashes, quotes and the
    /// ellipsis) — counted on its bytes; `nil` for anything else (control characters, combining
    /// marks, other scripts), which ``visible(_:)`` and a count of Characters measure.
    static func plainWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Nearly every cell of a large table: printable ASCII, one character per byte.
        if ByteWord.isPrintableASCII(bytes) { return bytes.count }
        var offset = 0
        var continuations = 0
        while offset < bytes.count {
            if offset + 8 <= bytes.count, ByteWord.isPrintableASCII(ByteWord.load(bytes, at: offset)) {
                offset += 8
                continue
            }
            let lead = bytes[offset]
            switch lead {
            case 0x20..<0x7F:
                offset += 1
            case 0xC2...0xCB where offset + 1 < bytes.count:
                // U+00A0 to U+02FF, but not U+0080 to U+009F (C1 controls) or U+00AD (soft hyphen).
                let second = bytes[offset + 1]
                guard !(lead == 0xC2 && (second < 0xA0 || second == 0xAD)) else { return nil }
                offset += 2
                continuations += 1
            case 0xE2 where offset + 2 < bytes.count && (bytes[offset + 1] == 0x80 || bytes[offset + 1] == 0x81):
                // U+2010 to U+2027 and U+2030 to U+205E: not the zero-width characters, the line
                // and paragraph separators, or the invisible operators around them.
                let scalar = (Int(bytes[offset + 1] & 0x3F) << 6) | Int(bytes[offset + 2] & 0x3F)
                guard (0x10...0x27).contains(scalar) || (0x30...0x5E).contains(scalar) else { return nil }
                offset += 3
                continuations += 2
            default:
                return nil
            }
        }
        return bytes.count - continuations
    }

    /// Whether `bytes` (valid UTF-8) hold a control character (``isControl(_:)``), read off the
    /// bytes: one below space, DEL, or the encoding of U+0080 to U+009F, U+2028 or U+2029; eight
    /// printable ASCII bytes at a time.
    static func holdsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteWord.isPrintableASCII(bytes) { return false }
        var offset = 0
        while offset < bytes.count {
            if offset + 8 <= bytes.count, ByteWord.isPrintableASCII(ByteWord.load(bytes, at: offset)) {
                offset += 8
                continue
            }
            switch bytes[offset] {
            case 0..<0x20, 0x7F: return true
            case 0xC2 where bytes.count - offset > 1 && bytes[offset + 1] < 0xA0: return true
            default:
                // U+2028 and U+2029 (the other line breaks are C0 or C1 controls).
                if isLineBreak(bytes, at: offset) { return true }
                offset += 1
            }
        }
        return false
    }

    /// Whether a line break (``isLineBreak(_:)``) is encoded at `offset` of `bytes` (valid
    /// UTF-8): LF, VT, FF or CR, U+0085 as C2 85, U+2028 or U+2029 as E2 80 A8 or A9.
    static func isLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let rest = bytes.count - offset
        switch bytes[offset] {
        case 0x0A...0x0D: return true
        case 0xC2: return rest > 1 && bytes[offset + 1] == 0x85
        case 0xE2: return rest > 2 && bytes[offset + 1] == 0x80 && (bytes[offset + 2] & 0xFE) == 0xA8
        default: return false
        }
    }

    /// `text` with every control character shown as a visible escape (`\n`, `\r`, `\t`, `\x1B`,
    /// `\u2028`): what a terminal table prints, so no escape sequence reaches the terminal.
    static func visible(_ text: String) -> String {
        let holds = text.utf8.withContiguousStorageIfAvailable(holdsControl)
        guard holds ?? text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value > 0xFF ? "\\u\(hex)" : "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
