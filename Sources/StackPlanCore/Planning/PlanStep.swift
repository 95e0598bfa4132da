/// What a plan step does.
public enum StepAction: String, CaseIterable, Codable, Sendable {
    /// Move an installed component to a release that supports the next minor, or off an end-of-life release.
    case upgradeComponent = "upgrade-component"
    /// Bring lagging worker nodes up to the control plane's minor (R6 skew catch-up).
    case upgradeNodes = "upgrade-nodes"
    /// In-place: move the control plane (and nodes on the same minor) one minor up.
    case upgradeControlPlane = "upgrade-control-plane"
    /// Side-by-side: build a new cluster at the target minor and move to it in one step.
    case migrateCluster = "migrate-cluster"

    /// Whether the step uses one of the pod's weekly upgrade slots (component steps do not).
    public var usesPodCapacity: Bool { self != .upgradeComponent }

    /// Whether the step moves the control plane to a new minor (in place or by migration).
    public var movesControlPlane: Bool { self == .upgradeControlPlane || self == .migrateCluster }
}

/// One step of a cluster's upgrade path.
public struct PlanStep: Hashable, Sendable {
    public let action: StepAction
    /// The component id, for component steps.
    public let component: String?
    /// The version moved from (a minor, or a component version).
    public let from: String
    /// The version moved to; `nil` when blocked with no release to move to.
    public let to: String?
    /// For cluster and node steps, the Kubernetes minor moved to.
    public let minor: VersionNumber?
    /// The deadline, `nil` when no rule sets one.
    public var due: CalendarDay?
    /// The planned first day.
    public var plannedStart: CalendarDay?
    /// The planned last day.
    public var plannedEnd: CalendarDay?
    /// Whether the step cannot be done (no compatible release).
    public var blocked: Bool
    /// For a step blocked by another one, the index (in the cluster's steps) of the step whose own
    /// problem is the cause; `nil` when the step is not blocked or is itself the cause.
    public var blockedBy: Int?
    /// A step to a projected (not yet announced) minor: its due date is an estimate, and it never
    /// makes the cluster overdue or at risk.
    public var projected = false
    /// The first day the step may start (a projected minor's estimated release).
    public var notBefore: CalendarDay?
    /// The maintenance window the step is planned in (when the customer has windows).
    public var window: PlannedWindow?
    /// Why the schedule puts the step at risk (no window before the due date), with the freeze in
    /// the way when there is one.
    public var scheduleRisk: ScheduleRisk?
    /// Why the step exists, or why it is blocked.
    public var reason: String

    public init(
        action: StepAction, component: String? = nil, from: String, to: String?, minor: VersionNumber? = nil,
        due: CalendarDay?, blocked: Bool = false, reason: String
    ) {
        self.action = action
        self.component = component
        self.from = from
        self.to = to
        self.minor = minor
        self.due = due
        self.blocked = blocked
        self.reason = reason
    }
}

/// A step the schedule cannot fit before its due date: no maintenance window is free in time.
public struct ScheduleRisk: Hashable, Sendable, CustomStringConvertible {
    /// The freeze that kept the step out of an earlier window, if one did.
    public let freeze: Freeze?

    public init(freeze: Freeze?) {
        self.freeze = freeze
    }

    /// `no-window-before-due`, then `: the <reason> freeze (<from> to <until>) is in the way`.
    public var description: String {
        "no-window-before-due"
            + (freeze.map { ": the \($0.reason) freeze (\($0.from) to \($0.until)) is in the way" } ?? "")
    }
}

extension PlanStep {
    /// The at-risk part of the status rule: blocked, planned to end after its due date, or due
    /// within `margin` days of `day` (`upgrade.atRiskWithinDays`, 30) and not started on it.
    public func isAtRisk(on day: CalendarDay, margin: Int) -> Bool {
        if blocked || scheduleRisk != nil { return true }
        if let end = plannedEnd, let due, end > due { return true }
        if let due, day.days(until: due) <= margin, plannedStart.map({ $0 > day }) ?? true {
            return true
        }
        return false
    }

    /// How the portfolio forecast counts this step on `day`: overdue (due before the day), at
    /// risk (not overdue and `isAtRisk`), or neither. Projected steps are estimates and count in
    /// neither figure.
    public func standing(on day: CalendarDay, margin: Int) -> StepStanding? {
        if projected { return nil }
        if let due, due < day { return .overdue }
        return isAtRisk(on: day, margin: margin) ? .atRisk : nil
    }
}

/// The two figures of the portfolio forecast a step can count in.
public enum StepStanding: String, CaseIterable, Sendable {
    case overdue
    case atRisk = "at-risk"
}

/// Why the provider's upgrade SLA does not cover a cluster (R5).
public enum SLAReason: String, CaseIterable, Codable, Sendable {
    case notQualified = "not-qualified"
    /// The cluster's minor is not released on its platform on the date (planned, or dated later):
    /// the support window does not know it.
    case unreleasedVersion = "unreleased-version"
    case outsideSupportWindow = "outside-support-window"
    case endOfLife = "end-of-life"
}

/// A cluster's standing, first match wins.
public enum ClusterStatus: String, CaseIterable, Codable, Sendable {
    /// A due date of the cluster or of its component steps is before the date.
    case overdue
    /// A step planned to end after its due date, blocked, or due within 30 days and not started.
    case atRisk = "at-risk"
    /// On the newest released minor (never a planned, unreleased one).
    case current
    case onTrack = "on-track"
}

/// The plan of one cluster.
public struct ClusterPlan: Hashable, Sendable {
    public let customer: String
    public let cluster: Cluster
    public let environment: String
    public let kind: EnvironmentKind
    public let qualified: Bool
    public let slaReasons: [SLAReason]
    /// The minor the path ends on (the newest released minor on the platform).
    public let target: VersionNumber?
    /// The end of (standard) support of the cluster's current minor on its platform.
    public let endOfLife: CalendarDay?
    /// When the cluster's minor is past standard support: the end of extended support, on which
    /// the platform upgrades the control plane by force. `nil` otherwise.
    public let endOfExtendedSupport: CalendarDay?
    /// The earliest Kubernetes due date of the control plane (R2 for the next minor, R3 for the
    /// current one), after any waiver.
    public var nextDue: CalendarDay?
    public var status: ClusterStatus
    public var steps: [PlanStep]
    /// The active waiver, if any.
    public let waiver: Waiver?
    /// Problems worth a look that are not errors (node skew, unknown component versions).
    public let warnings: [String]
    /// Both strategies compared (`plan --compare`, roadmaps), for a cluster behind its target.
    public var comparison: StrategyComparison?

    /// Whether the upgrade SLA covers the cluster.
    public var slaApplies: Bool { slaReasons.isEmpty }

    /// The earliest due date of anything on the cluster: `nextDue` and every step's due date.
    /// This is what human views call "Next due".
    public var firstDue: CalendarDay? {
        steps.reduce(nextDue) { $1.projected ? $0 : minDate($0, $1.due) }
    }
}

/// Counts per customer.
public struct CustomerSummary: Hashable, Sendable {
    public let id: String
    public let name: String
    public let qualified: Bool
    public let clusters: Int
    public let overdue: Int
    public let atRisk: Int
}

/// The whole plan for an inventory on a date.
public struct UpgradePlan: Hashable, Sendable {
    public let asOf: CalendarDay
    public let catalogVersion: Quarter
    public let clusters: [ClusterPlan]
    public let customers: [CustomerSummary]
}
