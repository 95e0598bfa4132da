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

    public init(
        supportedMinors: Int, sideBySideDays: Int, inPlaceDays: Int, endOfLifeDays: Int, soakDays: Int,
        durations: StepDurations = .standard, serviceLevels: ServiceLevelPolicy = .standard,
        extendedSupport: ExtendedSupportPricing = .standard
    ) {
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
