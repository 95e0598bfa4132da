import Testing

@testable import StackPlanCore

@Suite("VersionNumber")
struct VersionNumberTests {
    @Test(arguments: zip(["1.9", "1.30", "2.99", "25.10", "2025.4"], ["1.10", "1.31", "3.0", "26.02", "2026.0"]))
    func ordersNumerically(_ lower: String, _ higher: String) throws {
        #expect(try #require(VersionNumber(cycle: lower)) < #require(VersionNumber(cycle: higher)))
    }

    @Test func keepsTheTextAsWritten() throws {
        let cycle = try #require(VersionNumber(cycle: "26.02"))
        #expect(cycle.text == "26.02")
        #expect(cycle.parts == [26, 2])
    }

    @Test(arguments: ["1", "1.", ".1", "1..2", "v1.30", "1.30a", "one.two", "1.-3", ""])
    func rejectsMalformedCycles(_ text: String) {
        #expect(VersionNumber(cycle: text) == nil)
    }

    @Test(arguments: [
        ("3.4.1", "3.4", true), ("3.41.0", "3.4", false), ("v1.15.1", "1.15", true),
        ("12.1.10+security-01", "12.1", true), ("1.12.0-beta.0", "1.12", true), ("3.4", "3.4", true),
        ("3", "3.4", false),
    ])
    func belongsToItsCycleAtADotBoundary(_ version: String, _ cycle: String, _ expected: Bool) throws {
        let installed = try #require(VersionNumber(version: version))
        #expect(installed.belongs(to: try #require(VersionNumber(cycle: cycle))) == expected)
    }

    @Test func derivesMinors() throws {
        let patch = try #require(VersionNumber(version: "1.33.4"))
        #expect(patch.minor.text == "1.33")
        #expect(patch.minor == VersionNumber(cycle: "1.33"))
        #expect(patch.minor.hashValue == VersionNumber(cycle: "1.33")?.hashValue)
        #expect(VersionNumber(version: "1.033.4-rc.1")?.minor.text == "1.33")
        #expect(patch.minor.advancingMinor(by: 2).text == "1.35")
    }

    @Test func keepsPartsBeyondTheThirdThroughTheText() throws {
        let long = try #require(VersionNumber(version: "v2.1.0.7.3-rc.1"))
        #expect(long.parts == [2, 1, 0, 7, 3])
        #expect(long.partCount == 5)
        #expect(long.part(3) == 7)
        #expect(long.part(9) == 0)
        let other = try #require(VersionNumber(version: "2.1.0.7.10"))
        #expect(long < other)
        #expect(long != other)
        #expect(long == VersionNumber(parts: [2, 1, 0, 7, 3]))
        #expect(Set([long, VersionNumber(parts: [2, 1, 0, 7, 3])]).count == 1)
    }

    @Test func ordersNegativeAndClampedParts() {
        let negative = VersionNumber(parts: [1, 2, 3, -4, 5])
        #expect(negative.parts == [1, 2, 3, -4, 5])
        #expect(negative < VersionNumber(parts: [1, 2, 3, 0]))
        #expect(VersionNumber(parts: [1, 2]) < VersionNumber(parts: [1, 2, -1]))
        #expect(VersionNumber(parts: [1, Int.max]).part(1) == Int.max)
        #expect(VersionNumber(parts: [Int.min, 3]).parts == [Int.min, 3])
        #expect(VersionNumber(parts: [1, 2_000_000]) > VersionNumber(parts: [1, 1_048_574]))
        #expect(VersionNumber(parts: [1, 1_048_574]) > VersionNumber(parts: [1, 1_048_573, 9]))
    }

    @Test func manyPartsAndWidePartsBelongToTheirCycles() throws {
        let wide = try #require(VersionNumber(version: "20250101.3.1"))
        #expect(wide.belongs(to: try #require(VersionNumber(cycle: "20250101.3"))))
        #expect(!wide.belongs(to: try #require(VersionNumber(cycle: "20250101.4"))))
        let long = VersionNumber(parts: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(long.partCount == 9)
        #expect(long.part(8) == 9)
        #expect(long.belongs(to: VersionNumber(parts: [1, 2, 3, 4])))
        #expect(!long.belongs(to: VersionNumber(parts: [1, 2, 3, 5])))
        #expect(long < VersionNumber(parts: [1, 2, 3, 4, 5, 6, 7, 8, 10]))
    }

    /// The digit-by-digit text is the decimal text of each part joined by dots, for every sign,
    /// width and count; a minor's text is its first two parts'.
    @Test func dottedTextIsEachPartInDecimal() {
        let samples = [0, 1, 9, 10, 36, 99, 100, 1_048_574, 1_048_575, -1, -10, Int.max, Int.min]
        var random = SplitMix64(seed: 36)
        var cases: [[Int]] = [[]] + samples.map { [$0] } + samples.flatMap { first in samples.map { [first, $0] } }
        for _ in 0..<500 {
            cases.append(
                (0..<Int.random(in: 1...6, using: &random)).map { _ in Int.random(in: -5...200_000, using: &random) })
        }
        for parts in cases {
            #expect(VersionNumber.dotted(parts) == parts.map { String($0) }.joined(separator: "."), "\(parts)")
            #expect(VersionNumber(parts: parts).text == parts.map { String($0) }.joined(separator: "."))
        }
        for text in ["1.33.4", "1.33", "26.02.1", "1.9.0-rc.1", "1048574.1.2"] {
            guard let version = VersionNumber(version: text) else { continue }
            #expect(version.minor.text == "\(version.part(0)).\(version.part(1))")
        }
    }
}
