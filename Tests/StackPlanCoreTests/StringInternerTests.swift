import Testing

@testable import StackPlanCore

/// The reason interner: equal texts come back as one stored copy, whatever path finds it.
@Suite("String interner")
struct StringInternerTests {
    /// Where a long text's bytes are (its storage), to tell copies apart.
    private func address(_ text: String) -> UInt? {
        text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }

    @Test func equalTextsShareTheFirstCopy() {
        var interner = StringInterner()
        // Built at run time, so each is a separate buffer.
        let first = String(repeating: "one minor at a time ", count: 3)
        let second = String(repeating: "one minor at a time ", count: 3)
        #expect(address(first) != address(second))
        let kept = interner.intern(first)
        #expect(address(kept) == address(first))
        // An equal text in another buffer is found by its bytes and gets the stored copy.
        #expect(address(interner.intern(second)) == address(first))
        // The stored copy itself is found by where its bytes are.
        #expect(address(interner.intern(kept)) == address(first))
        // A different text of the same length is its own.
        let other = String(repeating: "one minor at a time!", count: 3)
        #expect(interner.intern(other) == other)
        #expect(address(interner.intern(String(repeating: "one minor at a time!", count: 3))) == address(other))
    }

    @Test(arguments: ["", "short", "exactly 15 byte", "sixteen bytes!!!", "Müller Söhne GmbH & Co. KG"])
    func everyTextComesBackEqual(_ text: String) {
        var interner = StringInterner()
        #expect(interner.intern(text) == text)
        #expect(interner.intern(String(text.reversed().reversed())) == text)
        var steps = [
            PlanStep(action: .upgradeControlPlane, from: "1.33", to: "1.34", due: nil, reason: text),
            PlanStep(action: .upgradeControlPlane, from: "1.34", to: "1.35", due: nil, reason: text + "."),
        ]
        interner.intern(reasonsOf: &steps)
        #expect(steps.map(\.reason) == [text, text + "."])
    }
}
