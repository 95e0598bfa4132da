import StackPlanCore

/// Renders an upgrade plan as one RFC 5545 calendar: an all-day event per due date and an event
/// per planned window.
///
/// - UIDs are a hash of customer, cluster, step and kind (no user text in them), so re-importing
///   an updated plan updates the same events.
/// - Text properties are escaped per RFC 5545 on Unicode scalars (a CRLF inside a name cannot start
///   a new property) and lines are folded at 75 octets.
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
                        uid: Self.uid(base + ".due"), stamp: stamp, sequence: sequence, start: due,
                        end: due.adding(days: 1),
                        summary:
                            "\(step.projected ? "Projected due" : "Due"): \(item.customer)/\(item.cluster.name) \(what)",
                        description: step.reason)
                }
                if let window = step.window {
                    lines += [
                        "BEGIN:VEVENT", "UID:\(Self.uid(base + ".window"))", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                        "DTSTART:\(Self.utc(window.start))", "DTEND:\(Self.utc(window.end))",
                        "SUMMARY:\(Self.escape("\(step.projected ? "Projected" : "Planned"): \(item.customer)/\(item.cluster.name) \(what)"))",
                        "DESCRIPTION:\(Self.escape(step.reason + " (maintenance window, \(window.zone))"))",
                        "END:VEVENT",
                    ]
                } else if let start = step.plannedStart, let end = step.plannedEnd {
                    lines += event(
                        uid: Self.uid(base + ".window"), stamp: stamp, sequence: sequence, start: start,
                        end: end.adding(days: 1),
                        summary:
                            "\(step.projected ? "Projected" : "Planned"): \(item.customer)/\(item.cluster.name) \(what)",
                        description: step.reason)
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

    /// `20260905T070000Z`.
    static func utc(_ instant: Instant) -> String {
        instant.isoUTC.replacingAll("-", with: "").replacingAll(":", with: "")
    }

    static func date(_ day: CalendarDay) -> String {
        day.description.replacingAll("-", with: "")
    }

    /// `<32 hex digits>@stackplan`: the first half of the SHA-256 of the event's key.
    static func uid(_ key: String) -> String {
        String(SHA256.hex(key.utf8).prefix(32)) + "@stackplan"
    }

    /// RFC 5545 TEXT: backslash, `;` and `,` escaped, every line break (LF, CR, CRLF, NEL, LS,
    /// PS) as `\n`, other control characters dropped (TEXT allows none but the tab).
    static func escape(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\t": out += "\t"
            case "\n" where previous == "\r": continue
            default:
                if TextSafety.isLineBreak(scalar) {
                    out += "\\n"
                } else if !TextSafety.isControl(scalar) {
                    out.unicodeScalars.append(scalar)
                }
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
