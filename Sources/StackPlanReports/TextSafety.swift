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

    /// Whether every byte of `text` is printable ASCII (space to `~`): then it has no control
    /// character, known without decoding scalars (nearly every cell of a large table).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isPrintableASCII) ?? false
    }

    /// Whether every one of `bytes` is printable ASCII: eight bytes at a time, then the rest one by
    /// one.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            guard ByteWord.isPrintableASCII(ByteWord.load(bytes, at: offset)) else { return false }
            offset += 8
        }
        while offset < bytes.count {
            guard bytes[offset] >= 0x20, bytes[offset] < 0x7F else { return false }
            offset += 1
        }
        return true
    }

    /// `text` with every control character shown as a visible escape (`\n`, `\r`, `\t`, `\x1B`,
    /// `\u2028`): what a terminal table prints, so no escape sequence reaches the terminal.
    static func visible(_ text: String) -> String {
        guard !isPrintableASCII(text), text.unicodeScalars.contains(where: isControl) else { return text }
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
