/// The numbers of the provider's upgrade promise, from `catalog/policy.yaml`.
public struct Policy: Hashable, Sendable {
    /// R1: how many of the most recent minors on a platform the SLA covers.
    public let supportedMinors: Int
    /// R2: days after a minor's release by which side-by-side clusters must be on it.
    public let sideBySideDays: Int
    /// R2: days after a minor's release by which in-place clusters must be on it.
    public let inPlaceDays: Int
    /// R3: days after an end of life by which the resource must be upgraded.
    public let endOfLifeDays: Int
    /// R7: days production waits after non-production has moved.
    public let soakDays: Int
    /// How many days each kind of step takes when scheduled.
    public let durations: StepDurations
    /// Business hours, holidays, response targets and credits.
    public let serviceLevels: ServiceLevelPolicy
    /// What a cluster past standard support costs extra (EKS extended support).
    public let extendedSupport: ExtendedSupportPricing
    /// Days before a due date from which a step not yet started is at risk.
    public let atRiskWithinDays: Int
    /// R6: how far worker nodes may lag the control plane.
    public let nodeSkew: NodeSkew
    /// Days after the catalog's `dataAsOf` from which `catalog validate` warns that it is stale.
    public let staleAfterDays: Int
    /// The weights of the forecast's risk score.
    public let risk: RiskWeights

    public init(
        supportedMinors: Int, sideBySideDays: Int, inPlaceDays: Int, endOfLifeDays: Int, soakDays: Int,
        durations: StepDurations = .standard, serviceLevels: ServiceLevelPolicy = .standard,
        extendedSupport: ExtendedSupportPricing = .standard, atRiskWithinDays: Int = 30,
        nodeSkew: NodeSkew = .standard, staleAfterDays: Int = 90, risk: RiskWeights = .standard
    ) {
        self.atRiskWithinDays = atRiskWithinDays
        self.nodeSkew = nodeSkew
        self.staleAfterDays = staleAfterDays
        self.risk = risk
        self.serviceLevels = serviceLevels
        self.extendedSupport = extendedSupport
        self.supportedMinors = supportedMinors
        self.sideBySideDays = sideBySideDays
        self.inPlaceDays = inPlaceDays
        self.endOfLifeDays = endOfLifeDays
        self.soakDays = soakDays
        self.durations = durations
    }

    /// The holidays of the business calendar (US federal, plus or minus `holidays:` dates).
    public var holidays: HolidayCalendar { serviceLevels.businessHours.holidays }

    /// R2: the days a cluster with `strategy` has after a minor's release.
    public func releaseDays(for strategy: UpgradeStrategy) -> Int {
        strategy == .sideBySide ? sideBySideDays : inPlaceDays
    }

    /// The service overview's numbers: two minors, 90/120 days after a release, 120 days after an
    /// end of life, 14 days of soak.
    public static let standard = Policy(
        supportedMinors: 2, sideBySideDays: 90, inPlaceDays: 120, endOfLifeDays: 120, soakDays: 14)
}

/// How long each kind of plan step takes, in days (`schedule:` in `policy.yaml`).
public struct StepDurations: Hashable, Sendable {
    public let controlPlane: Int
    public let migration: Int
    public let nodes: Int
    public let component: Int

    public init(controlPlane: Int, migration: Int, nodes: Int, component: Int) {
        self.controlPlane = controlPlane
        self.migration = migration
        self.nodes = nodes
        self.component = component
    }

    /// One week per in-place minor, two weeks per side-by-side migration, three days for a node
    /// catch-up, one day per component upgrade.
    public static let standard = StepDurations(controlPlane: 7, migration: 14, nodes: 3, component: 1)

    /// The duration of a step of `action`.
    public func days(for action: StepAction) -> Int {
        switch action {
        case .upgradeControlPlane: controlPlane
        case .migrateCluster: migration
        case .upgradeNodes: nodes
        case .upgradeComponent: component
        }
    }
}

/// The price of a platform's extended support (`extendedSupport:` in `policy.yaml`).
public struct ExtendedSupportPricing: Hashable, Sendable {
    /// The platform whose clusters pay it.
    public let platform: String
    /// USD per cluster-hour in standard support.
    public let standardPerClusterHour: Double
    /// USD per cluster-hour in extended support.
    public let extendedPerClusterHour: Double
    /// Hours billed per month.
    public let hoursPerMonth: Double

    public init(platform: String, standardPerClusterHour: Double, extendedPerClusterHour: Double, hoursPerMonth: Double)
    {
        self.platform = platform
        self.standardPerClusterHour = standardPerClusterHour
        self.extendedPerClusterHour = extendedPerClusterHour
        self.hoursPerMonth = hoursPerMonth
    }

    /// AWS EKS: $0.10 per cluster-hour in standard support, $0.60 in extended support, 730 hours a month.
    public static let standard = ExtendedSupportPricing(
        platform: "eks", standardPerClusterHour: 0.10, extendedPerClusterHour: 0.60, hoursPerMonth: 730)

    /// The extra cost per cluster and month of running past standard support.
    public var monthlySurchargePerCluster: Double {
        (extendedPerClusterHour - standardPerClusterHour) * hoursPerMonth
    }
}

/// R6: how many minors worker nodes may lag the control plane (`upgrade.nodeSkew` in `policy.yaml`).
public struct NodeSkew: Hashable, Sendable {
    /// The lag allowed from `olderBelow` on.
    public let minors: Int
    /// The lag allowed for nodes on a minor below `olderBelow`.
    public let olderMinors: Int
    /// The node minor below which `olderMinors` applies.
    public let olderBelow: VersionNumber

    public init(minors: Int, olderMinors: Int, olderBelow: VersionNumber) {
        self.minors = minors
        self.olderMinors = olderMinors
        self.olderBelow = olderBelow
    }

    /// Kubernetes' version-skew policy: 3 minors, 2 for nodes below 1.25.
    public static let standard = NodeSkew(minors: 3, olderMinors: 2, olderBelow: VersionNumber(parts: [1, 25]))

    /// The most minors nodes on `nodes` may lag the control plane.
    public func allowedLag(nodes: VersionNumber) -> Int {
        nodes < olderBelow ? olderMinors : minors
    }
}

/// The weights of the forecast's risk score (`risk:` in `policy.yaml`): points per overdue step,
/// per step at risk, per step due within the horizon, one point per so many dollars of credit
/// exposure and of monthly surcharge, and points for a customer that is not qualified.
public struct RiskWeights: Hashable, Sendable {
    public let overdue: Double
    public let atRisk: Double
    public let dueWithinHorizon: Double
    public let dollarsPerPointOfExposure: Double
    public let dollarsPerPointOfSurcharge: Double
    public let notQualified: Double

    public init(
        overdue: Double, atRisk: Double, dueWithinHorizon: Double, dollarsPerPointOfExposure: Double,
        dollarsPerPointOfSurcharge: Double, notQualified: Double
    ) {
        self.overdue = overdue
        self.atRisk = atRisk
        self.dueWithinHorizon = dueWithinHorizon
        self.dollarsPerPointOfExposure = dollarsPerPointOfExposure
        self.dollarsPerPointOfSurcharge = dollarsPerPointOfSurcharge
        self.notQualified = notQualified
    }

    /// 100 per overdue step, 30 per step at risk, 5 per step due within the horizon, a point per
    /// $50 of exposure and of surcharge, 25 when not qualified.
    public static let standard = RiskWeights(
        overdue: 100, atRisk: 30, dueWithinHorizon: 5, dollarsPerPointOfExposure: 50, dollarsPerPointOfSurcharge: 50,
        notQualified: 25)

    /// The score of a customer's figures.
    public func score(
        overdue: Int, atRisk: Int, dueWithinHorizon: Int, exposure: Double, surcharge: Double, qualified: Bool
    ) -> Double {
        Double(overdue) * self.overdue + Double(atRisk) * self.atRisk + Double(dueWithinHorizon) * self.dueWithinHorizon
            + exposure / dollarsPerPointOfExposure + surcharge / dollarsPerPointOfSurcharge
            + (qualified ? 0 : notQualified)
    }
}
