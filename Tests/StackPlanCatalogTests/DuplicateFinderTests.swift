import Testing

@testable import StackPlanCatalog

@Suite("Duplicate finder")
struct DuplicateFinderTests {
    private func repeats(_ keys: [String]) -> [Int] {
        var finder = DuplicateFinder(capacity: keys.count)
        for var key in keys { key.withUTF8 { finder.append($0) } }
        #expect(finder.count == keys.count)
        return finder.repeats()
    }

    @Test func reportsEachLaterCopyInOrder() {
        #expect(repeats(["a", "b", "a", "", "b", "a", ""]) == [2, 4, 5, 6])
        #expect(repeats([]).isEmpty)
        #expect(repeats(["INC-1", "INC-10", "INC-1 ", "inc-1"]).isEmpty)
    }

    /// Many keys, so that the radix sort's every byte pass matters and some 32-bit hashes agree.
    @Test func findsRepeatsAmongManyKeys() {
        let count = 200_000
        var keys = (0..<count).map { "INC-\($0)" }
        keys += ["INC-7", "INC-199999", "INC-0"]
        #expect(repeats(keys) == [count, count + 1, count + 2])
    }

    @Test func knowsEachKeysText() {
        var finder = DuplicateFinder()
        for var key in ["é-1", "x"] { key.withUTF8 { finder.append($0) } }
        #expect(finder.string(at: 0) == "é-1" && finder.string(at: 1) == "x")
    }
}
