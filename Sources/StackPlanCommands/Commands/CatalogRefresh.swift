import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension CatalogCommand {
    /// The formats of `catalog refresh`.
    public enum RefreshFormats: FormatChoices {
        public static let formats: [OutputFormat] = [.table, .json, .markdown]
        public static let defaultFormat = OutputFormat.table
    }

    /// `stackplan catalog refresh`: compare the catalog with endoflife.date and apply the changes.
    public struct Refresh: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "Compare release facts with endoflife.date (product files, API v1 files or URL); --write applies."
        )

        /// The public API v1, the default source.
        public static let defaultSource = "https://endoflife.date/api/v1"

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @OptionGroup public var output: FormatOption<RefreshFormats>
        @Option(help: "A directory of product files (.md) or API v1 responses (.json), or an http(s) API v1 base URL.")
        public var from: String = Refresh.defaultSource
        @Option(help: "Only this component or platform id (or 'kubernetes'); repeatable.") public var only: [String] =
            []
        @Flag(help: "Edit the catalog files (after validating the result).") public var write = false
        @Flag(help: "Take the source's values over releases curated by hand (conflicts).") public var preferSource =
            false
        @Option(help: "Seconds to wait for each HTTP response.") public var timeout: Double = 10

        public init() {}

        public func validate() throws {
            guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout takes 0 to 300 seconds") }
        }

        public func run() throws {
            let day = asOf.day
            let files: [SourceFile]
            do {
                files = try CatalogDirectory.files(at: catalog.directory)
            } catch {
                throw CommandError(error)
            }
            var targets = RefreshTarget.all(in: files)
            if !only.isEmpty {
                let unknown = only.filter { id in !targets.contains { $0.id == id } }
                if let id = unknown.first {
                    throw CommandError.usage("no catalog file with id '\(id)' follows an endoflife.date product")
                }
                targets = targets.filter { only.contains($0.id) }
            }
            let source = try EndOfLifeReader(from: from, timeout: timeout, asOf: day)
            var releases: [String: [SourceRelease]] = [:]
            var missing: [String] = []
            for product in Set(targets.map(\.product)).sorted() {
                if let read = try source.releases(of: product) {
                    releases[product] = read
                } else {
                    missing.append(product)
                }
            }
            var changes: [RefreshChange] = []
            var unchanged = 0
            for target in targets {
                guard let stated = releases[target.product] else { continue }
                let diff = RefreshDiff.changes(
                    file: target.file.relativePath, id: target.id, kind: target.kind, tracked: target.tracked,
                    source: stated, preferSource: preferSource)
                changes += diff.changes
                unchanged += diff.unchanged
            }
            if write {
                try apply(changes, targets: targets, releases: releases, files: files, source: source, day: day)
            }
            output.emit(
                RefreshReport.make(
                    source: source.description, changes: changes, unchanged: unchanged, missing: missing,
                    written: write && changes.contains(where: \.applies)))
        }

        /// Edits, validates the whole edited catalog, then writes the changed files (or nothing).
        private func apply(
            _ changes: [RefreshChange], targets: [RefreshTarget], releases: [String: [SourceRelease]],
            files: [SourceFile], source: EndOfLifeReader, day: CalendarDay
        ) throws {
            var edited = Dictionary(files.map { ($0.relativePath, $0) }) { first, _ in first }
            for target in targets {
                let own = changes.filter { $0.file == target.file.relativePath && $0.applies }
                guard !own.isEmpty, let stated = releases[target.product] else { continue }
                do {
                    let text = try RefreshEditor.apply(
                        own, releases: stated, kind: target.kind, to: target.file.text,
                        source: source.note(for: target.product))
                    edited[target.file.relativePath] = SourceFile(
                        path: target.file.path, relativePath: target.file.relativePath, text: text)
                } catch {
                    throw CommandError.dataError("\(target.file.path): \(error)")
                }
            }
            // dataAsOf: the newest fact seen in the source, when that is newer.
            let newest = releases.values.joined().compactMap(\.newestFact).filter { $0 <= day }.max()
            if let newest, let header = edited["catalog.yaml"],
                let current = CatalogLoader().load(files: files, asOf: day).catalog?.dataAsOf, current < newest,
                let text = RefreshEditor.setDataAsOf(header.text, to: newest)
            {
                edited["catalog.yaml"] = SourceFile(path: header.path, relativePath: header.relativePath, text: text)
            }
            let result = CatalogLoader().load(files: Array(edited.values), asOf: day)
            Console.print(result.diagnostics.filter { $0.severity == .error })
            guard result.catalog != nil else {
                throw CommandError.dataError("the refreshed catalog would be invalid: nothing was written")
            }
            for file in files where edited[file.relativePath]?.text != file.text {
                guard let text = edited[file.relativePath]?.text else { continue }
                do {
                    try text.write(toFile: file.path, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandError.failure("cannot write \(file.path): \(error.localizedDescription)")
                }
            }
        }
    }
}
