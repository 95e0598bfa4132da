import StackPlanCore

/// Builds the report of `stackplan qualify`: rule R4 per customer, with the reason.
public enum QualificationReport {
    /// The report; active waivers (`until` on or after `asOf`) are listed after the table.
    public static func make(_ inventory: Inventory, asOf: CalendarDay) -> Report {
        let rows = inventory.customers.map { customer -> (Customer, Qualification) in
            (customer, Qualification(customer))
        }
        let table = TextTable(
            columns: [
                .init("Customer"), .init("Name"), .init("Qualified"), .init("Production clusters", alignRight: true),
                .init("Non-production clusters", alignRight: true), .init("Reason"),
            ],
            rows: rows.map { customer, result in
                [
                    customer.id, customer.name, result.qualified ? "yes" : "no", String(result.productionClusters),
                    String(result.nonProductionClusters), result.reason,
                ]
            })
        let json = JSONValue.array(
            rows.map { customer, result in
                .object([
                    ("id", .string(customer.id)), ("name", .string(customer.name)),
                    ("qualified", .bool(result.qualified)),
                    ("productionClusters", .int(result.productionClusters)),
                    ("nonProductionClusters", .int(result.nonProductionClusters)), ("reason", .string(result.reason)),
                ])
            })
        let qualified = rows.filter { $0.1.qualified }.count
        let waivers = inventory.customers.flatMap { customer in
            customer.waivers.filter { $0.until >= asOf }.map {
                "waiver: \(customer.id)/\($0.cluster) deadlines deferred to \($0.until): \($0.reason)"
            }
        }
        return Report(
            title: "Qualified environments", tables: [table],
            notes: [
                "\(qualified) of \(rows.count) customers qualified. The upgrade guarantees hold only for customers "
                    + "with at least one production and one non-production environment, each with a cluster."
            ] + waivers,
            json: json)
    }
}
