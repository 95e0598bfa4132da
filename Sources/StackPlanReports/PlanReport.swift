import StackPlanCore

/// Builds the report of `stackplan plan` from an upgrade plan.
public enum PlanReport {
    public static func make(_ plan: UpgradePlan) -> Report {
        let clusters = TextTable(
            title: "Clusters",
            columns: [
                .init("Customer"), .init("Cluster"), .init("Kind"), .init("Platform"), .init("Version"),
                .init("Target"), .init("Strategy"), .init("SLA"), .init("Next due"), .init("Status"),
            ],
            rows: plan.clusters.map { item in
                [
                    item.customer, item.cluster.name, item.kind.rawValue, item.cluster.platform,
                    item.cluster.version.text,
                    item.target?.text ?? "-", item.cluster.strategy.rawValue,
                    item.slaApplies ? "yes" : "no (" + item.slaReasons.map(\.rawValue).joined(separator: ", ") + ")",
                    item.nextDue?.description ?? "-", item.status.rawValue,
                ]
            })
        let steps = TextTable(
            title: "Steps",
            columns: [
                .init("Customer"), .init("Cluster"), .init("Action"), .init("From"), .init("To"), .init("Due"),
                .init("Planned start"), .init("Planned end"), .init("Blocked"), .init("Reason"),
            ],
            rows: plan.clusters.flatMap { item in
                item.steps.map { step in
                    [
                        item.customer, item.cluster.name,
                        step.action.rawValue + (step.component.map { " \($0)" } ?? ""),
                        step.from, step.to ?? "-", step.due?.description ?? "-", step.plannedStart?.description ?? "-",
                        step.plannedEnd?.description ?? "-", step.blocked ? "yes" : "no", step.reason,
                    ]
                }
            })
        let customers = TextTable(
            title: "Customers",
            columns: [
                .init("Customer"), .init("Qualified"), .init("Clusters", alignRight: true),
                .init("Overdue", alignRight: true), .init("At risk", alignRight: true),
            ],
            rows: plan.customers.map {
                [$0.id, $0.qualified ? "yes" : "no", String($0.clusters), String($0.overdue), String($0.atRisk)]
            })
        return Report(
            title: "Upgrade plan as of \(plan.asOf) (catalog \(plan.catalogVersion))",
            tables: [steps, clusters, customers], notes: notes(plan), json: json(plan))
    }

    /// Waivers in force and warnings, listed in every text format.
    static func notes(_ plan: UpgradePlan) -> [String] {
        plan.clusters.flatMap { item -> [String] in
            let waiver = item.waiver.map {
                ["waiver: \(item.customer)/\(item.cluster.name) deadlines deferred to \($0.until): \($0.reason)"]
            }
            return (waiver ?? []) + item.warnings.map { "warning: \(item.customer)/\(item.cluster.name): \($0)" }
        }
    }

    static func json(_ plan: UpgradePlan) -> JSONValue {
        .object([
            ("asOf", .day(plan.asOf)), ("catalogVersion", .string(plan.catalogVersion.description)),
            ("clusters", .array(plan.clusters.map(clusterJSON))),
            (
                "customers",
                .array(
                    plan.customers.map {
                        .object([
                            ("id", .string($0.id)), ("qualified", .bool($0.qualified)), ("clusters", .int($0.clusters)),
                            ("overdue", .int($0.overdue)), ("atRisk", .int($0.atRisk)),
                        ])
                    })
            ),
        ])
    }

    static func clusterJSON(_ item: ClusterPlan) -> JSONValue {
        .object([
            ("customer", .string(item.customer)), ("cluster", .string(item.cluster.name)),
            ("environment", .string(item.environment)), ("kind", .string(item.kind.rawValue)),
            ("platform", .string(item.cluster.platform)), ("version", .string(item.cluster.version.text)),
            ("strategy", .string(item.cluster.strategy.rawValue)), ("qualified", .bool(item.qualified)),
            ("slaApplies", .bool(item.slaApplies)),
            ("slaReasons", .array(item.slaReasons.map { .string($0.rawValue) })),
            ("nextDue", .day(item.nextDue)), ("status", .string(item.status.rawValue)),
            ("target", .text(item.target?.text)),
            (
                "waiver",
                item.waiver.map { .object([("until", .day($0.until)), ("reason", .string($0.reason))]) } ?? .null
            ),
            ("warnings", .array(item.warnings.map(JSONValue.string))),
            (
                "steps",
                .array(
                    item.steps.map { step in
                        .object([
                            ("action", .string(step.action.rawValue)), ("component", .text(step.component)),
                            ("from", .string(step.from)), ("to", .text(step.to)), ("due", .day(step.due)),
                            ("plannedStart", .day(step.plannedStart)), ("plannedEnd", .day(step.plannedEnd)),
                            ("blocked", .bool(step.blocked)), ("reason", .string(step.reason)),
                        ])
                    })
            ),
        ])
    }
}
