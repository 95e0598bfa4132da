import Foundation
import StackPlanCore
import Testing

@testable import StackPlanCatalog

struct MistakeCase: Sendable, CustomTestStringConvertible {
    let name: String
    let path: String
    let text: String?
    let expected: [String]
    var testDescription: String { name }
}

@Suite("Catalog loader")
struct CatalogLoaderTests {
    @Test func theFixtureIsValid() throws {
        let result = CatalogFixture.load(CatalogFixture.files)
        #expect(result.diagnostics.map(\.description) == [])
        let catalog = try #require(result.catalog)
        #expect(catalog.version.description == "2026-Q3")
        #expect(catalog.components.map(\.id) == ["eks", "prometheus"])
        #expect(catalog.component("prometheus")?.releases.first?.kubernetes?.description == "1.30–1.36")
        #expect(catalog.kubernetes.first?.planned == true)
    }

    static let cases: [MistakeCase] = [
        MistakeCase(
            name: "yaml syntax", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "name: Prometheus", with: "name: [Prometheus"),
            expected: [
                "cat/components/prometheus.yaml:3:9: error: while parsing a flow sequence, did not find expected ',' or ']' [yaml-syntax]"
            ]),
        MistakeCase(
            name: "unknown key with a suggestion", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(
                of: "    releaseDate: 2025", with: "    relaseDate: 2025"),
            expected: [
                "cat/components/prometheus.yaml:15:5: error: releases[0] is missing required key 'releaseDate' [missing-key]",
                "cat/components/prometheus.yaml:16:5: error: unknown key 'relaseDate' in releases[0]; did you mean 'releaseDate'? [unknown-key]",
            ]),
        MistakeCase(
            name: "wrong type", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "name: Prometheus", with: "name: {a: b}"),
            expected: [
                "cat/components/prometheus.yaml:2:7: error: 'name' in components/prometheus.yaml must be a single value [wrong-type]"
            ]),
        MistakeCase(
            name: "bad date", path: "kubernetes.yaml",
            text: CatalogFixture.kubernetes.replacingOccurrences(of: "eol: 2027-06-28", with: "eol: 2027-06-31"),
            expected: ["cat/kubernetes.yaml:9:10: error: 'eol' must be a date YYYY-MM-DD, not '2027-06-31' [bad-date]"]),
        MistakeCase(
            name: "malformed cycle", path: "platforms/eks.yaml",
            text: CatalogFixture.eks.replacingOccurrences(of: "\"1.36\"", with: "\"1.36.1\""),
            expected: [
                "cat/platforms/eks.yaml:5:19: error: 'releaseCycle' must be a Kubernetes minor such as \"1.36\", not '1.36.1' [bad-cycle]"
            ]),
        MistakeCase(
            name: "duplicate cycle", path: "kubernetes.yaml",
            text: CatalogFixture.kubernetes.replacingOccurrences(of: "\"1.37\"", with: "\"1.36\""),
            expected: ["cat/kubernetes.yaml:6:19: error: release cycle 1.36 is listed twice [duplicate-cycle]"]),
        MistakeCase(
            name: "unknown category", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(
                of: "category: observability", with: "category: metrics"),
            expected: [
                "cat/components/prometheus.yaml:3:11: error: unknown category 'metrics'; catalog.yaml declares: observability, storage [unknown-category]"
            ]),
        MistakeCase(
            name: "unknown platform", path: "components/eks.yaml",
            text: CatalogFixture.eksComponent.replacingOccurrences(of: "[eks]", with: "[eks, aks]"),
            expected: ["cat/components/eks.yaml:6:18: error: unknown platform 'aks'; known: eks [unknown-platform]"]),
        MistakeCase(
            name: "unknown tier", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(
                of: "tier: infrastructure\nrole", with: "tier: gold\nrole"),
            expected: [
                "cat/components/prometheus.yaml:4:7: error: unknown tier 'gold'; expected one of 'catalog', 'certified', 'infrastructure' [unknown-tier]"
            ]),
        MistakeCase(
            name: "eol before release", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "eol: 2026-07-31", with: "eol: 2025-07-01"),
            expected: [
                "cat/components/prometheus.yaml:17:10: error: 'eol' 2025-07-01 is before 'releaseDate' 2025-07-14 [eol-before-release]"
            ]),
        MistakeCase(
            name: "inverted range", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "min: \"1.30\"", with: "min: \"1.37\""),
            expected: [
                "cat/components/prometheus.yaml:19:23: error: Kubernetes range is inverted: min 1.37 is above max 1.36 [inverted-range]"
            ]),
        MistakeCase(
            name: "history not ascending", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "quarter: 2026-Q2", with: "quarter: 2026-Q4"),
            expected: [
                "cat/components/prometheus.yaml:11:14: error: history is not ascending: 2026-Q3 follows 2026-Q4 [history-order]"
            ]),
        MistakeCase(
            name: "history not ending at the tier", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(
                of: "    tier: infrastructure\n", with: "    tier: certified\n"),
            expected: [
                "cat/components/prometheus.yaml:12:11: error: the last history entry's tier 'certified' is not the current tier 'infrastructure' [history-tier]"
            ]),
        MistakeCase(
            name: "id does not match the file", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "id: prometheus", with: "id: prom"),
            expected: [
                "cat/components/prometheus.yaml:1:5: error: id 'prom' does not match the file name 'prometheus.yaml' (expected 'prom.yaml') [id-mismatch]"
            ]),
        MistakeCase(
            name: "file in the wrong place", path: "grafana.yaml", text: "id: grafana\n",
            expected: [
                "cat/grafana.yaml:1:1: error: 'grafana.yaml' is in the wrong place: component files belong in components/, platform files in platforms/ [misplaced-file]"
            ]),
        MistakeCase(
            name: "missing kubernetes.yaml", path: "kubernetes.yaml", text: nil,
            expected: ["cat/kubernetes.yaml:1:1: error: the catalog has no kubernetes.yaml [missing-file]"]),
        MistakeCase(
            name: "unknown platform component", path: "platforms/eks.yaml",
            text: CatalogFixture.eks.replacingOccurrences(of: "component: eks", with: "component: eks-service"),
            expected: ["cat/platforms/eks.yaml:3:12: error: unknown component 'eks-service' [unknown-component]"]),
        MistakeCase(
            name: "latest outside its cycle", path: "components/prometheus.yaml",
            text: CatalogFixture.prometheus.replacingOccurrences(of: "\"3.5.5\"", with: "\"3.6.0\""),
            expected: [
                "cat/components/prometheus.yaml:18:13: error: 'latest' 3.6.0 is not a version of cycle 3.5 [latest-mismatch]"
            ]),
        MistakeCase(
            name: "duplicate key", path: "catalog.yaml", text: CatalogFixture.catalog + "\ntitle: Again\n",
            expected: ["cat/catalog.yaml:9:1: error: duplicate key 'title' in a mapping [yaml-syntax]"]),
    ]

    @Test(arguments: cases)
    func reportsEachMistakeWithItsPosition(_ c: MistakeCase) {
        let result = CatalogFixture.load(CatalogFixture.with(c.path, c.text))
        #expect(result.diagnostics.map(\.description) == c.expected)
        #expect(result.catalog == nil)
    }

    @Test func warnsAboutStaleDataAndPassedPlannedReleases() throws {
        let result = CatalogFixture.load(CatalogFixture.files, asOf: "2026-11-25")
        #expect(
            result.diagnostics.map(\.description) == [
                "cat/catalog.yaml:3:11: warning: the catalog's data is 97 days old on 2026-11-25 (dataAsOf 2026-08-20); run 'stackplan catalog refresh' to check endoflife.date for newer facts [stale-data]",
                "cat/kubernetes.yaml:4:18: warning: Kubernetes 1.37 is still 'planned' but its target date 2026-08-26 has passed on 2026-11-25; 'stackplan catalog refresh' marks it released once the source has it [planned-passed]",
            ])
        #expect(result.catalog != nil)
    }

    @Test func collectsEveryMistakeAcrossFiles() {
        var files = CatalogFixture.files
        files["components/prometheus.yaml"] = CatalogFixture.prometheus
            .replacingOccurrences(of: "category: observability", with: "category: metrics")
            .replacingOccurrences(of: "eol: 2026-07-31", with: "eol: 2025-07-01")
        files["platforms/eks.yaml"] = CatalogFixture.eks.replacingOccurrences(
            of: "eoes: 2028-08-02", with: "eoes: 2027-01-01")
        let codes = CatalogFixture.load(files).diagnostics.map(\.code)
        #expect(codes == ["unknown-category", "eol-before-release", "date-order"])
    }
}

@Suite("Catalog loader: duplicate ids")
struct DuplicateIdTests {
    @Test func aDuplicateIdNamesItsOwnFileWhenAnEarlierFileFailedToLoad() {
        var files = CatalogFixture.files
        files["components/a-broken.yaml"] = "id: [unclosed\n"
        files["components/b.yaml"] = CatalogFixture.prometheus
        files["components/c.yaml"] = CatalogFixture.prometheus
        files["components/prometheus.yaml"] = nil
        let sources = files.keys.sorted().map { SourceFile(path: "cat/\($0)", relativePath: $0, text: files[$0] ?? "") }
        let result = CatalogLoader().load(files: sources, asOf: CalendarDay("2026-08-21") ?? CalendarDay(dayNumber: 0))
        let duplicates = result.diagnostics.filter { $0.code == "duplicate-id" }
        #expect(duplicates.map(\.location.file) == ["cat/components/c.yaml"])
    }
}
