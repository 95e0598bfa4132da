import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

@Suite("Shipped catalog")
struct ShippedCatalogTests {
    private func load(asOf: String = "2026-08-20") throws -> CatalogLoadResult {
        try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: try #require(CalendarDay(asOf)))
    }

    @Test func validatesCleanOnItsDataDate() throws {
        let result = try load()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.catalog != nil)
    }

    @Test func listsTheServiceOverviewStackWithItsTiers() throws {
        let catalog = try #require(try load().catalog)
        let expected: [String: (String, Tier)] = [
            "terraform": ("iac-cicd", .infrastructure), "spinnaker": ("iac-cicd", .catalog),
            "eks": ("kubernetes", .infrastructure), "rpc-k": ("kubernetes", .infrastructure),
            "kubernetes-dashboard": ("kubernetes", .infrastructure), "prometheus": ("observability", .infrastructure),
            "alertmanager": ("observability", .infrastructure), "grafana": ("observability", .infrastructure),
            "metrics-server": ("observability", .infrastructure), "fluentd": ("observability", .catalog),
            "aws-ami": ("images", .infrastructure), "customer-ami": ("images", .catalog),
            "ecr": ("images", .infrastructure), "harbor": ("images", .catalog),
            "aws-load-balancer-controller": ("ingress-mesh", .infrastructure),
            "ingress-nginx": ("ingress-mesh", .catalog),
            "metallb": ("ingress-mesh", .infrastructure), "coredns": ("ingress-mesh", .infrastructure),
            "istio": ("ingress-mesh", .catalog), "helm": ("packaging", .infrastructure),
            "openid-connect": ("identity-security", .infrastructure), "calico": ("identity-security", .infrastructure),
            "sonobuoy": ("identity-security", .catalog), "aws-ebs-csi-driver": ("storage-backup", .infrastructure),
            "aws-efs-csi-driver": ("storage-backup", .infrastructure), "trident": ("storage-backup", .infrastructure),
            "velero": ("storage-backup", .catalog),
        ]
        #expect(catalog.categories.count == 8)
        #expect(Set(catalog.components.map(\.id)) == Set(expected.keys))
        for component in catalog.components {
            #expect(expected[component.id]?.0 == component.category, "\(component.id) category")
            #expect(expected[component.id]?.1 == component.tier, "\(component.id) tier")
        }
        for id in ["prometheus", "alertmanager", "grafana", "metrics-server"] {
            #expect(catalog.component(id)?.role == .monitoring)
        }
        #expect(catalog.component("fluentd")?.role == .logging)
    }

    @Test func carriesTheReferenceDatesForEKSAndKubernetes() throws {
        let catalog = try #require(try load().catalog)
        let eks = try #require(catalog.platform("eks"))
        let v136 = try #require(eks.releases.first { $0.cycle.text == "1.36" })
        #expect(v136.releaseDate.description == "2026-06-02")
        #expect(v136.eol?.description == "2027-08-02")
        #expect(v136.eoes?.description == "2028-08-02")
        #expect(eks.releases.count == 19)  // 1.18 … 1.36
        let upstream = catalog.kubernetes.map(\.cycle.text)
        #expect(upstream.first == "1.37" && upstream.last == "1.19" && upstream.count == 19)
        #expect(catalog.kubernetes.first?.planned == true)
        let rpck = try #require(catalog.platform("rpc-k"))
        for release in rpck.releases {
            let upstream = try #require(catalog.kubernetes.first { $0.cycle == release.cycle })
            #expect(release.releaseDate == upstream.releaseDate && release.eol == upstream.eol)
        }
    }

    @Test func reportsTwelveLocatedDiagnosticsForTwelvePlantedMistakes() throws {
        let directory = repositoryRoot + "/Tests/StackPlanCatalogTests/Fixtures/planted-mistakes"
        let result = try CatalogDirectory.load(at: directory, asOf: try #require(CalendarDay("2026-08-21")))
        let relative = result.diagnostics.map { String($0.description.dropFirst(directory.count + 1)) }
        #expect(
            relative == [
                "catalog.yaml:2:10: error: 'version' must be a quarter YYYY-Qn, not '2026-Q5' [bad-quarter]",
                "components/grafana.yaml:3:11: error: unknown category 'metrics'; catalog.yaml declares: observability, packaging, storage [unknown-category]",
                "components/grafana.yaml:12:18: error: 'releaseDate' must be a date YYYY-MM-DD, not '2026-02-30' [bad-date]",
                "components/helm.yaml:13:23: error: Kubernetes range is inverted: min 1.36 is above max 1.33 [inverted-range]",
                "components/helm.yaml:15:19: error: release cycle 4.2 is listed twice [duplicate-cycle]",
                "components/prometheus.yaml:4:7: error: unknown tier 'gold'; expected one of 'catalog', 'certified', 'infrastructure' [unknown-tier]",
                "components/velero.yaml:10:14: error: history is not ascending: 2026-Q2 follows 2026-Q3 [history-order]",
                "kubernetes.yaml:4:10: error: 'eol' 2025-06-28 is before 'releaseDate' 2026-04-22 [eol-before-release]",
                "kubernetes.yaml:10:5: error: unknown key 'latestRelaseDate' in releases[1]; did you mean 'latestReleaseDate'? [unknown-key]",
                "platforms/aks/aks.yaml:1:1: error: 'platforms/aks/aks.yaml' is in the wrong place: only components/, platforms/ and reviews/ hold YAML files, one level deep [misplaced-file]",
                "platforms/eks.yaml:4:19: error: 'releaseCycle' must be a Kubernetes minor such as \"1.36\", not '1.36.0' [bad-cycle]",
                "platforms/eks.yaml:11:11: error: 'eoes' 2027-01-01 is before 'eol' 2027-03-27 [date-order]",
            ])
    }

    @Test func aMissingDirectoryIsAnError() {
        #expect(throws: CatalogDirectoryError.notADirectory("/nonexistent/catalog")) {
            try CatalogDirectory.files(at: "/nonexistent/catalog")
        }
    }
}
