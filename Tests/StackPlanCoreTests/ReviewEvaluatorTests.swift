import Testing

@testable import StackPlanCore

@Suite("Review evaluator")
struct ReviewEvaluatorTests {
    private typealias F = PlannerFixture

    private let moves = [
        ReviewMove(
            id: "demote", from: .infrastructure, to: .certified, kind: .demotion,
            criteria: [
                ReviewCriterion(
                    id: "activity", measure: .monthsSinceRelease, atLeast: nil, atMost: 12, required: true,
                    description: ""),
                ReviewCriterion(
                    id: "blocked", measure: .blockedSteps, atLeast: nil, atMost: 0, required: true, description: ""),
                ReviewCriterion(
                    id: "users", measure: .customers, atLeast: 1, atMost: nil, required: false, description: ""),
            ])
    ]

    @Test func measuresAdoptionBlockingAndActivity() throws {
        let customers = [
            F.customer(
                "a", production: [F.cluster("p", "1.35", components: ["ingress-nginx": "1.15.0"])],
                staging: [F.cluster("s", "1.36")]),
            F.customer(
                "b", production: [F.cluster("q", "1.36", components: ["calico": "3.32.0"])],
                staging: [F.cluster("t", "1.36")]),
        ]
        let plan = F.plan(customers)
        let evaluator = ReviewEvaluator(
            catalog: F.catalog, inventory: Inventory(pods: [], customers: customers), plan: plan,
            quarter: try #require(Quarter("2026-Q4")), moves: moves)
        let nginx = try #require(F.catalog.component("ingress-nginx"))
        #expect(evaluator.measure(.customers, nginx).0 == 1)
        #expect(evaluator.measure(.productionClusters, nginx).0 == 1)
        // ingress-nginx 1.15 supports nothing above 1.35, so its move before 1.36 is blocked (the blocked cluster
        // step after it names no component and is not counted).
        #expect(evaluator.measure(.blockedSteps, nginx).0 == 1)
        // Releases in the fixture are dated 2025-01-01: 20 months before 2026-09-01.
        #expect(evaluator.measure(.monthsSinceRelease, nginx).0 == 20)
        let reviews = evaluator.evaluate()
        // Every fixture component is infrastructure with releases dated 2025: inactive upstream, so a demotion
        // candidate; ingress-nginx also blocks a step.
        let nginxReview = try #require(reviews.first { $0.component.id == "ingress-nginx" })
        let demotion = try #require(nginxReview.evaluations.first { $0.move.id == "demote" })
        #expect(demotion.candidate)
        #expect(demotion.results.map(\.passed) == [false, false, true])
    }

    @Test func promotionNeedsEveryRequiredCriterion() {
        let criterion = { (required: Bool, atLeast: Double) in
            ReviewCriterion(
                id: "c", measure: .customers, atLeast: atLeast, atMost: nil, required: required, description: "")
        }
        #expect(criterion(true, 2).holds(2) && !criterion(true, 2).holds(1) && criterion(true, 2).holds(nil))
        #expect(criterion(true, 2).threshold == ">= 2")
    }

    @Test(arguments: [
        ("2025-01-01", "2026-09-01", 20), ("2026-08-17", "2026-11-25", 3), ("2026-11-25", "2026-09-30", -1),
        ("2026-01-31", "2026-02-28", 0),
    ])
    func wholeMonths(_ start: String, _ end: String, _ months: Int) {
        #expect(ReviewEvaluator.months(from: day(start), to: day(end)) == months)
    }
}
