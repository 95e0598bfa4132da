import Foundation
import Testing

/// The strategy comparison and the roadmap as a customer document (issue 14, parts 2 and 3).
@Suite("Strategy comparison and the customer roadmap")
struct CustomerRoadmapTests {
    private let example = ["--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01"]

    @Test func everyClusterBehindItsTargetComparesBothStrategies() throws {
        let result = try stackplan(["plan"] + example + ["--customer", "harbourview", "--compare", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clusters = try #require(root["clusters"] as? [[String: Any]])
        let stage = try #require(clusters.first { $0["cluster"] as? String == "hv-stage" })
        let alternatives = try #require(stage["alternatives"] as? [[String: Any]])
        #expect(alternatives.compactMap { $0["strategy"] as? String } == ["in-place", "side-by-side"])
        #expect(alternatives.map { $0["meetsDeadlines"] as? Bool } == [true, false])
        let recommendation = try #require(stage["recommendation"] as? [String: Any])
        #expect(recommendation["strategy"] as? String == "in-place")
        #expect((recommendation["why"] as? String)?.contains("meets every deadline") == true)
        // Without --compare the plan carries no alternatives.
        let plain = try stackplan(["plan"] + example + ["--customer", "harbourview", "--format", "json"])
        #expect(!plain.stdout.contains("\"alternatives\""))
    }

    @Test func theCustomerDocumentSpeaksPlainly() throws {
        let result = try stackplan(["roadmap"] + example + ["--customer", "acme"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("## Summary\n\n- In the next 12 months:"))
        #expect(
            text.contains(
                "Kubernetes 1.36 was released on Amazon Elastic Kubernetes Service on 2026-06-02; the in-place promise gives 120 days, to 2026-09-30."
            ))
        #expect(text.contains("| Cluster | Environment | Kubernetes | Worker nodes | Target | Next due | Status |"))
        for word in ["(R2", "(R3", "(R8", "upgrade-control-plane", "upgrade-component", "migrate-cluster"] {
            #expect(!text.contains(word), "\(word) in the customer roadmap")
        }
        let architects = try stackplan(["roadmap"] + example + ["--customer", "acme", "--audience", "internal"])
        #expect(architects.stdout.contains("upgrade-control-plane"))
    }

    @Test func aBlockedComponentNamesItsAlternatives() throws {
        let result = try stackplan(["roadmap"] + example + ["--customer", "emberly"])
        #expect(
            result.stdout.contains(
                "Catalog alternatives that support Kubernetes 1.36: AWS Load Balancer Controller (AWS ALB Ingress Controller for EKS), Istio, MetalLB."
            ))
    }
}
