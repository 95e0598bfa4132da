import Testing

@testable import StackPlanCore

/// The short-array table of a platform's minors answers as a dictionary keyed by version would.
@Suite("Minor table")
struct MinorTableTests {
    /// Random sets, replacements and removals, checked against a dictionary after each.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func answersAsADictionaryWould(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var table = MinorTable<Int>()
        var dictionary: [VersionNumber: Int] = [:]
        let minors = (20...40).map { VersionNumber(parts: [1, $0]) } + [VersionNumber(parts: [1, 20, 0])]
        for step in 0..<400 {
            let minor = try #require(minors.randomElement(using: &random))
            let value: Int? = Int.random(in: 0..<4, using: &random) == 0 ? nil : step
            table[minor] = value
            dictionary[minor] = value
            for probe in minors {
                #expect(table[probe] == dictionary[probe])
                #expect(table.contains(probe) == (dictionary[probe] != nil))
            }
            #expect(Set(table.keys) == Set(dictionary.keys))
        }
    }

    @Test func equalMinorsWrittenDifferentlyShareAnEntry() throws {
        let written = try #require(VersionNumber(cycle: "1.35"))
        let made = VersionNumber(parts: [1, 35])
        var table = MinorTable<String>()
        table[written] = "first"
        table[made] = "second"
        #expect(table.keys.count == 1)
        #expect(table[written] == "second")
        let set = MinorTable([written, made, VersionNumber(parts: [1, 36])])
        #expect(set.keys.count == 2)
        #expect(set.contains(made) && !set.contains(VersionNumber(parts: [1, 37])))
    }
}
