import StackPlanCore

/// The result of `stackplan inventory import`: each cluster's entry and what changes.
public enum ImportReport {
    /// One imported cluster.
    public struct Entry: Sendable {
        public let customer: String
        public let environment: String
        public let cluster: String
        public let new: Bool
        /// The inventory entry, as YAML lines.
        public let yaml: [String]
        /// `(field, from, to)`; `nil` for absent.
        public let differences: [(field: String, from: String?, to: String?)]
        /// Helm releases no catalog component claims.
        public let unmatched: [String]
        /// Nodes per kubelet version.
        public let nodes: [(version: String, nodes: Int)]

        public init(
            customer: String, environment: String, cluster: String, new: Bool, yaml: [String],
            differences: [(field: String, from: String?, to: String?)], unmatched: [String],
            nodes: [(version: String, nodes: Int)]
        ) {
            self.customer = customer
            self.environment = environment
            self.cluster = cluster
            self.new = new
            self.yaml = yaml
            self.differences = differences
            self.unmatched = unmatched
            self.nodes = nodes
        }
    }

    /// The inventory entries as YAML, each after a comment naming where it goes.
    public static func yaml(_ entries: [Entry]) -> String {
        entries.map { entry in
            "# \(entry.customer) / \(entry.environment) / \(entry.cluster) (\(entry.new ? "new" : "updated"))\n"
                + entry.yaml.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    public static func make(_ entries: [Entry], written: Bool) -> Report {
        let table = TextTable(
            title: "Differences from the inventory",
            columns: [
                .init("Customer"), .init("Environment"), .init("Cluster"), .init("Field"), .init("From"), .init("To"),
            ],
            rows: entries.flatMap { entry in
                entry.differences.map {
                    [entry.customer, entry.environment, entry.cluster, $0.field, $0.from ?? "-", $0.to ?? "-"]
                }
            })
        var notes: [String] = []
        for entry in entries {
            if !entry.nodes.isEmpty {
                notes.append(
                    "\(entry.cluster) nodes: "
                        + entry.nodes.map { "\($0.nodes) on \($0.version)" }.joined(separator: ", "))
            }
            if !entry.unmatched.isEmpty {
                notes.append(
                    "\(entry.cluster): Helm releases no catalog component claims (recorded as uncataloged): "
                        + entry.unmatched.joined(separator: "; "))
            }
        }
        notes.append(
            written ? "Written: the inventory was edited and validated." : "Nothing written: run with --write to apply."
        )
        let json = JSONValue.object([
            (
                "clusters",
                .array(
                    entries.map { entry in
                        .object([
                            ("customer", .string(entry.customer)), ("environment", .string(entry.environment)),
                            ("cluster", .string(entry.cluster)), ("new", .bool(entry.new)),
                            ("yaml", .string(entry.yaml.joined(separator: "\n") + "\n")),
                            (
                                "differences",
                                .array(
                                    entry.differences.map {
                                        .object([
                                            ("field", .string($0.field)), ("from", .text($0.from)),
                                            ("to", .text($0.to)),
                                        ])
                                    })
                            ),
                            ("unmatchedCharts", .array(entry.unmatched.map { .string($0) })),
                            (
                                "nodes",
                                .array(
                                    entry.nodes.map {
                                        .object([("version", .string($0.version)), ("count", .int($0.nodes))])
                                    })
                            ),
                        ])
                    })
            ),
            ("written", .bool(written)),
        ])
        return Report(title: "Inventory import", tables: [table], notes: notes, json: json)
    }
}
