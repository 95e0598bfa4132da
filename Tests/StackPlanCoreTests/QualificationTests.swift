import Testing

@testable import StackPlanCore

@Suite("Qualification (R4)")
struct QualificationTests {
    private func customer(_ environments: [(EnvironmentKind, Int)]) -> Customer {
        Customer(
            id: "c", name: "C", pod: "p", monthlyFee: 1000,
            environments: environments.enumerated().map { index, env in
                Environment(
                    name: "e\(index)", kind: env.0,
                    clusters: (0..<env.1).map {
                        Cluster(name: "k\(index)-\($0)", platform: "eks", version: VersionNumber(parts: [1, 35]))
                    })
            })
    }

    @Test(arguments: [
        ([(EnvironmentKind.production, 1), (.nonProduction, 1)], true),
        ([(.production, 2)], false),
        ([(.nonProduction, 1)], false),
        ([(.production, 1), (.nonProduction, 0)], false),  // an environment with no cluster does not count
        ([], false),
    ])
    func needsAProductionAndANonProductionEnvironmentWithClusters(
        _ environments: [(EnvironmentKind, Int)], _ qualified: Bool
    ) {
        #expect(Qualification(customer(environments)).qualified == qualified)
    }

    @Test func saysWhatIsMissing() {
        #expect(
            Qualification(customer([(.production, 1)])).reason
                == "no non-production environment with a cluster: add one to qualify")
    }
}
