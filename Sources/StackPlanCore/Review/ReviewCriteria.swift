/// What a review criterion measures.
public enum ReviewMeasure: String, CaseIterable, Sendable {
    /// Customers running the component (or a cluster on the platform it is).
    case customers
    /// Production clusters running it.
    case productionClusters
    /// Quarters from the last tier move to the review quarter.
    case quartersInTier
    /// Months from the newest release to the date (upstream activity).
    case monthsSinceRelease
    /// Months from the date to the newest cycle's end of life (lifecycle headroom); no end of life is unlimited.
    case monthsToEol
    /// Share (0–1) of the support-window minors on its platforms that some release supports.
    case kubernetesCoverage
    /// Blocked steps the current plan has because of it.
    case blockedSteps
}

/// One criterion: a measure, a bound, and whether it is required.
public struct ReviewCriterion: Hashable, Sendable {
    public let id: String
    public let measure: ReviewMeasure
    /// The lower bound (`atLeast`), if any.
    public let atLeast: Double?
    /// The upper bound (`atMost`), if any.
    public let atMost: Double?
    public let required: Bool
    public let description: String

    public init(
        id: String, measure: ReviewMeasure, atLeast: Double?, atMost: Double?, required: Bool, description: String
    ) {
        self.id = id
        self.measure = measure
        self.atLeast = atLeast
        self.atMost = atMost
        self.required = required
        self.description = description
    }

    /// `≥ 2`, `≤ 12`, `2–5`.
    public var threshold: String {
        switch (atLeast, atMost) {
        case let (low?, high?): "\(Self.format(low))–\(Self.format(high))"
        case let (low?, nil): ">= \(Self.format(low))"
        case let (nil, high?): "<= \(Self.format(high))"
        case (nil, nil): "any"
        }
    }

    /// Whether `value` meets the bounds; `nil` (not applicable) meets them.
    public func holds(_ value: Double?) -> Bool {
        guard let value else { return true }
        if let atLeast, value < atLeast { return false }
        if let atMost, value > atMost { return false }
        return true
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Whether a move promotes or demotes.
public enum MoveKind: String, CaseIterable, Sendable {
    /// A candidate when every required criterion holds.
    case promotion
    /// A candidate when any required criterion fails (each describes what keeping the tier needs).
    case demotion
}

/// The criteria of one tier move (`catalog/review.yaml`).
public struct ReviewMove: Hashable, Sendable {
    public let id: String
    public let from: Tier
    public let to: Tier
    public let kind: MoveKind
    public let criteria: [ReviewCriterion]

    public init(id: String, from: Tier, to: Tier, kind: MoveKind, criteria: [ReviewCriterion]) {
        self.id = id
        self.from = from
        self.to = to
        self.kind = kind
        self.criteria = criteria
    }
}
