import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension Quarter: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension ReviewDecision.Outcome: ExpressibleByArgument {}

/// `stackplan review …`: the quarterly catalog promotion review.
public struct ReviewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The quarterly catalog promotion review: board pack, decisions, and applying them.",
        subcommands: [Pack.self, Decide.self, Apply.self],
        defaultSubcommand: Pack.self
    )

    public init() {}

    /// The criteria of `review.yaml` in the catalog directory; exit 65 on errors.
    static func moves(_ catalog: CatalogOptions) throws -> [ReviewMove] {
        let path = catalog.directory + "/review.yaml"
        let text: String
        do {
            text = try readText(atPath: path)
        } catch .notAFile {
            throw CommandError.noInput("\(path) does not exist; it holds the review criteria")
        } catch {
            throw CommandError(error)
        }
        let (moves, diagnostics) = ReviewFiles.moves(SourceFile(path: path, relativePath: "review.yaml", text: text))
        Console.print(diagnostics)
        if diagnostics.hasErrors { throw CommandError.dataError() }
        return moves
    }

    static func decisionsPath(_ catalog: CatalogOptions, _ quarter: Quarter) -> String {
        catalog.directory + "/reviews/\(quarter).yaml"
    }
}

/// The formats of the board pack.
public enum ReviewFormats: FormatChoices {
    public static let formats: [OutputFormat] = [.markdown, .html, .json]
    public static let defaultFormat = OutputFormat.markdown
}

extension ReviewCommand {
    /// `stackplan review --quarter Q --inventory FILE`: the board pack.
    public struct Pack: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "pack", abstract: "Evaluate every component against the criteria of its possible moves.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var inventory: InventoryOptions
        @OptionGroup public var asOf: AsOfOption
        @Option(help: "The review quarter, such as 2026-Q4.") public var quarter: Quarter
        @OptionGroup public var output: FormatOption<ReviewFormats>

        public init() {}

        public func run() throws {
            let day = asOf.day
            let loaded = try catalog.requireCatalog(asOf: day)
            let fleet = try inventory.requireInventory(catalog: loaded)
            let plan = UpgradePlanner(catalog: loaded, asOf: day).plan(fleet)
            let reviews = ReviewEvaluator(
                catalog: loaded, inventory: fleet, plan: plan, quarter: quarter, moves: try ReviewCommand.moves(catalog)
            ).evaluate()
            let report = ReviewReport(quarter: quarter, asOf: day, catalog: loaded, reviews: reviews)
            switch output.chosen {
            case .html: Console.out(report.html())
            case .json: Console.out(report.json().serialized())
            default: Console.out(report.markdown())
            }
        }
    }

    /// `stackplan review decide`: record a decision.
    public struct Decide: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Record a board decision in catalog/reviews/<quarter>.yaml.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @Option(help: "The review quarter.") public var quarter: Quarter
        @Option(help: "The component id.") public var component: String
        @Option(help: "The tier it moves to.") public var to: Tier
        @Option(help: "approved or rejected.") public var decision: ReviewDecision.Outcome
        @Option(help: "Why.") public var note: String
        @Option(help: "Who decided.") public var by: String = "Review board"
        @Option(help: "When the move takes effect, YYYY-MM-DD.") public var effective: CalendarDay?
        @Flag(help: "Allow a move of two tiers (catalog ↔ infrastructure).") public var allowSkip = false

        public init() {}

        public func run() throws {
            let day = asOf.day
            guard quarter >= Quarter(containing: day) else {
                throw ValidationError("quarter \(quarter) is in the past (today is in \(Quarter(containing: day)))")
            }
            let loaded = try catalog.requireCatalog(asOf: day)
            guard let found = loaded.component(component) else {
                throw ValidationError("unknown component '\(component)'; see 'stackplan catalog list'")
            }
            guard found.tier != to else { throw ValidationError("\(component) is already \(to.rawValue)") }
            if abs(found.tier.rank - to.rank) > 1, !allowSkip {
                throw ValidationError(
                    "\(component) would move from \(found.tier.rawValue) straight to \(to.rawValue); "
                        + "tiers are climbed one at a time (pass --allow-skip to override)")
            }
            let path = ReviewCommand.decisionsPath(catalog, quarter)
            // Decisions are appended: an unreadable file must stop us, not be overwritten.
            let existing: String?
            do {
                existing = try readText(atPath: path)
            } catch .notAFile {
                existing = nil
            } catch {
                throw CommandError(error)
            }
            let record = ReviewDecision(
                component: component, from: found.tier, to: to, decision: decision, note: note, by: by,
                effective: effective)
            let text = ReviewFiles.appending(record, quarter: quarter, to: existing)
            do {
                try FileManager.default.createDirectory(
                    atPath: catalog.directory + "/reviews", withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError.failure("cannot write \(path): \(error.localizedDescription)")
            }
            Console.err(
                "recorded: \(component) \(found.tier.rawValue) → \(to.rawValue) \(decision.rawValue) in \(path)")
        }
    }

    /// `stackplan review apply`: write approved moves into the catalog.
    public struct Apply: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Write the quarter's approved moves into the component files and bump catalog.yaml's version.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var asOf: AsOfOption
        @Option(help: "The review quarter.") public var quarter: Quarter

        public init() {}

        public func run() throws {
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
            guard !changed.isEmpty else {
                Console.err("nothing to apply for \(quarter)")
                return
            }
            if let index = files.firstIndex(where: { $0.relativePath == "catalog.yaml" }),
                let bumped = CatalogEditor.setVersion(files[index].text, to: loaded.version.next)
            {
                files[index] = SourceFile(path: files[index].path, relativePath: "catalog.yaml", text: bumped)
                changed.insert("catalog.yaml")
            }
            // Validate the edited catalog before writing anything.
            let result = CatalogLoader().load(files: files, asOf: day)
            Console.print(result.diagnostics.filter { $0.severity == .error })
            guard result.catalog != nil else { throw CommandError.dataError() }
            for file in files where changed.contains(file.relativePath) {
                do {
                    try file.text.write(toFile: file.path, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandError.failure("cannot write \(file.path): \(error.localizedDescription)")
                }
            }
            let version =
                changed.contains("catalog.yaml")
                ? "now \(loaded.version.next)"
                : "unchanged (no 'version:' line to edit in catalog.yaml: set \(loaded.version.next) by hand)"
            Console.err("applied \(moves) move(s); catalog version \(version)")
        }
    }
}
