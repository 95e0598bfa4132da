import ArgumentParser
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
        subcommands: [Due.self]
    )

    public init() {}
}

extension SLACommand {
    /// The formats of `sla due`.
    public enum DueFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
        case table, json
    }

    /// `stackplan sla due`: when the first response to an incident is due.
    public struct Due: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "When the first response to an incident of a severity opened at an instant is due.")

        @OptionGroup public var catalog: CatalogOptions
        @Option(help: "urgent, high, normal or low.") public var severity: IncidentSeverity
        @Option(help: "When the incident was opened: ISO 8601 with Z or an offset, e.g. 2026-11-25T16:30:00-08:00.")
        public var opened: Instant
        @Option(help: "Output format: table or json.") public var format: DueFormat = .table

        public init() {}

        public func run() throws {
            let loaded = try catalog.requireCatalog(asOf: opened.utcDay)
            let levels = loaded.policy.serviceLevels
            let due = levels.due(severity: severity, opened: opened)
            let target = levels.target(for: severity)
            let zone = levels.businessHours.zone
            switch format {
            case .json:
                Console.out(
                    JSONValue.object([
                        ("severity", .string(severity.rawValue)), ("opened", .string(opened.isoUTC)),
                        ("due", .string(due.isoUTC)), ("clock", .string(target.clock.rawValue)),
                    ]).serialized())
            case .table:
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
