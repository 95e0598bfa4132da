import Testing

@testable import StackPlanReports

@Suite("Text safety: tests read off the bytes")
struct TextSafetyTests {
    /// Texts that put `scalar` at every position of 1 to 19 bytes of ASCII, so the scalar is
    /// met both in the eight-bytes-at-a-time part and in the tail.
    private static func texts(around scalar: Unicode.Scalar) -> [String] {
        (0..<19).map { before in
            String(repeating: "a", count: before) + String(Character(scalar))
                + String(repeating: "b", count: 18 - before)
        }
    }

    /// Every scalar below U+0800 and from U+2000 to U+20FF (the ranges the byte tests single out)
    /// and a few beyond.
    private static let scalars: [Unicode.Scalar] =
        (Array(0..<0x800) + Array(0x2000..<0x2100) + [0x3000, 0xFEFF, 0x1F600]).compactMap(Unicode.Scalar.init)

    @Test func controlsAreFoundOnTheBytesAsOnTheScalars() {
        for scalar in Self.scalars {
            for text in Self.texts(around: scalar) {
                let holds = text.utf8.withContiguousStorageIfAvailable(TextSafety.holdsControl)
                #expect(holds == text.unicodeScalars.contains(where: TextSafety.isControl), "U+\(scalar.value)")
            }
        }
    }

    @Test(
        arguments: [
            ("plain cell ~ 1.35", 17), ("", 0), ("Kubernetes 1.29–1.33", 20), ("café “quoted” …", 15), ("‼", 1),
            ("tab\there", nil), ("del\u{7F}", nil), ("nel\u{85}", nil), ("line\u{2028}sep", nil), ("e\u{301}", nil),
            ("soft\u{AD}hyphen", nil), ("zero\u{200B}width", nil), ("中文", nil), ("😀", nil),
        ] as [(String, Int?)])
    func plainWidthCountsTextThatPrintsAsItIs(_ text: String, _ expected: Int?) {
        #expect(text.utf8.withContiguousStorageIfAvailable(TextSafety.plainWidth) == expected)
    }

    /// Wherever a width is read off the bytes, it is the number of Characters and the text
    /// prints unchanged — also with a combining mark or a joiner after the scalar.
    @Test func plainWidthIsTheCharacterCountOfTextThatPrintsUnchanged() {
        for scalar in Self.scalars {
            for text in Self.texts(around: scalar) + [String(Character(scalar)) + "\u{301}x", "x\(scalar)\u{200D}y"] {
                guard let width = text.utf8.withContiguousStorageIfAvailable(TextSafety.plainWidth) ?? nil else {
                    continue
                }
                #expect(width == text.count, "U+\(scalar.value)")
                #expect(TextSafety.visible(text) == text, "U+\(scalar.value)")
            }
        }
    }

    @Test func visibleKeepsPlainAndNonASCIITextAndEscapesControls() {
        #expect(TextSafety.visible("café 1.35") == "café 1.35")
        #expect(TextSafety.visible("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(TextSafety.visible("x\u{2028}y") == "x\\u2028y")
        #expect(TextSafety.visible("c1\u{9B}") == "c1\\x9B")
    }
}
