import Foundation
import StackPlanCommands
import Testing

/// What a command printed and its exit status.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs a command in-process, as `stackplan` would (`Entrypoint.run`), capturing both streams.
/// Paths are relative to the package root.
func stackplan(_ arguments: [String]) throws -> CLIResult {
    FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
    let capture = OutputCapture()
    let status = Console.$capture.withValue(capture) { Entrypoint.run(arguments) }
    return CLIResult(status: status, stdout: capture.standardOutput, stderr: capture.standardError)
}

/// Runs the built `stackplan` executable as a process: for what only a process shows (its exit
/// status as the shell sees it, its real standard streams, its environment).
func subprocess(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws
    -> CLIResult
{
    let process = Process()
    process.executableURL =
        executable.map { URL(fileURLWithPath: $0) } ?? Bundle.main.bundleURL.appendingPathComponent("stackplan")
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "STACKPLAN_CATALOG")
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("stackplan as a process", .serialized)
struct ProcessTests {
    @Test func exitStatusesAndStreamsAsTheShellSeesThem() throws {
        let plan = try subprocess(["plan", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01"])
        #expect(plan.status == 0 && plan.stderr.isEmpty && plan.stdout.hasPrefix("Steps\n"))
        let usage = try subprocess(["plan", "--inventory", "examples/inventory.yaml", "--format", "svg"])
        #expect(usage.status == 64 && usage.stdout.isEmpty)
        #expect(usage.stderr.contains("--format takes table, json, csv, markdown, ics here, not 'svg'"))
        let missing = try subprocess(["qualify", "--inventory", "/nonexistent.yaml"])
        #expect(missing.status == 66 && missing.stderr.contains("error: file '/nonexistent.yaml' does not exist"))
        let help = try subprocess(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: stackplan") && help.stderr.isEmpty)
    }

    @Test func catalogComesFromTheEnvironment() throws {
        let result = try subprocess(
            ["catalog", "validate", "--as-of", "2026-08-21"],
            environment: ["STACKPLAN_CATALOG": "Tests/StackPlanCatalogTests/Fixtures/planted-mistakes"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("planted-mistakes/catalog.yaml"))
    }
}

@Suite("stackplan CLI", .serialized)
struct CLITests {
    @Test func validateShippedCatalogExitsZero() throws {
        let result = try stackplan(["catalog", "validate", "--as-of", "2026-08-20"])
        #expect(result.status == 0)
        #expect(result.stderr == "catalog: 0 error(s), 0 warning(s)\n")
    }

    @Test func validateWarnsAboutStaleDataButSucceeds() throws {
        let result = try stackplan(["catalog", "validate", "--as-of", "2026-11-25"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the catalog's data is 97 days old"))
        #expect(result.stderr.contains("[planned-passed]"))
    }

    @Test func validatePlantedMistakesExits65WithTwelveDiagnostics() throws {
        let result = try stackplan([
            "catalog", "validate", "--catalog", "Tests/StackPlanCatalogTests/Fixtures/planted-mistakes",
            "--as-of", "2026-08-21",
        ])
        #expect(result.status == 65)
        let diagnostics = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(diagnostics.count == 12)
        #expect(diagnostics.allSatisfy { $0.split(separator: ":").count >= 4 })
    }

    @Test func releasesOnEKSMatchTheReference() throws {
        let result = try stackplan(["releases", "--platform", "eks", "--as-of", "2026-09-01", "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let v136 = try #require(rows.first { $0["releaseCycle"] as? String == "1.36" })
        let v135 = try #require(rows.first { $0["releaseCycle"] as? String == "1.35" })
        #expect(v136["status"] as? String == "newest")
        #expect(v136["releaseDate"] as? String == "2026-06-02")
        #expect(v136["eol"] as? String == "2027-08-02")
        #expect(v136["daysToEol"] as? Int == 335)
        #expect(v135["status"] as? String == "supported")
        #expect(v135["releaseDate"] as? String == "2026-01-28")
        #expect(v135["eol"] as? String == "2027-03-27")
    }

    @Test func upstreamReleasesShowPlannedMinors() throws {
        let result = try stackplan(["releases", "--as-of", "2026-09-01", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Cycle,Released,End of life,End of extended support,Status,Days to EOL\r\n"))
        #expect(result.stdout.contains("1.37,2026-08-26 (target),-,-,planned,-"))
        #expect(result.stdout.contains("1.36,2026-04-22,2027-06-28,-,newest,300"))
    }

    struct FormatCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let expectedFragment: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let formatCases: [FormatCase] = [
        FormatCase(arguments: ["catalog", "list"], expectedFragment: "Storage and backup"),
        FormatCase(arguments: ["catalog", "list", "--format", "json"], expectedFragment: "\"newestCycle\": \"3.14\""),
        FormatCase(arguments: ["catalog", "list", "--format", "csv", "--tier", "catalog"], expectedFragment: "Velero"),
        FormatCase(
            arguments: ["catalog", "list", "--format", "markdown", "--category", "packaging"],
            expectedFragment: "| Package management | Helm | infrastructure | 4.2 | - |"),
        FormatCase(arguments: ["catalog", "show", "istio"], expectedFragment: "1.30   2026-05-18  2026-11-30"),
        FormatCase(arguments: ["catalog", "show", "istio", "--format", "json"], expectedFragment: "\"min\": \"1.32\""),
        FormatCase(
            arguments: ["catalog", "show", "helm", "--format", "markdown"], expectedFragment: "## Tier history"),
        FormatCase(arguments: ["catalog", "show", "helm", "--format", "csv"], expectedFragment: "Field,Value"),
        FormatCase(
            arguments: ["releases", "--platform", "rpc-k", "--as-of", "2026-09-01"], expectedFragment: "newest"),
        FormatCase(
            arguments: ["releases", "--format", "markdown", "--as-of", "2026-09-01"], expectedFragment: "| 1.36 |"),
        FormatCase(arguments: ["compat", "--kubernetes", "1.35"], expectedFragment: "no compatible release known"),
        FormatCase(
            arguments: ["compat", "--kubernetes", "1.35", "--format", "json"],
            expectedFragment: "\"releaseCycle\": \"1.30\""),
        FormatCase(
            arguments: ["compat", "--kubernetes", "1.36", "--platform", "rpc-k", "--format", "csv"],
            expectedFragment: "MetalLB"),
        FormatCase(
            arguments: ["compat", "--kubernetes", "1.34", "--format", "markdown"],
            expectedFragment: "| Istio | catalog | 1.30 |"),
    ]

    @Test(arguments: formatCases)
    func everyCommandRendersEveryFormat(_ c: FormatCase) throws {
        let result = try stackplan(c.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(c.expectedFragment))
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let arguments = ["compat", "--kubernetes", "1.35", "--format", "json"]
        #expect(try stackplan(arguments).stdout == stackplan(arguments).stdout)
    }

    @Test func badUsageExits64() throws {
        #expect(try stackplan(["releases", "--as-of", "2026-13-01"]).status == 64)
        #expect(try stackplan(["compat", "--kubernetes", "1.35.2"]).status == 64)
        #expect(try stackplan(["catalog", "show", "nope"]).status == 64)
        #expect(try stackplan(["catalog", "list", "--format", "xml"]).status == 64)
    }

    @Test func missingCatalogDirectoryExits66() throws {
        let result = try stackplan(["catalog", "list", "--catalog", "/nonexistent"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("catalog directory '/nonexistent' does not exist"))
    }
}

@Suite("stackplan qualify", .serialized)
struct QualifyCLITests {
    @Test(arguments: ["table", "json", "csv", "markdown"])
    func qualifiesTheExampleInventory(_ format: String) throws {
        let result = try stackplan(
            ["qualify", "--inventory", "examples/inventory.yaml", "--as-of", "2026-11-25", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("brightline"))
        if format == "table" || format == "markdown" {
            #expect(result.stdout.contains("waiver: harbourview/hv-prod deadlines deferred to 2027-01-31"))
        }
    }

    @Test func jsonSaysWhoIsQualified() throws {
        let result = try stackplan(["qualify", "--inventory", "examples/inventory.yaml", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 9)
        #expect(rows.filter { $0["qualified"] as? Bool == false }.compactMap { $0["id"] as? String } == ["brightline"])
    }

    @Test func anInvalidInventoryExits65WithLocatedErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stackplan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try """
        pods:
          - id: pod-blue
            upgradesPerWeek: 3
        customers:
          - id: x
            name: X
            pod: pod-red
            monthlyFee: 10
            environments: []
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try stackplan(["qualify", "--inventory", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yaml:7:10: error: unknown pod 'pod-red'"))
        #expect(try stackplan(["qualify", "--inventory", "/nonexistent.yaml"]).status == 66)
    }
}
