import Foundation
import Testing

/// One golden file: a command's standard output for fixed inputs and date.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let file: String
    let arguments: [String]
    var testDescription: String { file }

    /// `base` in each of `formats`, one golden file per format (`<name>.<extension>`).
    static func formats(_ name: String, _ base: [String], _ formats: [String]) -> [GoldenCase] {
        formats.map { format in
            let ext = ["table": "txt", "markdown": "md"][format] ?? format
            return GoldenCase(file: "\(name).\(ext)", arguments: base + ["--format", format])
        }
    }
}

private let listings = ["table", "json", "csv", "markdown"]
private let inventory = ["--inventory", "examples/inventory.yaml"]
private let incidents = ["--incidents", "examples/incidents.csv"]

@Suite("Golden reports")
struct GoldenReportTests {
    static let cases: [GoldenCase] =
        GoldenCase.formats("plan", ["plan"] + inventory + ["--as-of", "2026-09-01"], listings + ["ics"])
        + GoldenCase.formats(
            "plan-ironwood", ["plan"] + inventory + ["--as-of", "2026-09-01", "--customer", "ironwood"], ["ics"])
        + GoldenCase.formats(
            "roadmap-ironwood", ["roadmap"] + inventory + ["--as-of", "2026-09-01", "--customer", "ironwood"],
            ["markdown", "html", "svg"])
        + GoldenCase.formats(
            "roadmap-ironwood-internal",
            ["roadmap"] + inventory + ["--as-of", "2026-09-01", "--customer", "ironwood", "--audience", "internal"],
            ["markdown", "html"])
        + GoldenCase.formats(
            "roadmap-harbourview", ["roadmap"] + inventory + ["--as-of", "2026-11-16", "--customer", "harbourview"],
            ["markdown", "html"])
        + GoldenCase.formats(
            "plan-compare", ["plan"] + inventory + ["--as-of", "2026-09-01", "--compare"], ["json", "table"])
        + GoldenCase.formats(
            "roadmap-emberly-24",
            ["roadmap"] + inventory + ["--as-of", "2026-09-01", "--customer", "emberly", "--horizon", "24"],
            ["svg"])
        + GoldenCase.formats(
            "forecast", ["forecast"] + inventory + incidents + ["--as-of", "2026-11-25", "--horizon", "6"],
            listings + ["html"])
        + GoldenCase.formats(
            "sla-report", ["sla", "report"] + inventory + incidents + ["--as-of", "2026-11-25T20:00:00Z"], listings)
        + GoldenCase.formats(
            "sla-due", ["sla", "due", "--severity", "normal", "--opened", "2026-11-25T16:30:00-08:00"],
            ["table", "json"])
        + GoldenCase.formats("releases", ["releases", "--as-of", "2026-09-01"], listings)
        + GoldenCase.formats("releases-eks", ["releases", "--platform", "eks", "--as-of", "2026-09-01"], listings)
        + GoldenCase.formats("compat-1.35", ["compat", "--kubernetes", "1.35", "--as-of", "2026-09-01"], listings)
        + GoldenCase.formats("catalog-list", ["catalog", "list", "--as-of", "2026-09-01"], listings)
        + GoldenCase.formats("catalog-show-istio", ["catalog", "show", "istio", "--as-of", "2026-09-01"], listings)
        + GoldenCase.formats("qualify", ["qualify"] + inventory + ["--as-of", "2026-09-01"], listings)
        + GoldenCase.formats(
            "conformance", ["conformance"] + inventory + ["--as-of", "2026-09-01"], listings + ["html"])
        + GoldenCase.formats("holidays-2027", ["holidays", "--year", "2027"], listings)
        + GoldenCase.formats(
            "review-2026-Q4", ["review", "--quarter", "2026-Q4"] + inventory + ["--as-of", "2026-11-01"],
            ["markdown", "html", "json"])

    @Test(arguments: cases)
    func report(_ c: GoldenCase) throws {
        let result = try stackplan(c.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        Golden.check(result.stdout, named: c.file)
    }

    @Test func validationDiagnostics() throws {
        let result = try stackplan([
            "catalog", "validate", "--catalog", "Tests/StackPlanCatalogTests/Fixtures/planted-mistakes",
            "--as-of", "2026-08-21",
        ])
        #expect(result.status == 65)
        Golden.check(result.stderr, named: "validate-planted-mistakes.txt")
    }

    @Test func history() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("h.sqlite").path
        for day in ["2026-09-01", "2026-10-01", "2026-11-01"] {
            let snapshot = try stackplan(["snapshot"] + inventory + incidents + ["--as-of", day, "--db", db])
            #expect(snapshot.status == 0, "\(snapshot.stderr)")
        }
        for c in GoldenCase.formats("history", ["history", "--db", db], listings + ["html"]) {
            let result = try stackplan(c.arguments)
            #expect(result.status == 0, "\(result.stderr)")
            Golden.check(result.stdout, named: c.file)
        }
    }
}
