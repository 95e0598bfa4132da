import Foundation
import StackPlanCore

/// Reads release cycles from endoflife.date: a product file of the upstream repository (YAML front
/// matter between `---` lines) or an API v1 product response (JSON). Problems are located
/// diagnostics (`path:line:column`); a file with any error yields no releases.
public enum EndOfLifeSource {
    /// The outcome of reading one product.
    public struct Product: Sendable {
        public let releases: [SourceRelease]?
        public let diagnostics: [Diagnostic]
    }

    /// Reads a product file: the `releases:` of its front matter. Extra keys (`lts`, `link`,
    /// `codename`, …) are ignored; dates are `YYYY-MM-DD`; `eoas`, `eol` and `eoes` may be booleans.
    public static func productFile(text: String, path: String) -> Product {
        let sink = DiagnosticSink()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true,
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else {
            sink.error(
                "bad-source", "a product file starts with YAML front matter between '---' lines",
                at: SourceLocation(file: path, line: 1, column: 1))
            return Product(releases: nil, diagnostics: sink.diagnostics)
        }
        // Keep the line numbers of the file: the front matter starts on line 2.
        let frontMatter = "\n" + lines[1..<end].joined(separator: "\n") + "\n"
        let file = SourceFile(path: path, relativePath: path, text: frontMatter)
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: "the front matter")
        else { return Product(releases: nil, diagnostics: sink.diagnostics) }
        let releases =
            reader.items("releases") { item, _ -> SourceRelease? in
                guard let cycle = item.string("releaseCycle"), let version = VersionNumber(version: cycle) else {
                    item.sink.error(
                        "bad-source", "'releaseCycle' must be a version such as \"1.36\"",
                        at: item.location("releaseCycle"))
                    return nil
                }
                return SourceRelease(
                    cycle: version, releaseDate: item.day("releaseDate", required: false),
                    eoas: dateOrFlag(item, "eoas"), eol: dateOrFlag(item, "eol"), eoes: dateOrFlag(item, "eoes"),
                    latest: item.string("latest", required: false),
                    latestReleaseDate: item.day("latestReleaseDate", required: false))
            } ?? []
        return Product(releases: sink.hasErrors ? nil : releases, diagnostics: sink.diagnostics)
    }

    private static func dateOrFlag(_ item: MappingReader, _ key: String) -> SourceDate? {
        guard let text = item.string(key, required: false) else { return nil }
        switch text {
        case "true", "True": return .endedUnknown
        case "false", "False": return .notYet
        default:
            guard let day = CalendarDay(text) else {
                item.sink.error(
                    "bad-date", "'\(key)' must be a date YYYY-MM-DD, true or false, not '\(text)'",
                    at: item.location(key))
                return nil
            }
            return .date(day)
        }
    }

    /// Reads an API v1 `GET /products/{product}` response: `result.releases[]` with `name`,
    /// `releaseDate`, `eoasFrom`/`isEoas`, `eolFrom`/`isEol`, `eoesFrom`/`isEoes` and
    /// `latest {name, date}`.
    public static func apiResponse(data: Data, path: String) -> Product {
        func failure(_ message: String, line: Int = 1, column: Int = 1) -> Product {
            Product(
                releases: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "bad-source", message, at: SourceLocation(file: path, line: line, column: column))
                ])
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = JSONPosition.of(error, in: data)
            return failure("malformed JSON: not valid here", line: line, column: column)
        }
        guard let root = json as? [String: Any], let result = root["result"] as? [String: Any],
            let releases = result["releases"] as? [[String: Any]]
        else { return failure("not an API v1 product response: no 'result.releases' array") }
        var read: [SourceRelease] = []
        for (index, release) in releases.enumerated() {
            guard let name = release["name"] as? String, let cycle = VersionNumber(version: name) else {
                return failure("result.releases[\(index)]: 'name' must be a version such as \"1.36\"")
            }
            func day(_ key: String) -> CalendarDay? { (release[key] as? String).flatMap { CalendarDay($0) } }
            func dated(_ flag: String, _ key: String) -> SourceDate? {
                if let date = day(key) { return .date(date) }
                guard let value = release[flag] as? Bool else { return nil }
                return value ? .endedUnknown : .notYet
            }
            let latest = release["latest"] as? [String: Any]
            read.append(
                SourceRelease(
                    cycle: cycle, releaseDate: day("releaseDate"), eoas: dated("isEoas", "eoasFrom"),
                    eol: dated("isEol", "eolFrom"), eoes: dated("isEoes", "eoesFrom"),
                    latest: latest?["name"] as? String,
                    latestReleaseDate: (latest?["date"] as? String).flatMap { CalendarDay($0) }))
        }
        return Product(releases: read, diagnostics: [])
    }
}
