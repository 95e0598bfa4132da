import StackPlanCore

/// Renders an upgrade plan as one RFC 5545 calendar: an all-day event per due date and an event
/// per planned window.
///
/// - UIDs are derived from customer, cluster, step and kind, so re-importing an updated plan
///   updates the same events.
/// - `SEQUENCE` is the number of days from 2000-01-01 to the plan date: a plan made later carries a
///   higher sequence, so calendar clients take its (possibly moved) windows over the old ones.
/// - `DTSTAMP` is the plan date at 00:00 UTC, not the moment of the run, so the same inputs give
///   the same bytes.
public struct ICalendarRenderer: Sendable {
    public init() {}

    /// The sequence of every event of a plan made on `day`.
    static func sequence(_ day: CalendarDay) -> Int {
        max(0, (CalendarDay(year: 2000, month: 1, day: 1) ?? day).days(until: day))
    }

    /// The calendar; for a plan reduced to one `customer`, the calendar is named after it.
    public func render(_ plan: UpgradePlan, customer: String? = nil) -> String {
        let name =
            customer.map { id in
                "StackPlan upgrade plan: \(plan.customers.first { $0.id == id }?.name ?? id)"
            } ?? "StackPlan upgrade plan"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//StackPlan//Upgrade plan//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(Self.escape(name))",
        ]
        let stamp = Self.date(plan.asOf) + "T000000Z"
        let sequence = Self.sequence(plan.asOf)
        for item in plan.clusters {
            for step in item.steps {
                let what = StepText.describe(step)
                let subject = step.component.map { ".\($0)" } ?? ""
                let base =
                    "\(item.customer).\(item.cluster.name).\(step.action.rawValue)\(subject).\(step.from)-\(step.to ?? "none")"
                if let due = step.due {
                    lines += event(
                        uid: "\(base).due@stackplan", stamp: stamp, sequence: sequence, start: due,
                        end: due.adding(days: 1),
                        summary: "Due: \(item.customer)/\(item.cluster.name) \(what)", description: step.reason)
                }
                if let start = step.plannedStart, let end = step.plannedEnd {
                    lines += event(
                        uid: "\(base).window@stackplan", stamp: stamp, sequence: sequence, start: start,
                        end: end.adding(days: 1),
                        summary: "Planned: \(item.customer)/\(item.cluster.name) \(what)", description: step.reason)
                }
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(
        uid: String, stamp: String, sequence: Int, start: CalendarDay, end: CalendarDay, summary: String,
        description: String
    )
        -> [String]
    {
        [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
            "DTSTART;VALUE=DATE:\(Self.date(start))",
            "DTEND;VALUE=DATE:\(Self.date(end))", "SUMMARY:\(Self.escape(summary))",
            "DESCRIPTION:\(Self.escape(description))", "TRANSP:TRANSPARENT", "END:VEVENT",
        ]
    }

    static func date(_ day: CalendarDay) -> String {
        day.description.replacingAll("-", with: "")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
