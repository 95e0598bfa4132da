import StackPlanCore

/// The architect's roadmap for one customer: the values every roadmap format renders.
public struct Roadmap: Sendable {
    public let customer: Customer
    public let qualification: Qualification
    public let plan: UpgradePlan
    /// The first day shown (the plan's date).
    public let start: CalendarDay
    /// The day after the last day shown.
    public let end: CalendarDay
    public let months: Int
    /// The customer's conformance findings per cluster (`stackplan conformance`).
    public let conformance: [ClusterConformance]
    /// The catalog the plan was made with (release dates and alternatives for plain-language reasons).
    public let catalog: Catalog?

    /// The roadmap of `customer` in `plan` over `months` months from the plan's date.
    public init(
        customer: Customer, plan: UpgradePlan, months: Int, conformance: [ClusterConformance] = [],
        catalog: Catalog? = nil
    ) {
        self.conformance = conformance
        self.catalog = catalog
        self.customer = customer
        self.qualification = Qualification(customer)
        self.plan = plan
        self.months = months
        self.start = plan.asOf
        self.end = plan.asOf.adding(months: months)
    }

    /// The customer's clusters, non-production first.
    public var clusters: [ClusterPlan] {
        plan.clusters.filter { $0.customer == customer.id }
            .sorted {
                ($0.kind == .production ? 1 : 0, $0.cluster.name) < ($1.kind == .production ? 1 : 0, $1.cluster.name)
            }
    }

    /// One blocker per cause: each step blocked by its own problem, with its cluster and the
    /// steps it blocks.
    public var blockers: [(cluster: ClusterPlan, cause: PlanStep, blocks: [PlanStep])] {
        clusters.flatMap { cluster in
            cluster.steps.indices.compactMap { index in
                let step = cluster.steps[index]
                guard step.blocked, step.blockedBy == nil else { return nil }
                return (cluster, step, cluster.steps.filter { $0.blockedBy == index })
            }
        }
    }

    /// What the customer must do to become qualified, or `nil` when it is.
    public var qualificationAdvice: String? {
        qualification.qualified
            ? nil
            : "\(customer.name) is not qualified: \(qualification.reason). Until then the upgrade guarantees "
                + "(120 days after an end of life; 90 days side-by-side or 120 days in-place after a new minor) do not apply."
    }

    /// One line per step for tables: cluster, action, from → to, due, window, status.
    public var stepRows: [[String]] {
        clusters.flatMap { cluster in
            cluster.steps.map { step in
                [
                    cluster.cluster.name, step.action.rawValue + (step.component.map { " \($0)" } ?? ""),
                    "\(step.from) → \(step.to ?? "no release")", StepText.due(step),
                    step.window.map(StepText.local)
                        ?? step.plannedStart.map { start in "\(start) – \(step.plannedEnd?.description ?? "?")" }
                        ?? "-",
                    step.blocked ? "blocked" : step.scheduleRisk != nil ? "at risk" : "",
                    step.reason + (step.scheduleRisk.map { "; \($0)" } ?? ""),
                ]
            }
        }
    }
}
