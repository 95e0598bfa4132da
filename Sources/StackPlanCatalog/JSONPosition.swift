import Foundation

/// Where a JSON document stops being JSON, as line and column: Foundation's parser says that
/// something is wrong but (on Linux) not where, so a small scanner finds the first bad byte.
public enum JSONPosition {
    public static func of(_ error: any Error, in data: Data) -> (line: Int, column: Int) {
        let bytes = Array(data)
        var scanner = Scanner(bytes: bytes)
        let offset = scanner.firstError() ?? 0
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// A JSON syntax check that reports the offset of the first error (`nil` when valid).
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func firstError() -> Int? {
            guard value(depth: 0) else { return min(index, bytes.count) }
            skipSpace()
            return index < bytes.count ? index : nil
        }

        private mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func literal(_ word: String) -> Bool {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { return false }
                index += 1
            }
            return true
        }

        private mutating func value(depth: Int) -> Bool {
            skipSpace()
            guard index < bytes.count, depth < 512 else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true, depth: depth)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false, depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        private mutating func container(close: UInt8, keyed: Bool, depth: Int) -> Bool {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return true
            }
            while true {
                if keyed {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                }
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == close {
                    index += 1
                    return true
                }
                guard bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
            }
        }

        private mutating func string() -> Bool {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: return false
                default: index += 1
                }
            }
            return false
        }

        private mutating func number() -> Bool {
            let start = index
            while index < bytes.count, "+-.0123456789eE".utf8.contains(bytes[index]) { index += 1 }
            return index > start
        }
    }
}
