/// Where a component runs and which upgrade steps it blocks: the evidence the review board
/// weighs (`ReviewEvaluator`) and the web pages list, from one rule.
public enum ComponentUse {
    /// One cluster running a component: installed on it, or the platform the cluster runs on.
    public struct Placement: Sendable {
        public let customer: Customer
        public let environment: Environment
        public let cluster: Cluster
        /// The installed version, or the cluster's Kubernetes version for a platform component.
        public let version: VersionNumber
    }

    /// Every cluster of `inventory` running component `id`, in inventory order.
    public static func placements(of id: String, in inventory: Inventory, catalog: Catalog) -> [Placement] {
        let platformIds = Set(catalog.platforms.filter { $0.component == id }.map(\.id))
        var found: [Placement] = []
        for customer in inventory.customers {
            for environment in customer.environments {
                for cluster in environment.clusters {
                    if platformIds.contains(cluster.platform) {
                        found.append(
                            Placement(
                                customer: customer, environment: environment, cluster: cluster, version: cluster.version
                            ))
                    } else if let installed = cluster.components.first(where: { $0.id == id }) {
                        found.append(
                            Placement(
                                customer: customer, environment: environment, cluster: cluster,
                                version: installed.version))
                    }
                }
            }
        }
        return found
    }

    /// Whether `step` is an upgrade step component `id` blocks: a blocked move of that component.
    public static func blocks(_ id: String, _ step: PlanStep) -> Bool {
        step.blocked && step.component == id
    }
}
