import StackPlanCore

/// Builds the report of `stackplan plan` from an upgrade plan.
public enum PlanReport {
    /// Its rows and notes are made as the renderers read them, never held for the whole fleet.
    public static func make(_ plan: UpgradePlan) -> Report {
        let clusters = LazyTextTable(
            title: "Clusters",
            columns: [
                .init("Customer"), .init("Cluster"), .init("Kind"), .init("Platform"), .init("Version"),
                .init("Target"), .init("Strategy"), .init("SLA"), .init("Next due"), .init("Ext. support ends"),
                .init("Status"),
            ],
            pieces: clusterPieces(plan, rows: clusterRows))
        let steps = LazyTextTable(
            title: "Steps", columns: stepColumns,
            pieces: clusterPieces(plan, rows: stepRows))
        let customers = LazyTextTable(
            title: "Customers",
            columns: [
                .init("Customer"), .init("Qualified"), .init("Clusters", alignRight: true),
                .init("Overdue", alignRight: true), .init("At risk", alignRight: true),
            ],
            rows: Remade {
                plan.customers.lazy.map {
                    [$0.id, $0.qualified ? "yes" : "no", String($0.clusters), String($0.overdue), String($0.atRisk)]
                }
            })
        var tables = [steps, clusters, customers]
        if plan.clusters.contains(where: { $0.comparison != nil }) { tables.append(LazyTextTable(strategies(plan))) }
        return Report(
            title: "Upgrade plan as of \(plan.asOf) (catalog \(plan.catalogVersion))",
            tables: tables, notes: Remade { notes(plan) }, json: PlanJSON(plan: plan))
    }

    /// The columns of the steps table (the first table, which CSV renders).
    static let stepColumns: [TextTable.Column] = [
        .init("Customer"), .init("Cluster"), .init("Action"), .init("From"), .init("To"), .init("Due"),
        .init("Planned start"), .init("Planned end"), .init("Blocked"), .init("Reason"),
    ]

    /// How many clusters' rows make one piece of a table (``RowPieces``).
    static let clustersPerPiece = 256

    /// Rows in pieces of ``clustersPerPiece`` clusters, written by `rows` for a range of clusters.
    static func clusterPieces(
        _ plan: UpgradePlan, rows: @escaping @Sendable ([ClusterPlan], Range<Int>, CellRows) -> Void
    ) -> RowPieces {
        let clusters = plan.clusters
        return RowPieces(count: (clusters.count + clustersPerPiece - 1) / clustersPerPiece) { piece, cells in
            rows(clusters, piece * clustersPerPiece..<min((piece + 1) * clustersPerPiece, clusters.count), cells)
        }
    }

    /// The clusters table's rows for a range of clusters, each cluster's plan borrowed where it is
    /// (a copy would retain every one of its parts).
    static func clusterRows(_ clusters: [ClusterPlan], range: Range<Int>, into cells: CellRows) {
        for index in range {
            clusterCells(clusters[index], into: cells)
            cells.endRow()
        }
    }

    /// A cluster's cells in the clusters table.
    private static func clusterCells(_ plan: borrowing ClusterPlan, into cells: CellRows) {
        cells.cell(plan.customer)
        cells.cell(plan.cluster.name)
        cells.cell(plan.kind.rawValue)
        cells.cell(plan.cluster.platform)
        cells.cell(plan.cluster.version.text)
        cells.cell(plan.target?.text ?? "-")
        cells.cell(plan.cluster.strategy.rawValue)
        if plan.slaApplies {
            cells.cell("yes")
        } else {
            cells.append("no (")
            for (number, reason) in plan.slaReasons.enumerated() {
                if number > 0 { cells.append(", ") }
                cells.append(reason.rawValue)
            }
            cells.append(")")
            cells.endCell()
        }
        cells.cell(plan.firstDue)
        cells.cell(plan.endOfExtendedSupport)
        cells.cell(plan.status.rawValue)
    }

    /// The steps table's rows for a range of clusters, a row per step, read in place by index.
    static func stepRows(_ clusters: [ClusterPlan], range: Range<Int>, into cells: CellRows) {
        for index in range {
            // Through a pointer, each step is read where it is rather than copied out of the array.
            clusters[index].steps.withUnsafeBufferPointer { buffer in
                guard let steps = buffer.baseAddress else { return }
                // The customer and cluster cells are written on the first step's row and copied on
                // the others'.
                let first = cells.cellCount
                for step in 0..<buffer.count {
                    if step == 0 {
                        cells.cell(clusters[index].customer)
                        cells.cell(clusters[index].cluster.name)
                    } else {
                        cells.cell(copying: first)
                        cells.cell(copying: first + 1)
                    }
                    stepCells(steps + step, into: cells)
                    cells.endRow()
                }
            }
        }
    }

    /// A step's cells after its customer's and cluster's (``stepColumns``), its fields read one at
    /// a time where the step is (passing the step itself would copy all of it).
    private static func stepCells(_ step: UnsafePointer<PlanStep>, into cells: CellRows) {
        cells.append(step.pointee.action.rawValue)
        if let component = step.pointee.component {
            cells.append(" ")
            cells.append(component)
        }
        cells.endCell()
        cells.cell(step.pointee.from)
        cells.cell(step.pointee.to ?? "-")
        var text = cells
        StepText.due(step.pointee.due, projected: step.pointee.projected, to: &text)
        cells.endCell()
        StepText.start(window: step.pointee.window, day: step.pointee.plannedStart, to: &text)
        cells.endCell()
        cells.cell(step.pointee.plannedEnd)
        cells.cell(step.pointee.blocked ? "yes" : "no")
        cells.append(step.pointee.reason)
        if let risk = step.pointee.scheduleRisk { cells.append("; at risk: \(risk)") }
        cells.endCell()
    }

    /// `--compare`: both strategies per cluster behind its target, and the recommendation.
    static func strategies(_ plan: UpgradePlan) -> TextTable {
        TextTable(
            title: "In-place or side-by-side",
            columns: [
                .init("Customer"), .init("Cluster"), .init("Strategy"), .init("Steps", alignRight: true),
                .init("Windows", alignRight: true), .init("First"), .init("Finishes"), .init("Meets deadlines"),
                .init("Recommended"),
            ],
            rows: plan.clusters.flatMap { item -> [[String]] in
                guard let comparison = item.comparison else { return [] }
                return comparison.alternatives.map { option in
                    [
                        item.customer, item.cluster.name,
                        option.strategy.rawValue + (option.planned ? "" : " (estimate)"), String(option.steps),
                        String(option.windows), option.firstWindow?.description ?? "-",
                        option.finishes?.description ?? "-", option.meetsDeadlines ? "yes" : "no",
                        option.strategy == comparison.recommended ? "yes: \(comparison.why)" : "",
                    ]
                }
            })
    }

    /// Waivers in force and warnings, listed in every text format; made as they are read (a large
    /// fleet has hundreds of thousands).
    static func notes(_ plan: UpgradePlan) -> PlanNotes {
        PlanNotes(clusters: plan.clusters)
    }

    /// The JSON document alone (what `--format json` prints), without building the text tables.
    public static func json(_ plan: UpgradePlan) -> some JSONDocument {
        PlanJSON(plan: plan)
    }
}

/// The plan's JSON, streamed field by field (a fleet plan is tens of megabytes).
struct PlanJSON: JSONDocument {
    let plan: UpgradePlan

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("asOf")
        writer.day(plan.asOf)
        writer.key("catalogVersion")
        writer.string(plan.catalogVersion.description)
        writer.key("clusters")
        writer.beginArray()
        writer.elements(plan.clusters.count) { index, writer in write(plan.clusters[index], to: &writer) }
        writer.endArray()
        writer.key("customers")
        writer.beginArray()
        for customer in plan.customers {
            writer.beginObject()
            writer.key("id")
            writer.string(customer.id)
            writer.key("qualified")
            writer.bool(customer.qualified)
            writer.key("clusters")
            writer.int(customer.clusters)
            writer.key("overdue")
            writer.int(customer.overdue)
            writer.key("atRisk")
            writer.int(customer.atRisk)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func write(_ item: ClusterPlan, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("customer")
        writer.string(item.customer)
        writer.key("cluster")
        writer.string(item.cluster.name)
        writer.key("environment")
        writer.string(item.environment)
        writer.key("kind")
        writer.string(item.kind.rawValue)
        writer.key("platform")
        writer.string(item.cluster.platform)
        writer.key("version")
        writer.string(item.cluster.version.text)
        writer.key("strategy")
        writer.string(item.cluster.strategy.rawValue)
        writer.key("qualified")
        writer.bool(item.qualified)
        writer.key("slaApplies")
        writer.bool(item.slaApplies)
        writer.key("slaReasons")
        writer.beginArray()
        for reason in item.slaReasons { writer.string(reason.rawValue) }
        writer.endArray()
        writer.key("nextDue")
        writer.day(item.nextDue)
        writer.key("firstDue")
        writer.day(item.firstDue)
        writer.key("endOfExtendedSupport")
        writer.day(item.endOfExtendedSupport)
        writer.key("status")
        writer.string(item.status.rawValue)
        writer.key("target")
        writer.string(item.target?.text)
        writer.key("waiver")
        if let waiver = item.waiver {
            writer.beginObject()
            writer.key("until")
            writer.day(waiver.until)
            writer.key("reason")
            writer.string(waiver.reason)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("warnings")
        writer.beginArray()
        for warning in item.warnings { writer.string(warning) }
        writer.endArray()
        if let comparison = item.comparison {
            writer.key("alternatives")
            writer.beginArray()
            for option in comparison.alternatives {
                writer.beginObject()
                writer.key("strategy")
                writer.string(option.strategy.rawValue)
                writer.key("steps")
                writer.int(option.steps)
                writer.key("windows")
                writer.int(option.windows)
                writer.key("firstWindow")
                writer.day(option.firstWindow)
                writer.key("finishes")
                writer.day(option.finishes)
                writer.key("meetsDeadlines")
                writer.bool(option.meetsDeadlines)
                writer.key("secondClusterDays")
                writer.int(option.secondClusterDays)
                writer.key("planned")
                writer.bool(option.planned)
                writer.endObject()
            }
            writer.endArray()
            writer.key("recommendation")
            writer.beginObject()
            writer.key("strategy")
            writer.string(comparison.recommended.rawValue)
            writer.key("why")
            writer.string(comparison.why)
            writer.endObject()
        }
        writer.key("steps")
        writer.beginArray()
        for step in item.steps {
            writer.beginObject()
            writer.key("action")
            writer.string(step.action.rawValue)
            writer.key("component")
            writer.string(step.component)
            writer.key("from")
            writer.string(step.from)
            writer.key("to")
            writer.string(step.to)
            writer.key("due")
            writer.day(step.due)
            writer.key("plannedStart")
            writer.day(step.plannedStart)
            writer.key("plannedEnd")
            writer.day(step.plannedEnd)
            writer.key("blocked")
            writer.bool(step.blocked)
            writer.key("blockedBy")
            writer.int(step.blockedBy)
            writer.key("projected")
            writer.bool(step.projected)
            writer.key("window")
            if let window = step.window {
                writer.beginObject()
                writer.key("start")
                writer.string(window.start.format(offset: window.offset))
                writer.key("end")
                writer.string(window.end.format(offset: window.offset))
                writer.key("zone")
                writer.string(window.zone)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("scheduleRisk")
            writer.string(step.scheduleRisk?.description)
            writer.key("reason")
            writer.string(step.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
