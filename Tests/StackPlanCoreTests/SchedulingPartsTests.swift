import Testing

@testable import StackPlanCore

@Suite("Scheduling parts: binary heap and week slots")
struct SchedulingPartsTests {
    @Test(arguments: [1, 2, 3, 7, 42])
    func theHeapPopsInOrderWhateverWasPushed(_ seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let values = (0..<500).map { _ in Int.random(in: -1000...1000, using: &random) }
        var heap = BinaryHeap<Int>(by: <)
        for value in values { heap.push(value) }
        var popped: [Int] = []
        while let value = heap.pop() { popped.append(value) }
        #expect(popped == values.sorted())
        #expect(heap.isEmpty && heap.pop() == nil)
    }

    @Test func theHeapInterleavesPushesAndPops() {
        var heap = BinaryHeap<(Int, String)>(by: { $0.0 < $1.0 })
        heap.push((5, "e"))
        heap.push((1, "a"))
        #expect(heap.pop()?.1 == "a")
        heap.push((3, "c"))
        heap.push((4, "d"))
        #expect([heap.pop()?.1, heap.pop()?.1, heap.pop()?.1, heap.pop()?.1] == ["c", "d", "e", nil])
    }

    @Test func aPodStartsAtMostItsCapacityPerWeek() {
        let asOf = day("2026-09-01")
        var slots = WeekSlots(capacity: 2)
        let starts = (0..<5).map { _ in slots.take(from: asOf, asOf: asOf).description }
        // Week k starts on the date + 7k.
        #expect(starts == ["2026-09-01", "2026-09-01", "2026-09-08", "2026-09-08", "2026-09-15"])
    }

    @Test func aStepStartsNoEarlierThanItMayAndSkipsFullWeeks() {
        let asOf = day("2026-09-01")
        var slots = WeekSlots(capacity: 1)
        // Mid-week: the week that holds the day, starting on that day.
        #expect(slots.take(from: day("2026-09-03"), asOf: asOf).description == "2026-09-03")
        // That week is full now: the next one.
        #expect(slots.take(from: day("2026-09-02"), asOf: asOf).description == "2026-09-08")
        // Weeks far ahead are independent.
        #expect(slots.take(from: day("2026-12-01"), asOf: asOf).description == "2026-12-01")
        #expect(slots.take(from: day("2026-09-01"), asOf: asOf).description == "2026-09-15")
    }
}

@Suite("Release chooser")
struct ReleaseChooserTests {
    private static let istio = PlannerFixture.component(
        "istio", role: .mesh,
        [
            ("1.24", "2025-06-24", "1.28", "1.31"), ("1.29", "2026-08-31", "1.31", "1.35"),
            ("1.30", "2026-11-30", "1.32", "1.36"), ("1.31", nil, nil, nil),
        ])

    private func choose(
        _ asOf: String, from installed: String, _ low: String, _ high: String, reach: String
    ) -> ReleaseChooser.Choice {
        ReleaseChooser(asOf: day(asOf)).target(
            of: Self.istio, from: cycle(installed), runningOn: cycle(low), through: cycle(high), reaching: cycle(reach))
    }

    @Test func aReleaseThatStatesNoRangeMayRunAnywhere() {
        // 1.31 states no range: it runs on 1.31 and 1.32 and reaches furthest.
        #expect(choose("2026-09-01", from: "1.24", "1.31", "1.32", reach: "1.36").release?.cycle.text == "1.31")
    }

    @Test func theReleaseMustRunOnBothMinors() {
        let chooser = ReleaseChooser(asOf: day("2026-08-01"))
        let ranged = PlannerFixture.component(
            "x", role: nil, [("1.0", nil, "1.30", "1.31"), ("2.0", nil, "1.31", "1.33"), ("3.0", nil, "1.32", "1.36")])
        let pick = chooser.target(
            of: ranged, from: cycle("1.0"), runningOn: cycle("1.31"), through: cycle("1.32"), reaching: cycle("1.36"))
        #expect(pick.release?.cycle.text == "2.0")
    }

    @Test func withEveryFittingReleaseEndedTheNewestIsNamed() {
        let chooser = ReleaseChooser(asOf: day("2026-09-01"))
        let ended = PlannerFixture.component("y", role: nil, [("1.0", "2026-01-01", "1.31", "1.32")])
        let pick = chooser.target(
            of: ended, from: cycle("1.0"), runningOn: cycle("1.31"), through: cycle("1.32"), reaching: cycle("1.36"))
        #expect(pick == .allEnded(newest: ended.releases[0]))
        let none = chooser.target(
            of: ended, from: cycle("1.0"), runningOn: cycle("1.35"), through: cycle("1.36"), reaching: cycle("1.36"))
        #expect(none == .noneSupports)
    }

    @Test func neverMovesBackwards() {
        let pick = choose("2026-09-01", from: "1.30", "1.32", "1.33", reach: "1.36")
        #expect(pick.release.map { !($0.cycle < cycle("1.30")) } == true)
    }
}
