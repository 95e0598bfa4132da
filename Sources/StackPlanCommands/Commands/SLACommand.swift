import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension IncidentSeverity: ExpressibleByArgument {}

extension Instant: ExpressibleByArgument {
    /// An ISO 8601 instant with `Z` or an offset.
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

/// `stackplan sla …`: incident response targets.
public struct SLACommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract: "Incident response targets on the wall and business clocks.",
        subcommands: [Due.self, ReportCommand.self]
    )

    public init() {}
}

extension SLACommand {
    /// The formats of `sla due`: a short text or JSON.
    public enum DueFormats: FormatChoices {
        public static let formats: [OutputFormat] = [.table, .json]
        public static let defaultFormat = OutputFormat.table
    }

    /// `stackplan sla due`: when the first response to an incident is due.
    public struct Due: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "When the first response to an incident of a severity opened at an instant is due.")

        @OptionGroup public var catalog: CatalogOptions
        @Option(help: "urgent, high, normal or low.") public var severity: IncidentSeverity
        @Option(help: "When the incident was opened: ISO 8601 with Z or an offset, e.g. 2026-11-25T16:30:00-08:00.")
        public var opened: Instant
        @OptionGroup public var output: FormatOption<DueFormats>

        public init() {}

        public func run() throws {
            let loaded = try catalog.requireCatalog(asOf: opened.utcDay)
            let levels = loaded.policy.serviceLevels
            let due = levels.due(severity: severity, opened: opened)
            let target = levels.target(for: severity)
            let zone = levels.businessHours.zone
            switch output.chosen {
            case .json:
                Console.out(
                    JSONValue.object([
                        ("severity", .string(severity.rawValue)), ("opened", .string(opened.isoUTC)),
                        ("due", .string(due.isoUTC)), ("clock", .string(target.clock.rawValue)),
                    ]).serialized())
            default:
                let clock = target.clock == .wall ? "wall clock" : "business clock"
                Console.out(
                    """
                    severity: \(severity.rawValue) (\(target.minutes) minutes, \(clock))
                    opened:   \(opened.format(offset: zone.offset(at: opened))) (\(zone.identifier)) = \(opened.isoUTC)
                    due:      \(due.format(offset: zone.offset(at: due))) (\(zone.identifier)) = \(due.isoUTC)

                    """)
            }
        }
    }
}

extension SLACommand {
    /// `stackplan sla report`: the incident log against targets and credit rules.
    public struct ReportCommand: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Each incident against its response target, and credits per customer and month.")

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var inventory: InventoryOptions
        @OptionGroup public var output: FormatOption<ListingFormats>
        @Option(help: "The incident log (CSV).") public var incidents: String
        @Option(help: "Only incidents opened in this month (YYYY-MM, business time zone).") public var month: String?
        @Option(
            name: .customLong("as-of"),
            help: "Judge open incidents at this instant (ISO 8601), or at the end of this date (default: now).")
        public var asOf: String?

        public init() {}

        public func validate() throws {
            if let month, MonthKey(month) == nil { throw ValidationError("--month takes YYYY-MM, not '\(month)'") }
            if let asOf, Instant(iso: asOf) == nil, CalendarDay(asOf) == nil {
                throw ValidationError("--as-of takes an ISO 8601 instant or a date YYYY-MM-DD, not '\(asOf)'")
            }
        }

        public func run() throws {
            let now = Instant(seconds: Int(Date().timeIntervalSince1970))
            let loaded = try catalog.requireCatalog(asOf: (asOf.flatMap { CalendarDay($0) }) ?? now.utcDay)
            let levels = loaded.policy.serviceLevels
            let zone = levels.businessHours.zone
            let judged: Instant =
                if let asOf, let instant = Instant(iso: asOf) {
                    instant
                } else if let asOf, let day = CalendarDay(asOf) {
                    levels.endOfDay(day)
                } else {
                    now
                }
            let customers = try inventory.requireInventory(catalog: loaded).customers
            let log = try requireIncidents(at: incidents, customers: customers)
            let wanted = month.flatMap(MonthKey.init)
            let assessor = CreditAssessor(catalog: loaded, customers: customers, asOf: judged)
            // Without --month the log is used as it is, not copied.
            let selected =
                wanted.map { wanted in
                    log.filter { incident in
                        let day = zone.local(incident.openedAt).day
                        return MonthKey(year: day.year, month: day.month) == wanted
                    }
                } ?? log
            let (assessed, credits) = assessor.assess(selected)
            output.emit(SLAReport.make(incidents: assessed, customers: credits, asOf: judged, zone: zone))
        }
    }
}
