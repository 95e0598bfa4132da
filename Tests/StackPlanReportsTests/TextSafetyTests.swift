import Testing

@testable import StackPlanReports

@Suite("Text safety: the printable ASCII fast path")
struct TextSafetyTests {
    @Test(arguments: [
        ("plain cell ~ 1.35", true), ("", true), ("tab\there", false), ("del\u{7F}", false), ("café", false),
        ("nel\u{85}", false), ("line\u{2028}sep", false),
    ])
    func printableASCIIIsRecognisedByItsBytes(_ text: String, _ expected: Bool) {
        #expect(TextSafety.isPrintableASCII(text) == expected)
    }

    /// The eight-bytes-at-a-time test agrees with a look at each byte: every byte value at every
    /// position of texts of 1 to 19 bytes.
    @Test func printableASCIIAgreesWithEachByteAtEveryPosition() {
        for length in 1..<20 {
            for position in 0..<length {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = value
                    let printable = bytes.withUnsafeBufferPointer { TextSafety.isPrintableASCII($0) }
                    #expect(printable == (0x20...0x7E).contains(value))
                }
            }
        }
    }

    @Test func visibleKeepsPlainAndNonASCIITextAndEscapesControls() {
        #expect(TextSafety.visible("café 1.35") == "café 1.35")
        #expect(TextSafety.visible("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(TextSafety.visible("x\u{2028}y") == "x\\u2028y")
    }
}
