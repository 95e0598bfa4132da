import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore

extension ReviewCommand {
    /// `stackplan review apply`: write approved moves into the catalog.
    public struct Apply: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract:
                "Write the quarter's approved moves into the component files and set catalog.yaml's version to the quarter."
        )

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @Option(help: "The review quarter.") public var quarter: Quarter

        public init() {}

        public func run() throws {
            // Under the catalog's lock: no decision is recorded half-way through applying.
            try DirectoryLock.withLock(on: catalog.directory) { try apply() }
        }

        /// Applies every approved move not applied yet, then sets the version to the quarter when it
        /// is behind. "Applied" is read from each component file and the version from catalog.yaml,
        /// so a re-run after a crash completes what was interrupted and never applies anything twice.
        private func apply() throws {
            let day = asOf.day
            let path = ReviewCommand.decisionsPath(catalog, quarter)
            let text: String
            do {
                text = try readText(atPath: path)
            } catch .notAFile {
                throw CommandError.noInput("no decisions for \(quarter): \(path) does not exist")
            } catch {
                throw CommandError(error)
            }
            let (decisions, diagnostics) = ReviewFiles.decisions(
                SourceFile(path: path, relativePath: "reviews/\(quarter).yaml", text: text))
            Console.print(diagnostics)
            if diagnostics.hasErrors { throw CommandError.dataError() }
            var files: [SourceFile]
            do {
                files = try CatalogDirectory.files(at: catalog.directory)
            } catch {
                throw CommandError(error)
            }
            guard let loaded = CatalogLoader().load(files: files, asOf: day).catalog else {
                _ = try catalog.requireCatalog(asOf: day)
                throw CommandError.dataError()
            }
            var latest: [String: ReviewDecision] = [:]
            for decision in decisions { latest[decision.component] = decision }
            var changed: Set<String> = []
            var moves = 0
            for decision in latest.values.sorted(by: { $0.component < $1.component })
            where decision.decision == .approved {
                guard let component = loaded.component(decision.component) else {
                    throw CommandError.dataError("\(path): unknown component '\(decision.component)'")
                }
                // Already applied: the tier and the history entry are there.
                if component.tier == decision.to, component.history.last?.quarter == quarter { continue }
                guard component.tier == decision.from else {
                    throw CommandError.dataError(
                        "\(decision.component) is \(component.tier.rawValue) now, not \(decision.from.rawValue) as decided"
                    )
                }
                let relative = "components/\(decision.component).yaml"
                guard let index = files.firstIndex(where: { $0.relativePath == relative }),
                    let edited = CatalogEditor.move(
                        files[index].text, to: decision.to, quarter: quarter, note: decision.note)
                else {
                    throw CommandError.dataError("cannot find 'tier:' and 'history:' in \(relative)")
                }
                files[index] = SourceFile(path: files[index].path, relativePath: relative, text: edited)
                changed.insert(relative)
                moves += 1
            }
            let approved = latest.values.contains { $0.decision == .approved }
            var versionLine = true
            if approved, loaded.version < quarter {
                if let index = files.firstIndex(where: { $0.relativePath == "catalog.yaml" }),
                    let bumped = CatalogEditor.setVersion(files[index].text, to: quarter)
                {
                    files[index] = SourceFile(path: files[index].path, relativePath: "catalog.yaml", text: bumped)
                    changed.insert("catalog.yaml")
                } else {
                    versionLine = false
                }
            }
            guard !changed.isEmpty else {
                Console.err(
                    versionLine
                        ? "nothing to apply for \(quarter)"
                        : "applied 0 move(s); catalog version unchanged (no 'version:' line to edit in catalog.yaml: "
                            + "set \(quarter) by hand)")
                return
            }
            // Validate the edited catalog before writing anything.
            let result = CatalogLoader().load(files: files, asOf: day)
            Console.print(result.diagnostics.filter { $0.severity == .error })
            guard result.catalog != nil else { throw CommandError.dataError() }
            // Component files first, catalog.yaml last.
            let written = files.filter { changed.contains($0.relativePath) }
            for file in written.filter({ $0.relativePath != "catalog.yaml" })
                + written.filter({ $0.relativePath == "catalog.yaml" })
            {
                do {
                    try file.text.write(toFile: file.path, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandError.failure("cannot write \(file.path): \(error.localizedDescription)")
                }
            }
            let version =
                changed.contains("catalog.yaml")
                ? "now \(quarter)"
                : versionLine
                    ? "already \(loaded.version)"
                    : "unchanged (no 'version:' line to edit in catalog.yaml: set \(quarter) by hand)"
            Console.err("applied \(moves) move(s); catalog version \(version)")
        }
    }
}
