import Foundation
import StackPlanCore

/// A recorded review decision (`catalog/reviews/<quarter>.yaml`).
public struct ReviewDecision: Hashable, Sendable {
    public enum Outcome: String, CaseIterable, Sendable {
        case approved, rejected
    }

    public let component: String
    public let from: Tier
    public let to: Tier
    public let decision: Outcome
    public let note: String
    public let by: String
    public let effective: CalendarDay?

    public init(
        component: String, from: Tier, to: Tier, decision: Outcome, note: String, by: String, effective: CalendarDay?
    ) {
        self.component = component
        self.from = from
        self.to = to
        self.decision = decision
        self.note = note
        self.by = by
        self.effective = effective
    }
}

/// Reads `review.yaml` (criteria) and `reviews/<quarter>.yaml` (decisions) with located diagnostics,
/// and writes decisions by appending text so the file's comments and order survive.
public enum ReviewFiles {
    static let moveKeys = ["id", "from", "to", "kind", "criteria"]
    static let criterionKeys = ["id", "measure", "atLeast", "atMost", "required", "description"]
    static let decisionKeys = ["component", "from", "to", "decision", "note", "by", "effective"]

    /// The moves of `review.yaml`.
    public static func moves(_ file: SourceFile) -> (moves: [ReviewMove], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: "review.yaml")
        else { return ([], sink.diagnostics) }
        reader.rejectUnknownKeys(allowed: ["moves"])
        let moves =
            reader.items("moves") { item, _ -> ReviewMove? in
                item.rejectUnknownKeys(allowed: moveKeys)
                let id = item.string("id")
                let from = item.choice("from", Tier.self)
                let to = item.choice("to", Tier.self)
                let kind = item.choice("kind", MoveKind.self)
                let criteria =
                    item.items("criteria") { entry, _ -> ReviewCriterion? in
                        entry.rejectUnknownKeys(allowed: criterionKeys)
                        let id = entry.string("id")
                        let measure = entry.choice("measure", ReviewMeasure.self)
                        let atLeast = number(entry, "atLeast")
                        let atMost = number(entry, "atMost")
                        let required = entry.flag("required") ?? false
                        let description = entry.string("description", required: false) ?? ""
                        guard let id, let measure else { return nil }
                        return ReviewCriterion(
                            id: id, measure: measure, atLeast: atLeast, atMost: atMost, required: required,
                            description: description)
                    } ?? []
                guard let id, let from, let to, let kind else { return nil }
                return ReviewMove(id: id, from: from, to: to, kind: kind, criteria: criteria)
            } ?? []
        return (moves, sink.diagnostics.sortedByLocation)
    }

    private static func number(_ reader: MappingReader, _ key: String) -> Double? {
        guard let text = reader.string(key, required: false) else { return nil }
        guard let value = Double(text) else {
            reader.sink.error("bad-value", "'\(key)' must be a number, not '\(text)'", at: reader.location(key))
            return nil
        }
        return value
    }

    /// The decisions of a quarter's file, in file order (a later decision on a component wins).
    public static func decisions(_ file: SourceFile) -> (decisions: [ReviewDecision], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: file.relativePath)
        else { return ([], sink.diagnostics) }
        reader.rejectUnknownKeys(allowed: ["quarter", "decisions"])
        let decisions =
            reader.items("decisions", required: false) { item, _ -> ReviewDecision? in
                item.rejectUnknownKeys(allowed: decisionKeys)
                let component = item.string("component")
                let from = item.choice("from", Tier.self)
                let to = item.choice("to", Tier.self)
                let outcome = item.choice("decision", ReviewDecision.Outcome.self)
                let note = item.string("note")
                let by = item.string("by")
                let effective = item.day("effective", required: false)
                guard let component, let from, let to, let outcome, let note, let by else { return nil }
                return ReviewDecision(
                    component: component, from: from, to: to, decision: outcome, note: note, by: by,
                    effective: effective)
            } ?? []
        return (decisions, sink.diagnostics.sortedByLocation)
    }

    /// Whether `text` may be written as a one-line value of a decision (a note, a name): no control
    /// characters, line breaks or line separators.
    public static func isOneLine(_ text: String) -> Bool {
        !YAMLText.hasControlCharacters(text)
    }

    /// The text of a decisions file with `decision` appended (a new file when `existing` is nil).
    public static func appending(_ decision: ReviewDecision, quarter: Quarter, to existing: String?) -> String {
        var text =
            existing
            ?? "# Decisions of the \(quarter) catalog review (stackplan review decide).\nquarter: \(quarter)\ndecisions:\n"
        if !text.hasSuffix("\n") { text += "\n" }
        text += "  - component: \(decision.component)\n"
        text += "    from: \(decision.from.rawValue)\n    to: \(decision.to.rawValue)\n"
        text += "    decision: \(decision.decision.rawValue)\n"
        text += "    note: \(YAMLText.quoted(decision.note))\n    by: \(YAMLText.quoted(decision.by))\n"
        if let effective = decision.effective { text += "    effective: \(effective)\n" }
        return text
    }
}
