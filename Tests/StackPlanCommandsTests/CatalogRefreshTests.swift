import Foundation
import Testing

/// `stackplan catalog refresh` from product files, API v1 files and a loopback HTTP server.
@Suite("Catalog refresh", .serialized)
struct CatalogRefreshTests {
    static let fixtures = "Tests/StackPlanCommandsTests/Fixtures/"

    private func catalogCopy() throws -> (URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        return (directory, catalog)
    }

    private func json(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func files(in catalog: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: catalog.path) where path.hasSuffix(".yaml") {
            texts[path] = try String(contentsOf: catalog.appendingPathComponent(path), encoding: .utf8)
        }
        return texts
    }

    @Test func theRealProductFilesChangeNothing() throws {
        let result = try stackplan([
            "catalog", "refresh", "--from", Self.fixtures + "endoflife", "--as-of", "2026-11-28", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try json(result)
        #expect((root["changes"] as? [Any])?.isEmpty == true)
        #expect((root["missing"] as? [Any])?.isEmpty == true)
        #expect((root["unchanged"] as? Int ?? 0) > 150)
    }

    @Test func newerDataIsAppliedLineByLineAndOnlyOnce() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try files(in: catalog)
        let arguments = [
            "catalog", "refresh", "--catalog", catalog.path, "--from", Self.fixtures + "endoflife-newer", "--as-of",
            "2026-11-28",
        ]
        let preview = try json(try stackplan(arguments + ["--format", "json"]))
        let kinds = (preview["changes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(Set(kinds) == ["changed", "released", "added"])
        #expect(try files(in: catalog) == before)  // nothing written without --write
        let written = try stackplan(arguments + ["--write"])
        #expect(written.status == 0, "\(written.stderr)")
        let after = try files(in: catalog)
        #expect(
            Set(after.keys.filter { after[$0] != before[$0] })
                == [
                    "catalog.yaml", "kubernetes.yaml", "platforms/eks.yaml", "platforms/rpc-k.yaml",
                    "components/prometheus.yaml",
                ])
        // Only the lines the refresh must touch change; comments and order elsewhere stay.
        let oldLines = (before["components/prometheus.yaml"] ?? "").components(separatedBy: "\n")
        let newLines = (after["components/prometheus.yaml"] ?? "").components(separatedBy: "\n")
        #expect(oldLines.count == newLines.count)
        #expect(zip(oldLines, newLines).filter { $0 != $1 }.count == 3)  // eol, latest, source
        #expect(after["kubernetes.yaml"]?.contains("status: planned") == false)
        #expect(after["catalog.yaml"]?.contains("dataAsOf: 2026-09-24") == true)
        #expect(try stackplan(["catalog", "validate", "--catalog", catalog.path, "--as-of", "2026-11-28"]).status == 0)
        // The second run changes nothing.
        let again = try json(try stackplan(arguments + ["--write", "--format", "json"]))
        #expect((again["changes"] as? [Any])?.isEmpty == true)
        #expect(try files(in: catalog) == after)
        // The plan sees the released 1.37 (target of every path on RPC-K now).
        let plan = try stackplan([
            "plan", "--catalog", catalog.path, "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-28",
            "--customer", "gantry", "--format", "json",
        ])
        #expect(plan.stdout.contains("\"target\": \"1.37\""))
    }

    @Test func aReleaseCuratedByHandIsAConflictUnlessTheSourceIsPreferred() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = catalog.appendingPathComponent("components/prometheus.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of:
                "    eol: 2026-09-30\n    latest: \"3.14.0\"\n    source: \"endoflife-date/endoflife.date@a70eca3376:products/prometheus.md\"",
            with: "    eol: 2026-09-30\n    latest: \"3.14.0\"\n    source: \"vendor support notice, checked by hand\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let arguments = [
            "catalog", "refresh", "--catalog", catalog.path, "--from", Self.fixtures + "endoflife-api", "--as-of",
            "2026-11-28", "--write", "--format", "json",
        ]
        let kept = try json(try stackplan(arguments))
        #expect((kept["changes"] as? [[String: Any]] ?? []).allSatisfy { $0["kind"] as? String == "conflict" })
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        let preferred = try stackplan(arguments + ["--prefer-source"])
        #expect(preferred.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("eol: 2026-10-15"))
    }

    @Test func anInvalidResultWritesNothing() throws {
        let (directory, catalog) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        // An end of life before the release date makes the refreshed file invalid.
        let bad = try String(
            contentsOf: packageRoot.appendingPathComponent(Self.fixtures + "endoflife/products/prometheus.md"),
            encoding: .utf8
        )
        .replacingOccurrences(of: "    eol: 2026-09-30", with: "    eol: 2025-01-01")
        try bad.write(to: source.appendingPathComponent("prometheus.md"), atomically: true, encoding: .utf8)
        let before = try files(in: catalog)
        let result = try stackplan([
            "catalog", "refresh", "--catalog", catalog.path, "--from", source.path, "--only", "prometheus", "--write",
            "--as-of", "2026-11-28",
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("nothing was written"))
        #expect(try files(in: catalog) == before)
    }

    @Test func aMalformedProductFileIsLocated() throws {
        let (directory, _) = try catalogCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("prometheus.md")
        try "---\ntitle: P\nreleases:\n  - releaseCycle: \"3.14\"\n    eol: soon\n---\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try stackplan(["catalog", "refresh", "--from", directory.path, "--only", "prometheus"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "prometheus.md:5:10: error: 'eol' must be a date YYYY-MM-DD, true or false, not 'soon'"))
    }

    @Test func aMissingSourceDirectoryExits66() throws {
        #expect(try stackplan(["catalog", "refresh", "--from", "/nonexistent/eol"]).status == 66)
        #expect(
            try stackplan(["catalog", "refresh", "--from", Self.fixtures + "endoflife", "--only", "nope"]).status == 64)
    }

    @Test func apiV1OverHTTPWithMissingProductsTimeoutsAndMalformedJSON() throws {
        let body = try String(
            contentsOf: packageRoot.appendingPathComponent(Self.fixtures + "endoflife-api/prometheus.json"),
            encoding: .utf8)
        let server = try LoopbackServer { path in
            switch path {
            case "/api/v1/products/prometheus": LoopbackServer.Route(body: body)
            case "/slow/products/prometheus": LoopbackServer.Route(body: body, delay: 3)
            case "/broken/products/prometheus": LoopbackServer.Route(body: "{\"result\": {\"releases\": [")
            default: LoopbackServer.Route(status: 404, body: "{}")
            }
        }
        defer { server.stop() }
        let ok = try stackplan([
            "catalog", "refresh", "--from", server.baseURL + "/api/v1", "--as-of", "2026-11-28", "--format", "json",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        let root = try json(ok)
        #expect((root["changes"] as? [[String: Any]])?.count == 2)
        #expect((root["missing"] as? [String])?.contains("kubernetes") == true)
        #expect((root["source"] as? String) == server.baseURL + "/api/v1")
        let slow = try stackplan([
            "catalog", "refresh", "--from", server.baseURL + "/slow", "--only", "prometheus", "--timeout", "1",
        ])
        #expect(slow.status == 69, "\(slow.stderr)")
        #expect(slow.stderr.contains("cannot reach \(server.baseURL)/slow/products/prometheus"))
        let broken = try stackplan(["catalog", "refresh", "--from", server.baseURL + "/broken", "--only", "prometheus"])
        #expect(broken.status == 65, "\(broken.stderr)")
        #expect(broken.stderr.contains("malformed JSON"))
        server.stop()
        let gone = try stackplan([
            "catalog", "refresh", "--from", server.baseURL + "/api/v1", "--only", "prometheus", "--timeout", "2",
        ])
        #expect(gone.status == 69)
    }
}
