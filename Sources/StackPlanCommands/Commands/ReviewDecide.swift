import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore

extension ReviewCommand {
    /// `stackplan review decide`: record a decision.
    public struct Decide: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "decide",
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

        public func validate() throws {
            for (name, value) in [("--note", note), ("--by", by)] where !ReviewFiles.isOneLine(value) {
                throw ValidationError("\(name) must be one line of text without control characters")
            }
        }

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
            let record = ReviewDecision(
                component: component, from: found.tier, to: to, decision: decision, note: note, by: by,
                effective: effective)
            // Read, append and write under the catalog's lock: concurrent decisions all survive.
            let path = try DirectoryLock.withLock(on: catalog.directory) { try append(record) }
            Console.err(
                "recorded: \(component) \(found.tier.rawValue) → \(to.rawValue) \(decision.rawValue) in \(path)")
        }

        /// Appends `record` to the quarter's decisions file; returns its path.
        private func append(_ record: ReviewDecision) throws -> String {
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
            let text = ReviewFiles.appending(record, quarter: quarter, to: existing)
            do {
                try FileManager.default.createDirectory(
                    atPath: catalog.directory + "/reviews", withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError.failure("cannot write \(path): \(error.localizedDescription)")
            }
            return path
        }
    }
}
