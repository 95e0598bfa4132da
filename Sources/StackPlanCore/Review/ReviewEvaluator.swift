/// A criterion measured for one component.
public struct CriterionResult: Hashable, Sendable {
    public let criterion: ReviewCriterion
    /// The measured value; `nil` when not applicable (no releases, no end of life).
    public let value: Double?
    /// How the value reads for people (`3 customers`, `n/a`).
    public let shown: String
    public let passed: Bool
}

/// One component measured against one possible move.
public struct MoveEvaluation: Hashable, Sendable {
    public let move: ReviewMove
    public let results: [CriterionResult]
    /// For promotions: every required criterion passed. For demotions: a required criterion failed.
    public let candidate: Bool
}

/// One component in the board pack.
public struct ComponentReview: Hashable, Sendable {
    public let component: Component
    public let evaluations: [MoveEvaluation]

    /// Whether any move makes it a candidate.
    public var isCandidate: Bool { evaluations.contains(where: \.candidate) }
}

/// Evaluates every component against the moves out of its tier, with evidence from the catalog,
/// the inventory and the current plan.
public struct ReviewEvaluator: Sendable {
    public let catalog: Catalog
    public let inventory: Inventory
    public let plan: UpgradePlan
    public let quarter: Quarter
    public let moves: [ReviewMove]

    public init(catalog: Catalog, inventory: Inventory, plan: UpgradePlan, quarter: Quarter, moves: [ReviewMove]) {
        self.catalog = catalog
        self.inventory = inventory
        self.plan = plan
        self.quarter = quarter
        self.moves = moves
    }

    /// Candidates first (promotions, then demotions), then the rest; by category then name within.
    public func evaluate() -> [ComponentReview] {
        let order = Dictionary(uniqueKeysWithValues: catalog.categories.enumerated().map { ($1.id, $0) })
        let reviews = catalog.components.map { component in
            ComponentReview(
                component: component,
                evaluations: moves.filter { $0.from == component.tier }.map { evaluate(component, $0) })
        }
        func rank(_ review: ComponentReview) -> Int {
            if review.evaluations.contains(where: { $0.candidate && $0.move.kind == .promotion }) { return 0 }
            if review.evaluations.contains(where: { $0.candidate && $0.move.kind == .demotion }) { return 1 }
            return 2
        }
        return reviews.sorted {
            (rank($0), order[$0.component.category] ?? .max, $0.component.name)
                < (rank($1), order[$1.component.category] ?? .max, $1.component.name)
        }
    }

    func evaluate(_ component: Component, _ move: ReviewMove) -> MoveEvaluation {
        let results = move.criteria.map { criterion -> CriterionResult in
            let (value, shown) = measure(criterion.measure, component)
            return CriterionResult(criterion: criterion, value: value, shown: shown, passed: criterion.holds(value))
        }
        let required = results.filter(\.criterion.required)
        let candidate: Bool =
            switch move.kind {
            case .promotion: required.allSatisfy(\.passed)
            case .demotion: required.contains { !$0.passed }
            }
        return MoveEvaluation(move: move, results: results, candidate: candidate)
    }

    func measure(_ measure: ReviewMeasure, _ component: Component) -> (Double?, String) {
        let asOf = plan.asOf
        switch measure {
        case .customers, .productionClusters:
            let placements = ComponentUse.placements(of: component.id, in: inventory, catalog: catalog)
            let value =
                measure == .customers
                ? Set(placements.map(\.customer.id)).count
                : placements.filter { $0.environment.kind == .production }.count
            return (Double(value), "\(value)")
        case .quartersInTier:
            guard let last = component.history.last else { return (nil, "n/a") }
            let quarters = last.quarter.quarters(until: quarter)
            return (Double(quarters), "\(quarters) (since \(last.quarter))")
        case .monthsSinceRelease:
            guard let newest = component.releases.map(\.releaseDate).max() else { return (nil, "n/a (no releases)") }
            let months = Self.months(from: newest, to: asOf)
            return (Double(months), "\(months) (newest \(newest))")
        case .monthsToEol:
            guard let newest = component.newestRelease else { return (nil, "n/a (no releases)") }
            guard let eol = newest.eol else { return (nil, "no end of life (\(newest.cycle))") }
            let months = Self.months(from: asOf, to: eol)
            return (Double(months), "\(months) (\(newest.cycle) ends \(eol))")
        case .kubernetesCoverage:
            guard !component.releases.isEmpty else { return (nil, "n/a (no releases)") }
            var needed = 0
            var covered = 0
            for platform in catalog.platforms where component.isOffered(on: platform.id) {
                for minor in ReleaseCalendar(
                    releases: platform.releases, supportedMinors: catalog.policy.supportedMinors
                )
                .supportWindow(on: asOf) {
                    needed += 1
                    if component.releases.contains(where: { $0.supports(kubernetes: minor) }) { covered += 1 }
                }
            }
            guard needed > 0 else { return (nil, "n/a") }
            return (Double(covered) / Double(needed), "\(covered) of \(needed) window minors")
        case .blockedSteps:
            let blocked = plan.clusters.flatMap(\.steps).filter { ComponentUse.blocks(component.id, $0) }.count
            return (Double(blocked), "\(blocked)")
        }
    }

    /// Whole months from `start` to `end` (negative when `end` is earlier).
    static func months(from start: CalendarDay, to end: CalendarDay) -> Int {
        let (y1, m1, d1) = start.components
        let (y2, m2, d2) = end.components
        var months = (y2 - y1) * 12 + (m2 - m1)
        if months > 0, d2 < d1 { months -= 1 }
        if months < 0, d2 > d1 { months += 1 }
        return months
    }
}
