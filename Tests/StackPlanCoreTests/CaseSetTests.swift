import StackPlanCore
import Testing

@Suite("Case set")
struct CaseSetTests {
    @Test func listsMembersInDeclarationOrderWhateverTheInsertionOrder() {
        var reasons = CaseSet<IneligibleReason>()
        #expect(reasons.isEmpty && reasons.members.isEmpty)
        for reason in IneligibleReason.allCases.reversed() { reasons.insert(reason) }
        reasons.insert(.met)
        #expect(reasons.members == IneligibleReason.allCases)
        #expect(!reasons.isEmpty && reasons.contains(.customerInBreach))
    }

    @Test(arguments: IneligibleReason.allCases)
    func holdsEachCaseAlone(reason: IneligibleReason) {
        let set: CaseSet<IneligibleReason> = [reason]
        #expect(set.members == [reason])
        #expect(IneligibleReason.allCases.filter(set.contains) == [reason])
    }

    @Test func equalSetsAreEqual() {
        let first: CaseSet<IncidentFlag> = [.severityNotApplicable]
        var second = CaseSet<IncidentFlag>()
        #expect(first != second)
        second.insert(.severityNotApplicable)
        #expect(first == second && Array(second) == [.severityNotApplicable])
    }
}
