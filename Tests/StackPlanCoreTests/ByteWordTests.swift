import Testing

@testable import StackPlanCore

/// Each eight-byte test agrees with a look at each byte: every byte value at every position among
/// fillers, and two special bytes at once (a borrow from one must not hide or fake the other).
@Suite("Byte words")
struct ByteWordTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
    }

    @Test(arguments: [UInt8(ascii: " "), UInt8(ascii: "a"), UInt8(ascii: "~"), 0xC3])
    func everyByteAtEveryPosition(_ filler: UInt8) {
        for position in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: filler, count: 8)
                bytes[position] = value
                let word = Self.word(bytes)
                #expect((ByteWord.bytes(below: 0x20, in: word) != 0) == bytes.contains { $0 < 0x20 })
                #expect((ByteWord.bytes(below: 0x21, in: word) != 0) == bytes.contains { $0 < 0x21 })
                #expect((ByteWord.bytes(equalTo: 0x7F, in: word) != 0) == bytes.contains(0x7F))
                #expect(
                    (ByteWord.bytes(equalTo: UInt8(ascii: "\""), in: word) != 0) == bytes.contains(UInt8(ascii: "\"")))
                #expect((ByteWord.nonASCIIBytes(in: word) != 0) == bytes.contains { $0 >= 0x80 })
                #expect(ByteWord.isPrintableASCII(word) == bytes.allSatisfy { (0x20...0x7E).contains($0) })
            }
        }
    }

    /// The whole-text test agrees with a look at each byte: every byte value at every position of
    /// texts of 0 to 19 bytes (a few bytes, two halves, words and an overlapping last word).
    @Test func printableTextsAtEveryLength() {
        for length in 0...19 {
            #expect(
                [UInt8](repeating: UInt8(ascii: "k"), count: length).withUnsafeBufferPointer(ByteWord.isPrintableASCII))
            for position in 0..<length {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "k"), count: length)
                    bytes[position] = value
                    if bytes.withUnsafeBufferPointer(ByteWord.isPrintableASCII) != (0x20...0x7E).contains(value) {
                        Issue.record("byte \(value) at \(position) of \(length)")
                    }
                }
            }
        }
    }

    @Test func twoSpecialBytesInOneWord() {
        for first in [0x00, 0x1F, 0x20, 0x22, 0x7F, 0x80, 0xFF] as [UInt8] {
            for second in [0x00, 0x01, 0x21, 0x22, 0x7E, 0x7F, 0x81] as [UInt8] {
                for (a, b) in [(0, 1), (3, 4), (6, 7), (0, 7)] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "m"), count: 8)
                    (bytes[a], bytes[b]) = (first, second)
                    let word = Self.word(bytes)
                    #expect((ByteWord.bytes(below: 0x20, in: word) != 0) == bytes.contains { $0 < 0x20 })
                    #expect((ByteWord.bytes(equalTo: 0x22, in: word) != 0) == bytes.contains(0x22))
                    #expect((ByteWord.bytes(equalTo: 0x7F, in: word) != 0) == bytes.contains(0x7F))
                }
            }
        }
    }
}
