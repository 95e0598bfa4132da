/// Rule R4: a customer is qualified for the upgrade guarantees when it has at least one production
/// and at least one non-production environment, each with at least one cluster.
public struct Qualification: Hashable, Sendable {
    /// Whether the customer is qualified.
    public let qualified: Bool
    /// Clusters in production environments.
    public let productionClusters: Int
    /// Clusters in non-production environments.
    public let nonProductionClusters: Int
    /// Why, in one sentence; for an unqualified customer, what it must do.
    public let reason: String

    /// Evaluates R4 for `customer`.
    public init(_ customer: Customer) {
        // One pass, without key paths or intermediate arrays: planning evaluates every customer.
        var counts = (production: 0, nonProduction: 0)
        for environment in customer.environments {
            switch environment.kind {
            case .production: counts.production += environment.clusters.count
            case .nonProduction: counts.nonProduction += environment.clusters.count
            }
        }
        (productionClusters, nonProductionClusters) = counts
        qualified = productionClusters > 0 && nonProductionClusters > 0
        switch (productionClusters > 0, nonProductionClusters > 0) {
        case (true, true):
            reason = "has production and non-production environments with clusters"
        case (true, false):
            reason = "no non-production environment with a cluster: add one to qualify"
        case (false, true):
            reason = "no production environment with a cluster: add one to qualify"
        case (false, false):
            reason = "no environment with a cluster: add a production and a non-production one to qualify"
        }
    }
}
