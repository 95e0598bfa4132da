/// The support tier of a catalog technology. Technologies graduate Catalog → Certified →
/// Infrastructure at quarterly reviews.
public enum Tier: String, CaseIterable, Codable, Sendable, Comparable {
    /// Deployable, community support.
    case catalog
    /// Deployable, lifecycle shared with the customer.
    case certified
    /// Fully integrated, full support.
    case infrastructure

    /// The rank used for ordering: catalog < certified < infrastructure.
    public var rank: Int {
        switch self {
        case .catalog: 0
        case .certified: 1
        case .infrastructure: 2
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}

/// What a component does in a cluster; the planner treats `monitoring` and `logging` components as
/// platforms covered by the end-of-life upgrade guarantee.
public enum ComponentRole: String, CaseIterable, Codable, Sendable {
    case monitoring, logging, ingress, storage, registry, mesh, iac, cicd, packaging, security, platform, dashboard,
        dns
    case nodeImage = "node-image"
}

/// One of the catalog's categories, declared in `catalog.yaml`.
public struct Category: Hashable, Codable, Sendable {
    /// The identifier components refer to.
    public let id: String
    /// The display name.
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// What a tier promises (`tiers:` in `catalog.yaml`).
public struct TierObligation: Hashable, Sendable {
    public let tier: Tier
    /// Who supports it and how.
    public let support: String
    /// Who owns upgrades and lifecycle.
    public let lifecycle: String
    /// Whether the platform upgrade guarantees cover it.
    public let upgradeGuarantee: String

    public init(tier: Tier, support: String, lifecycle: String, upgradeGuarantee: String) {
        self.tier = tier
        self.support = support
        self.lifecycle = lifecycle
        self.upgradeGuarantee = upgradeGuarantee
    }
}
