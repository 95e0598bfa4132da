import StackPlanCore

/// Renders an upgrade plan as one RFC 5545 calendar: an all-day event per due date and an event
/// per planned window. UIDs are derived from customer, cluster, step and kind, so re-importing an
/// updated plan updates the same events.
public struct ICalendarRenderer: Sendable {
    public init() {}

    public func render(_ plan: UpgradePlan) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//StackPlan//Upgrade plan//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:StackPlan upgrade plan",
        ]
        let stamp = Self.date(plan.asOf) + "T000000Z"
        for item in plan.clusters {
            for step in item.steps {
                let what =
                    "\(step.action.rawValue)\(step.component.map { " \($0)" } ?? "") \(step.from) → \(step.to ?? "?")"
                let subject = step.component.map { ".\($0)" } ?? ""
                let base =
                    "\(item.customer).\(item.cluster.name).\(step.action.rawValue)\(subject).\(step.from)-\(step.to ?? "none")"
                if let due = step.due {
                    lines += event(
                        uid: "\(base).due@stackplan", stamp: stamp, start: due, end: due.adding(days: 1),
                        summary: "Due: \(item.customer)/\(item.cluster.name) \(what)", description: step.reason)
                }
                if let start = step.plannedStart, let end = step.plannedEnd {
                    lines += event(
                        uid: "\(base).window@stackplan", stamp: stamp, start: start, end: end.adding(days: 1),
                        summary: "Planned: \(item.customer)/\(item.cluster.name) \(what)", description: step.reason)
                }
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(
        uid: String, stamp: String, start: CalendarDay, end: CalendarDay, summary: String, description: String
    )
        -> [String]
    {
        [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(Self.date(start))",
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
