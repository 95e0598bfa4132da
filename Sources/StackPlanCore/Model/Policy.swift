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

    public init(supportedMinors: Int, sideBySideDays: Int, inPlaceDays: Int, endOfLifeDays: Int, soakDays: Int) {
        self.supportedMinors = supportedMinors
        self.sideBySideDays = sideBySideDays
        self.inPlaceDays = inPlaceDays
        self.endOfLifeDays = endOfLifeDays
        self.soakDays = soakDays
    }

    /// The service overview's numbers: two minors, 90/120 days after a release, 120 days after an
    /// end of life, 14 days of soak.
    public static let standard = Policy(
        supportedMinors: 2, sideBySideDays: 90, inPlaceDays: 120, endOfLifeDays: 120, soakDays: 14)
}
