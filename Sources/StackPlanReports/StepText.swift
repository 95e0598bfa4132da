import StackPlanCore

/// How a plan step is named in human views: what moves, from what to what.
public enum StepText {
    /// `istio 1.24.6 → 1.29.9`, `control plane 1.31 → 1.32`, `migration 1.31 → 1.36`,
    /// `nodes 1.34 → 1.36`; a move with nowhere to go reads `→ no release`.
    public static func describe(_ step: PlanStep) -> String {
        let subject: String =
            switch step.action {
            case .upgradeComponent: step.component ?? "component"
            case .upgradeControlPlane: "control plane"
            case .migrateCluster: "migration"
            case .upgradeNodes: "nodes"
            }
        return "\(subject) \(step.from) → \(step.to ?? "no release")"
    }

    /// The planned start as human formats show it: the window in its local time and zone
    /// (`2026-09-05 02:00–06:00 America/Chicago`), else the day; `-` when not planned.
    public static func start(_ step: PlanStep) -> String {
        var text = ""
        start(window: step.window, day: step.plannedStart, to: &text)
        return text
    }

    /// Appends ``start(_:)``'s text for a step planned in `window`, else on `day`, to `text`.
    static func start(window: PlannedWindow?, day: CalendarDay?, to text: inout some TextAppending) {
        if let window {
            text.append(local(window))
        } else if let day {
            text.append(day)
        } else {
            text.append("-")
        }
    }

    /// `2026-09-05 02:00–06:00 America/Chicago` (the end's day too when it differs).
    static func local(_ window: PlannedWindow) -> String {
        let start = window.start.format(offset: window.offset)
        let end = window.end.format(offset: window.offset)
        let endText =
            start.prefix(10) == end.prefix(10)
            ? String(end.dropFirst(11).prefix(5)) : end.prefix(10) + " " + end.dropFirst(11).prefix(5)
        return "\(start.prefix(10)) \(start.dropFirst(11).prefix(5))–\(endText) \(window.zone)"
    }

    /// The due date as human formats show it: `~2027-08-18` when the step is projected (an
    /// estimate), `-` when there is none.
    public static func due(_ step: PlanStep) -> String {
        var text = ""
        due(step.due, projected: step.projected, to: &text)
        return text
    }

    /// Appends ``due(_:)``'s text for a step due on `due` (an estimate when `projected`) to `text`.
    static func due(_ due: CalendarDay?, projected: Bool, to text: inout some TextAppending) {
        guard let due else { return text.append("-") }
        if projected { text.append("~") }
        text.append(due)
    }
}
