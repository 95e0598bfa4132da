import Foundation
import Testing

/// The smaller items of issue 11, each through the command a user runs.
@Suite("Smaller hardening", .serialized)
struct SmallerHardeningTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aDirectoryWhereAFileBelongsIsSaidSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try stackplan(["qualify", "--inventory", directory.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("'\(directory.path)' is a directory, not a file"))
    }

    @Test func aFileWhereAFolderBelongsIsSaidSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("catalog")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let notADirectory = try stackplan(["catalog", "validate", "--catalog", file.path])
        #expect(notADirectory.status == 66 && notADirectory.stderr.contains("is a file, not a directory"))
        try FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: file)
        let components = file.appendingPathComponent("components")
        try FileManager.default.removeItem(at: components)
        try "x".write(to: components, atomically: true, encoding: .utf8)
        let result = try stackplan(["catalog", "validate", "--catalog", file.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("'\(components.path)' is a file, not a directory"))
    }

    @Test(arguments: [["compat", "--kubernetes", "01.35"], ["compat", "--kubernetes", "1.035"]])
    func leadingZerosAreNoVersion(_ arguments: [String]) throws {
        #expect(try stackplan(arguments).status == 64)
    }

    @Test func aLeadingZeroInAnInventoryVersionIsALocatedError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("i.yaml")
        try String(contentsOf: packageRoot.appendingPathComponent("examples/inventory.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "version: \"1.35.2\"", with: "version: \"1.035.2\"")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try stackplan(["qualify", "--inventory", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("must be a Kubernetes version such as \"1.33\" or \"1.33.4\", not '1.035.2'"))
    }

    @Test func aByteOrderMarkStartsAnIncidentLogFine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("log.csv")
        let log = try String(contentsOf: packageRoot.appendingPathComponent("examples/incidents.csv"), encoding: .utf8)
        try ("\u{FEFF}" + log).write(to: file, atomically: true, encoding: .utf8)
        let result = try stackplan([
            "sla", "report", "--incidents", file.path, "--inventory", "examples/inventory.yaml", "--as-of",
            "2026-11-25", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: ["9999-12-31T23:59:00Z", "9999-01-01T00:00:00Z", "1899-12-31T23:00:00Z"])
    func instantsOutsideTheSupportedYearsAreRefused(_ instant: String) throws {
        let result = try stackplan(["sla", "due", "--severity", "low", "--opened", instant])
        #expect(result.status == 64)
    }

    @Test func anEmptyListOfBusinessDaysIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        let policy = catalog.appendingPathComponent("policy.yaml")
        try String(contentsOf: policy, encoding: .utf8)
            .replacingOccurrences(of: "days: [monday, tuesday, wednesday, thursday, friday]", with: "days: []")
            .write(to: policy, atomically: true, encoding: .utf8)
        let result = try stackplan(["catalog", "validate", "--catalog", catalog.path, "--as-of", "2026-08-21"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'days' must list at least one weekday"))
    }

    @Test func aDecisionForAnEndedQuarterIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalog"), to: catalog)
        let result = try stackplan([
            "review", "decide", "--catalog", catalog.path, "--quarter", "2026-Q3", "--component", "velero", "--to",
            "certified", "--decision", "approved", "--note", "n", "--as-of", "2026-11-01",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("quarter 2026-Q3 is in the past"))
    }
}
