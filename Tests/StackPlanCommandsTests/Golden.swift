import Foundation
import Testing

/// Golden files: every report in every format, compared byte for byte with
/// `Tests/StackPlanCommandsTests/Golden/<name>`. Run with `STACKPLAN_RECORD_GOLDEN=1` to write
/// them anew; a missing file is written and reported as a failure, so a new golden is never
/// accepted silently. A mismatch reports a line diff.
enum Golden {
    static let directory = packageRoot.appendingPathComponent("Tests/StackPlanCommandsTests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["STACKPLAN_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            if expected == nil, !recording {
                Issue.record("recorded the missing golden file \(name); check it in", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actual else { return }
        let diff = LineDiff.render(from: expected, to: actual)
        Issue.record(
            "\(name) differs from its golden file (- golden, + actual; STACKPLAN_RECORD_GOLDEN=1 re-records):\n\(diff)",
            sourceLocation: sourceLocation)
    }
}

/// A line diff for test failures: the changed lines with three lines of context.
enum LineDiff {
    static func render(from old: String, to new: String, context: Int = 3, limit: Int = 80) -> String {
        let a = old.components(separatedBy: "\n")
        let b = new.components(separatedBy: "\n")
        // Trim the common head and tail; diff the middle by longest common subsequence.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middleA = Array(a[head..<(a.count - tail)])
        let middleB = Array(b[head..<(b.count - tail)])
        var lines = a[max(0, head - context)..<head].map { "  \($0)" }
        if middleA.count * middleB.count > 4_000_000 {
            lines += middleA.prefix(limit).map { "- \($0)" } + middleB.prefix(limit).map { "+ \($0)" }
        } else {
            lines += edits(middleA, middleB)
        }
        lines += a[(a.count - tail)..<min(a.count, a.count - tail + context)].map { "  \($0)" }
        let shown = lines.prefix(limit * 2)
        return "@@ line \(head + 1) @@\n" + shown.joined(separator: "\n")
            + (lines.count > shown.count ? "\n… \(lines.count - shown.count) more lines" : "")
    }

    private static func edits(_ a: [String], _ b: [String]) -> [String] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append("  \(a[i])")
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                out.append("- \(a[i])")
                i += 1
            } else {
                out.append("+ \(b[j])")
                j += 1
            }
        }
        return out
    }
}

@Suite("LineDiff")
struct LineDiffTests {
    @Test func showsChangedLinesWithContext() {
        let diff = LineDiff.render(from: "a\nb\nc\nd\ne", to: "a\nb\nX\nd\ne", context: 1)
        #expect(diff == "@@ line 3 @@\n  b\n- c\n+ X\n  d")
    }
}
