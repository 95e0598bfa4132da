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

    @Test func visibleKeepsPlainAndNonASCIITextAndEscapesControls() {
        #expect(TextSafety.visible("café 1.35") == "café 1.35")
        #expect(TextSafety.visible("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(TextSafety.visible("x\u{2028}y") == "x\\u2028y")
    }
}
