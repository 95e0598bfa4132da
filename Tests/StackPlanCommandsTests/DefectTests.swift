import Foundation
import StackPlanCore
import StackPlanStore
import Testing

/// Defects found in use (issue 10), each with the test that failed before its fix.
@Suite("Defects found in use", .serialized)
struct DefectTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-defects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aSecondSnapshotForADateReplacesTheFirst() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        let arguments = ["snapshot", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--db", db]
        #expect(try stackplan(arguments).status == 0)
        let second = try stackplan(arguments)
        #expect(second.status == 0)
        #expect(second.stderr.contains("replaced snapshot #1 for 2026-09-01"))
        let history = try stackplan(["history", "--customer", "acme", "--db", db, "--format", "csv"])
        #expect(history.stdout.split(separator: "\r\n").count == 2)  // header + one point
        // The stored inventory is the text the loader read, byte for byte.
        let stored = try HistoryStore.open(path: db, create: false).inventoryText(
            ofSnapshotOn: try #require(CalendarDay("2026-09-01")))
        #expect(
            stored
                == (try String(
                    contentsOf: packageRoot.appendingPathComponent("examples/inventory.yaml"), encoding: .utf8)))
    }

    @Test(arguments: [
        ["history"], ["catalog", "editions"], ["catalog", "diff", "2026-Q3", "working"], ["db", "check"],
        ["plan", "--inventory", "examples/inventory.yaml", "--edition", "2026-Q3"],
    ])
    func readCommandsCreateNoDatabase(_ command: [String]) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sub/h.sqlite").path
        let result = try stackplan(command + ["--db", db])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("no history database at '\(db)'"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sub").path))
    }

    @Test(arguments: [("inventory", "plan"), ("incidents", "sla"), ("catalog", "validate")])
    func aNonUTF8InputIsInvalidData(_ kind: String, _ command: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Latin-1 "é" (0xE9) on line 2, after "a: " (column 4).
        let bytes = Data("pods: []\na: ".utf8) + Data([0xE9, 0x0A])
        var arguments: [String]
        let bad: URL
        switch kind {
        case "inventory":
            bad = directory.appendingPathComponent("inventory.yaml")
            arguments = ["plan", "--inventory", bad.path, "--as-of", "2026-09-01"]
        case "incidents":
            bad = directory.appendingPathComponent("incidents.csv")
            arguments = [
                "sla", "report", "--inventory", "examples/inventory.yaml", "--incidents", bad.path, "--as-of",
                "2026-11-25",
            ]
        default:
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("catalog"), to: directory.appendingPathComponent("catalog"))
            bad = directory.appendingPathComponent("catalog/components/velero.yaml")
            try FileManager.default.removeItem(at: bad)
            arguments = ["catalog", "validate", "--catalog", directory.appendingPathComponent("catalog").path]
        }
        try bytes.write(to: bad)
        let result = try stackplan(arguments)
        #expect(result.status == 65, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("\(bad.path):2:4: error: the file is not UTF-8 text"))
        #expect(result.stderr.contains("[invalid-utf8]"))
        #expect(result.stdout.isEmpty)
    }

    @Test func reviewApplyCountsTheMovesItMade() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        let decide = try stackplan([
            "review", "decide", "--catalog", catalog.path, "--quarter", "2026-Q4", "--component", "velero", "--to",
            "certified", "--decision", "approved", "--note", "n", "--as-of", "2026-11-01",
        ])
        #expect(decide.status == 0, "\(decide.stderr)")
        let apply = try stackplan([
            "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
        ])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("applied 1 move(s); catalog version now 2026-Q4"))
    }

    @Test func reviewApplyCountsMovesWhenTheVersionLineCannotBeBumped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        let header = catalog.appendingPathComponent("catalog.yaml")
        try String(contentsOf: header, encoding: .utf8)
            .replacingOccurrences(of: "\nversion: 2026-Q3", with: "\n\"version\": 2026-Q3")
            .write(to: header, atomically: true, encoding: .utf8)
        #expect(
            try stackplan([
                "review", "decide", "--catalog", catalog.path, "--quarter", "2026-Q4", "--component", "velero", "--to",
                "certified", "--decision", "approved", "--note", "n", "--as-of", "2026-11-01",
            ]).status == 0)
        let apply = try stackplan([
            "review", "apply", "--catalog", catalog.path, "--quarter", "2026-Q4", "--as-of", "2026-11-01",
        ])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("applied 1 move(s); catalog version unchanged"))
    }
}
