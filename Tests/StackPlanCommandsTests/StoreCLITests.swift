import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Starts `stackplan` without waiting for it.
func startStackplan(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("stackplan")
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite("stackplan history store", .serialized)
struct StoreCLITests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func publishDiffAndPlanFromAnEdition() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        #expect(try stackplan(["catalog", "publish", "--db", db]).status == 0)
        let again = try stackplan(["catalog", "publish", "--db", db])
        #expect(again.status == 0 && again.stderr.contains("nothing to do"))
        // A promoted copy of the catalog under the next edition name.
        let next = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: next)
        let harbor = next.appendingPathComponent("components/harbor.yaml")
        let text =
            try String(contentsOf: harbor, encoding: .utf8)
            .replacingOccurrences(of: "\ntier: catalog\n", with: "\ntier: certified\n")
            + "  # promoted\n"
        try text.replacingOccurrences(
            of:
                "history:\n  - quarter: 2026-Q3\n    tier: catalog\n    note: \"Listed as catalog in the service overview (first catalog edition).\"\n",
            with:
                "history:\n  - quarter: 2026-Q3\n    tier: catalog\n    note: \"Listed as catalog in the service overview (first catalog edition).\"\n  - quarter: 2026-Q4\n    tier: certified\n    note: \"Promoted.\"\n"
        ).write(to: harbor, atomically: true, encoding: .utf8)
        let header = next.appendingPathComponent("catalog.yaml")
        try String(contentsOf: header, encoding: .utf8).replacingOccurrences(
            of: "version: 2026-Q3", with: "version: 2026-Q4"
        )
        .write(to: header, atomically: true, encoding: .utf8)
        let published = try stackplan(["catalog", "publish", "--db", db, "--catalog", next.path])
        #expect(published.status == 0, "\(published.stderr)")
        let diff = try stackplan(["catalog", "diff", "2026-Q3", "2026-Q4", "--db", db, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("\"kind\": \"promoted\""))
        #expect(diff.stdout.contains("\"subject\": \"harbor\""))
        #expect(
            try stackplan(["catalog", "diff", "2026-Q3", "working", "--db", db, "--format", "markdown"]).stdout
                .contains("0 change(s)"))
        let editions = try stackplan(["catalog", "editions", "--db", db, "--format", "csv"])
        #expect(editions.stdout.contains("2026-Q4"))
        // Last quarter's plan, reproduced from the stored edition.
        let old = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--format", "json",
        ])
        let reproduced = try stackplan([
            "plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--format", "json", "--edition",
            "2026-Q3", "--db", db,
        ])
        #expect(reproduced.status == 0)
        #expect(reproduced.stdout == old.stdout)
        // A different catalog under an existing name is refused.
        try String(contentsOf: header, encoding: .utf8).replacingOccurrences(
            of: "version: 2026-Q4", with: "version: 2026-Q3"
        )
        .write(to: header, atomically: true, encoding: .utf8)
        #expect(try stackplan(["catalog", "publish", "--db", db, "--catalog", next.path]).status == 65)
        #expect(try stackplan(["catalog", "publish", "--db", db, "--catalog", next.path, "--supersede"]).status == 0)
        #expect(try stackplan(["db", "check", "--db", db]).status == 0)
    }

    @Test func snapshotsShowATrend() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        for day in ["2026-09-01", "2026-10-01"] {
            let result = try stackplan([
                "snapshot", "--inventory", "examples/inventory.yaml", "--incidents", "examples/incidents.csv",
                "--as-of", day,
                "--db", db,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let history = try stackplan(["history", "--customer", "cobalt", "--db", db, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["asOf"] as? String } == ["2026-09-01", "2026-10-01"])
        let html = try stackplan(["history", "--db", db, "--format", "html"])
        #expect(html.stdout.contains("<polyline"))
    }

    @Test func aCorruptDatabaseExits65() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("bad.sqlite")
        try "this is not SQLite\n".write(to: db, atomically: true, encoding: .utf8)
        let result = try stackplan(["db", "check", "--db", db.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not a usable StackPlan database"))
        #expect(try stackplan(["history", "--db", db.path]).status == 65)
    }

    @Test func killingWritersLeavesNoPartialRecord() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        let fleet = directory.appendingPathComponent("fleet.yaml")
        try stackplan(["generate-fleet", "--customers", "300", "--seed", "3", "--as-of", "2026-09-01"]).stdout
            .write(to: fleet, atomically: true, encoding: .utf8)
        var random = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let arguments =
                round % 3 == 0
                ? ["catalog", "publish", "--db", db, "--supersede"]
                : ["snapshot", "--inventory", fleet.path, "--as-of", "2026-09-01", "--db", db]
            let process = try startStackplan(arguments)
            usleep(UInt32.random(in: 20_000...400_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let check = try stackplan(["db", "check", "--db", db])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func concurrentWritersBothSucceed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        #expect(try stackplan(["catalog", "publish", "--db", db]).status == 0)  // create and migrate first
        let writers = try ["2026-09-01", "2026-09-08", "2026-09-15"].map { day in
            try startStackplan(["snapshot", "--inventory", "examples/inventory.yaml", "--as-of", day, "--db", db])
        }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let history = try stackplan(["history", "--customer", "acme", "--db", db, "--format", "csv"])
        #expect(history.stdout.split(separator: "\r\n").count == 4)  // header + three snapshots
        #expect(try stackplan(["db", "check", "--db", db]).status == 0)
    }

    @Test func concurrentFirstUseOfANewStoreSucceedsForEveryProcess() throws {
        for round in 0..<3 {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let db = directory.appendingPathComponent("new/h.sqlite").path
            let writers = try (0..<6).map { index in
                try startStackplan(
                    index % 2 == 0
                        ? ["catalog", "publish", "--db", db]
                        : [
                            "snapshot", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-0\(index)",
                            "--db", db,
                        ])
            }
            for writer in writers { writer.waitUntilExit() }
            #expect(writers.map(\.terminationStatus) == Array(repeating: 0, count: 6), "round \(round)")
            #expect(try stackplan(["db", "check", "--db", db]).status == 0)
        }
    }

    @Test func anEmptyDatabasePathIsBadUsage() throws {
        #expect(try stackplan(["history", "--db", ""]).status == 64)
        #expect(try stackplan(["catalog", "publish", "--db", ""]).status == 64)
    }

    @Test func aCorruptPageGives65FromEveryCommand() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        #expect(try stackplan(["catalog", "publish", "--db", db]).status == 0)
        #expect(
            try stackplan(["snapshot", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--db", db])
                .status == 0)
        // Fold the WAL into the file, then overwrite a page in the middle with garbage.
        #expect(try stackplan(["db", "check", "--db", db]).status == 0)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        for command in [
            ["db", "check"], ["history"], ["catalog", "editions"], ["catalog", "diff", "2026-Q3", "working"],
            ["plan", "--inventory", "examples/inventory.yaml", "--edition", "2026-Q3"],
        ] {
            let result = try stackplan(command + ["--db", db])
            #expect(result.status == 65, "\(command): \(result.status) \(result.stderr)")
        }
    }

    /// Runs the built binary as the unprivileged `nobody` (root ignores file permissions).
    private static let runuser = "/usr/sbin/runuser"
    static let canDropPrivileges = getuid() == 0 && FileManager.default.isExecutableFile(atPath: runuser)

    @Test(.enabled(if: canDropPrivileges, "needs root and runuser to test as an unprivileged user"))
    func aReadOnlyStoreServesReadsAndRefusesWrites() throws {
        let directory = try temporaryDirectory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let db = directory.appendingPathComponent("h.sqlite").path
        #expect(try stackplan(["catalog", "publish", "--db", db]).status == 0)
        #expect(
            try stackplan(["snapshot", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--db", db])
                .status == 0)
        #expect(try stackplan(["db", "check", "--db", db]).status == 0)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        chmod(db, 0o444)
        chmod(directory.path, 0o555)
        func asNobody(_ arguments: [String]) throws -> CLIResult {
            let executable = Bundle.main.bundleURL.appendingPathComponent("stackplan").path
            return try subprocess(["-u", "nobody", "--", executable] + arguments, executable: Self.runuser)
        }
        let catalog = packageRoot.appendingPathComponent("catalog").path
        for command in [
            ["history"], ["catalog", "editions"], ["db", "check"],
            ["catalog", "diff", "2026-Q3", "working", "--catalog", catalog],
        ] {
            let result = try asNobody(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let write = try asNobody([
            "snapshot", "--inventory", packageRoot.appendingPathComponent("examples/inventory.yaml").path, "--db", db,
            "--catalog", catalog,
        ])
        #expect(write.status == 74)
        #expect(write.stderr.contains("is read-only"))
    }
}
