import Foundation
import Testing

/// `review decide` and `review apply` under concurrency, crashes and hostile text (issue 11).
@Suite("Review hardening", .serialized)
struct ReviewHardeningTests {
    private func catalogCopy() throws -> (URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        return (directory, catalog)
    }

    private func decide(_ catalog: URL, _ component: String, _ tier: String, note: String = "n") -> [String] {
        [
            "review", "decide", "--catalog", catalog.path, "--quarter", "2026-Q4", "--component", component, "--to",
            tier, "--decision", "approved", "--note", note, "--as-of", "2026-11-01",
        ]
    }

    @Test func concurrentDecisionsAreAllKept() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let moves = [
            ("spinnaker", "certified"), ("fluentd", "certified"), ("harbor", "certified"), ("istio", "certified"),
            ("sonobuoy", "certified"), ("velero", "certified"), ("helm", "certified"), ("terraform", "certified"),
        ]
        let processes = try moves.map { try startStackplan(decide(catalog, $0.0, $0.1)) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let text = try String(
            contentsOf: catalog.appendingPathComponent("reviews/2026-Q4.yaml"), encoding: .utf8)
        for (component, _) in moves { #expect(text.contains("  - component: \(component)\n"), "\(component) lost") }
    }

    @Test func aRerunAfterACrashBeforeTheVersionCompletesTheApply() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try stackplan(decide(catalog, "velero", "certified")).status == 0)
        let header = catalog.appendingPathComponent("catalog.yaml")
        let original = try String(contentsOf: header, encoding: .utf8)
        #expect(
            try stackplan([
                "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
            ]).status == 0)
        let velero = try String(contentsOf: catalog.appendingPathComponent("components/velero.yaml"), encoding: .utf8)
        // The crash: the component file was written, catalog.yaml was not.
        try original.write(to: header, atomically: true, encoding: .utf8)
        let rerun = try stackplan([
            "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
        ])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("applied 0 move(s); catalog version now 2026-Q4"))
        #expect(
            try String(contentsOf: catalog.appendingPathComponent("components/velero.yaml"), encoding: .utf8) == velero)
        #expect(try String(contentsOf: header, encoding: .utf8).contains("\nversion: 2026-Q4"))
    }

    @Test func aRerunAfterTheVersionWasWrittenFirstNeverBumpsTwice() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try stackplan(decide(catalog, "velero", "certified")).status == 0)
        let header = catalog.appendingPathComponent("catalog.yaml")
        try String(contentsOf: header, encoding: .utf8).replacingOccurrences(
            of: "\nversion: 2026-Q3", with: "\nversion: 2026-Q4"
        )
        .write(to: header, atomically: true, encoding: .utf8)
        let apply = try stackplan([
            "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
        ])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("applied 1 move(s); catalog version already 2026-Q4"))
        let again = try stackplan([
            "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
        ])
        #expect(again.stderr.contains("nothing to apply for 2026-Q4"))
        #expect(try String(contentsOf: header, encoding: .utf8).contains("\nversion: 2026-Q4"))
    }

    @Test(arguments: ["two\r\nlines", "a\nb", "next\u{85}line", "sep\u{2028}arator", "esc\u{1B}[31m", "tab\there"])
    func controlCharactersInANoteAreRefusedAtTheDoor(_ note: String) throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try stackplan(decide(catalog, "velero", "certified", note: note))
        #expect(result.status == 64)
        #expect(!FileManager.default.fileExists(atPath: catalog.appendingPathComponent("reviews/2026-Q4.yaml").path))
        #expect(try stackplan(["catalog", "validate", "--catalog", catalog.path, "--as-of", "2026-08-21"]).status == 0)
    }
}
