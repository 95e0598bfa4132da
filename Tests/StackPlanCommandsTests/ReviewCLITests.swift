import Foundation
import Testing

@Suite("stackplan review", .serialized)
struct ReviewCLITests {
    static let pack = [
        "review", "--quarter", "2026-Q4", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-25",
    ]

    @Test func thePackNamesAPromotionCandidateWithEvidence() throws {
        let result = try stackplan(Self.pack + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let components = try #require(root["components"] as? [[String: Any]])
        let first = try #require(components.first)
        #expect(first["id"] as? String == "velero")
        let move = try #require((first["moves"] as? [[String: Any]])?.first)
        #expect(move["kind"] as? String == "promotion" && move["candidate"] as? Bool == true)
        #expect((move["criteria"] as? [[String: Any]])?.count == 7)
        #expect((root["tiers"] as? [[String: Any]])?.count == 3)
    }

    @Test(arguments: [("markdown", "## The stack by tier and category"), ("html", "<td class=\"pass\">pass</td>")])
    func thePackRendersEveryFormat(_ format: String, _ fragment: String) throws {
        let result = try stackplan(Self.pack + ["--format", format])
        #expect(result.status == 0)
        #expect(result.stdout.contains(fragment))
        #expect(result.stdout.contains("Velero"))
    }

    @Test func decideApplyPublishDiff() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        let db = directory.appendingPathComponent("h.sqlite").path
        let common = ["--catalog", catalog.path, "--as-of", "2026-11-25"]
        #expect(try stackplan(["catalog", "publish", "--catalog", catalog.path, "--db", db]).status == 0)

        // Bad decisions are refused with a clear message.
        let skip = try stackplan(
            [
                "review", "decide", "--quarter", "2026-Q4", "--component", "istio", "--to", "infrastructure",
                "--decision",
                "approved", "--note", "n",
            ] + common)
        #expect(skip.status == 64 && skip.stderr.contains("--allow-skip"))
        let past = try stackplan(
            [
                "review", "decide", "--quarter", "2026-Q2", "--component", "velero", "--to", "certified", "--decision",
                "approved", "--note", "n",
            ] + common)
        #expect(past.status == 64 && past.stderr.contains("in the past"))
        let unknown = try stackplan(
            [
                "review", "decide", "--quarter", "2026-Q4", "--component", "nginx", "--to", "certified", "--decision",
                "approved", "--note", "n",
            ] + common)
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown component 'nginx'"))

        let decided = try stackplan(
            [
                "review", "decide", "--quarter", "2026-Q4", "--component", "velero", "--to", "certified", "--decision",
                "approved", "--note", "Two customers in production.", "--by", "Board", "--effective", "2026-12-01",
            ] + common)
        #expect(decided.status == 0, "\(decided.stderr)")
        let veleroPath = catalog.appendingPathComponent("components/velero.yaml")
        let before = try String(contentsOf: veleroPath, encoding: .utf8)
        let applied = try stackplan(["review", "apply", "--quarter", "2026-Q4"] + common)
        #expect(applied.status == 0, "\(applied.stderr)")
        let after = try String(contentsOf: veleroPath, encoding: .utf8)
        // Byte for byte outside the changed line and the three inserted ones.
        var expected = before.components(separatedBy: "\n")
        let tierIndex = try #require(expected.firstIndex(of: "tier: catalog"))
        expected[tierIndex] = "tier: certified"
        let lastHistory = try #require(expected.firstIndex { $0.hasPrefix("releases:") }) - 1
        expected.insert(
            contentsOf: ["  - quarter: 2026-Q4", "    tier: certified", "    note: \"Two customers in production.\""],
            at: lastHistory + 1)
        #expect(after == expected.joined(separator: "\n"))
        #expect(
            try String(contentsOf: catalog.appendingPathComponent("catalog.yaml"), encoding: .utf8).contains(
                "\nversion: 2026-Q4\n"))
        #expect(
            try stackplan(["review", "apply", "--quarter", "2026-Q4"] + common).stderr.contains("nothing to apply"))

        #expect(try stackplan(["catalog", "validate"] + common).status == 0)
        #expect(try stackplan(["catalog", "publish", "--catalog", catalog.path, "--db", db]).status == 0)
        let diff = try stackplan(["catalog", "diff", "2026-Q3", "2026-Q4", "--db", db, "--format", "markdown"])
        #expect(diff.stdout.contains("| promoted | velero |  | catalog | certified |"))
    }
}
