import Testing

@testable import StackPlanCore

@Suite("Step texts made once")
struct StepTextsTests {
    /// A repeated key gets the first text without formatting again; the same version written
    /// differently (`1.35-rc.1`, `1.35`) is another key, so each gets the text formatting would make.
    @Test func aTextIsMadeOncePerKeyAndVersionTextsStayApart() throws {
        let texts = StepTexts()
        let plain = try #require(VersionNumber(version: "1.35"))
        let suffixed = try #require(VersionNumber(version: "1.35-rc.1"))
        #expect(plain == suffixed)
        var made = 0
        func reason(_ minor: VersionNumber, cycle: String = "3.1") -> String {
            texts.componentReason(.doesNotRun, component: "calico", cycle: cycle, low: minor, high: minor) {
                made += 1
                return "calico \(cycle) does not run on Kubernetes \(minor)"
            }
        }
        #expect(reason(plain) == "calico 3.1 does not run on Kubernetes 1.35")
        #expect(reason(plain) == "calico 3.1 does not run on Kubernetes 1.35")
        #expect(made == 1)
        #expect(reason(suffixed) == "calico 3.1 does not run on Kubernetes 1.35-rc.1")
        #expect(reason(plain, cycle: "3.2") == "calico 3.2 does not run on Kubernetes 1.35")
        #expect(made == 3)
    }

    @Test func hopReasonsDependOnStrategyDaysAndPlatform() throws {
        let texts = StepTexts()
        let eks = Platform(id: "eks", name: "Amazon EKS", component: nil, releases: [])
        let rpck = Platform(id: "rpc-k", name: "RPC-K", component: nil, releases: [])
        let to = try #require(VersionNumber(version: "1.36"))
        #expect(
            texts.hopReason(sideBySide: false, to: to, releaseDays: 120, platform: eks)
                == "one minor at a time (R2: 120 days after 1.36 is released on Amazon EKS)")
        #expect(
            texts.hopReason(sideBySide: false, to: to, releaseDays: 120, platform: rpck)
                == "one minor at a time (R2: 120 days after 1.36 is released on RPC-K)")
        #expect(
            texts.hopReason(sideBySide: true, to: to, releaseDays: 90, platform: eks)
                == "build a new cluster on 1.36 and move (side-by-side, R2: 90 days after release)")
    }
}
