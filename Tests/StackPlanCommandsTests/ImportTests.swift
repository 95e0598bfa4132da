import Foundation
import Testing

/// `stackplan inventory import` and `scripts/collect-cluster.sh` (issue 13).
@Suite("Inventory import", .serialized)
struct ImportTests {
    static let tools = "Tests/StackPlanCommandsTests/Fixtures/tools/"
    static let cluster = tools + "acme/production/acme-prod-use1/"

    private func copy() throws -> (URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let inventory = directory.appendingPathComponent("inventory.yaml")
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("examples/inventory.yaml"), to: inventory)
        return (directory, inventory)
    }

    private func single(_ inventory: URL, _ inputs: [String]) -> [String] {
        [
            "inventory", "import", "--inventory", inventory.path, "--customer", "acme", "--environment", "production",
            "--cluster", "acme-prod-use1", "--as-of", "2026-09-01",
        ] + inputs
    }

    @Test func everyInputKindReadsItsPublishedShape() throws {
        let (directory, inventory) = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try stackplan(
            single(
                inventory,
                [
                    "--kubectl-version", Self.cluster + "kubectl-version.json", "--nodes", Self.cluster + "nodes.json",
                    "--helm", Self.cluster + "helm.json", "--eks", Self.cluster + "eks.json", "--conformance",
                    Self.cluster + "conformance.xml", "--format", "json",
                ]))
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entry = try #require((root["clusters"] as? [[String: Any]])?.first)
        let yaml = try #require(entry["yaml"] as? String)
        #expect(yaml.contains("version: \"1.35.2\""))  // kubectl's v1.35.2-eks-3025e55
        #expect(yaml.contains("platform: eks"))
        #expect(yaml.contains("nodeVersion: \"1.34.4\""))  // the oldest kubelet
        #expect(yaml.contains("prometheus: \"3.13.2\""))  // the chart's app_version v3.13.2
        #expect(yaml.contains("uncataloged:\n    cert-manager: \"1.18.2\""))
        #expect(
            yaml.contains("conformance: {date: 2026-08-20, kubernetes: \"1.35.2\", passed: 4, failed: 0, skipped: 3}"))
        #expect((entry["unmatchedCharts"] as? [String])?.first?.hasPrefix("cert-manager") == true)
        #expect((entry["nodes"] as? [[String: Any]])?.count == 2)
        #expect(
            try String(contentsOf: inventory, encoding: .utf8)
                == String(contentsOf: packageRoot.appendingPathComponent("examples/inventory.yaml"), encoding: .utf8))
    }

    @Test func writeEditsOnlyTheClusterAndAddsNewOnesWhereTheyBelong() throws {
        let (directory, inventory) = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try String(contentsOf: inventory, encoding: .utf8).components(separatedBy: "\n")
        let bulk = try stackplan([
            "inventory", "import", "--inventory", inventory.path, "--from",
            Self.tools.replacingOccurrences(of: "/", with: "/"),
            "--as-of", "2026-09-01", "--write",
        ])
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let after = try String(contentsOf: inventory, encoding: .utf8).components(separatedBy: "\n")
        // Everything outside acme-prod-use1's entry is byte for byte the same.
        let start = try #require(before.firstIndex { $0.contains("- name: acme-prod-use1") })
        let end = try #require(before[start...].firstIndex { $0.contains("- name: staging") })
        #expect(Array(before[..<start]) == Array(after[..<start]))
        #expect(Array(before[end...]) == Array(after.suffix(before.count - end)))
        // A new environment with its cluster goes under its customer.
        let added = try stackplan(
            [
                "inventory", "import", "--inventory", inventory.path, "--customer", "brightline", "--environment", "qa",
                "--kind", "non-production", "--cluster", "bl-qa", "--platform", "eks", "--kubectl-version",
                Self.cluster + "kubectl-version.json", "--as-of", "2026-09-01", "--write",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        let qualify = try stackplan(["qualify", "--inventory", inventory.path, "--format", "json"])
        #expect(qualify.stdout.contains("\"id\": \"brightline\"") && !qualify.stdout.contains("\"qualified\": false"))
        // Importing the same output again changes nothing.
        let text = try String(contentsOf: inventory, encoding: .utf8)
        #expect(
            try stackplan([
                "inventory", "import", "--inventory", inventory.path, "--from", Self.tools, "--as-of", "2026-09-01",
                "--write",
            ]).status == 0)
        #expect(try String(contentsOf: inventory, encoding: .utf8) == text)
    }

    @Test(arguments: [
        ("--kubectl-version", "bad/malformed.json", "malformed.json:5:1: error: malformed JSON"),
        ("--nodes", "bad/pods-not-nodes.json", "item 0 is a Pod, not a Node"),
        ("--conformance", "bad/malformed.xml", "malformed.xml:4:"),
        ("--helm", "acme/production/acme-prod-use1/nodes.json", "expected the output of 'helm list -o json'"),
    ])
    func badInputIsLocatedAndWritesNothing(_ option: String, _ file: String, _ message: String) throws {
        let (directory, inventory) = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try String(contentsOf: inventory, encoding: .utf8)
        let result = try stackplan(single(inventory, [option, Self.tools + file, "--write"]))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try String(contentsOf: inventory, encoding: .utf8) == before)
    }

    @Test func aFailedConformanceRunIsCounted() throws {
        let (directory, inventory) = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try stackplan(
            single(inventory, ["--conformance", Self.tools + "bad/conformance-failed.xml", "--write"]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: inventory, encoding: .utf8).contains("passed: 3, failed: 1, skipped: 3"))
        let findings = try stackplan([
            "conformance", "--inventory", inventory.path, "--customer", "acme", "--as-of", "2026-09-01", "--format",
            "json",
        ])
        #expect(findings.stdout.contains("\"code\": \"conformance-failed\""))
    }

    @Test func theCollectionScriptWritesTheLayoutWithStubTools() throws {
        let (directory, inventory) = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fixtures = packageRoot.appendingPathComponent(Self.cluster).path
        let stubs = [
            "kubectl":
                "case \"$1\" in version) cat \(fixtures)/kubectl-version.json ;; get) cat \(fixtures)/nodes.json ;; *) exit 2 ;; esac",
            "helm": "[ \"$1 $2 $3 $4\" = \"list -A -o json\" ] && cat \(fixtures)/helm.json",
            "aws": "[ \"$1 $2\" = \"eks describe-cluster\" ] && cat \(fixtures)/eks.json",
        ]
        for (name, body) in stubs {
            let file = bin.appendingPathComponent(name)
            try "#!/usr/bin/env bash\n\(body)\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        let out = directory.appendingPathComponent("collected")
        let result = try subprocess(
            [
                packageRoot.appendingPathComponent("scripts/collect-cluster.sh").path, "--customer", "acme",
                "--environment", "production", "--cluster", "acme-prod-use1", "--eks-name", "acme-prod-use1", "--junit",
                fixtures + "/conformance.xml", out.path,
            ], environment: ["PATH": bin.path + ":/usr/bin:/bin"], executable: "/bin/bash")
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(
            atPath: out.appendingPathComponent("acme/production/acme-prod-use1").path)
        #expect(Set(written) == ["kubectl-version.json", "nodes.json", "helm.json", "eks.json", "conformance.xml"])
        let imported = try stackplan([
            "inventory", "import", "--inventory", inventory.path, "--from", out.path, "--as-of", "2026-09-01",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("conformance"))
        // A missing tool stops the script before it writes anything.
        try FileManager.default.removeItem(at: bin.appendingPathComponent("helm"))
        let missing = try subprocess(
            [
                packageRoot.appendingPathComponent("scripts/collect-cluster.sh").path, "--customer", "a",
                "--environment", "b", "--cluster", "c", directory.appendingPathComponent("none").path,
            ],
            environment: ["PATH": bin.path + ":/usr/bin:/bin"], executable: "/bin/bash")
        #expect(missing.status == 69 && missing.stderr.contains("helm is not on PATH"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("none").path))
    }
}
