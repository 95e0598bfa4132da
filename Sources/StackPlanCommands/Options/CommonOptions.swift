import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanReports

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension VersionNumber: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(cycle: argument)
    }
}

extension Tier: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `--catalog DIR`, defaulting to `$STACKPLAN_CATALOG`, then `./catalog`.
public struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: "The catalog directory (default: $STACKPLAN_CATALOG, else ./catalog).")
    public var catalog: String?

    public init() {}

    /// The directory to read.
    public var directory: String {
        if let catalog { return catalog }
        if let fromEnvironment = ProcessInfo.processInfo.environment["STACKPLAN_CATALOG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "catalog"
    }

    /// Loads and validates the catalog; prints errors and exits 65 when it is invalid.
    ///
    /// - Parameter printWarnings: whether warnings are printed too (only `catalog validate` wants them).
    public func load(asOf: CalendarDay, printWarnings: Bool = false) throws -> CatalogLoadResult {
        let result: CatalogLoadResult
        do {
            result = try CatalogDirectory.load(at: directory, asOf: asOf)
        } catch {
            throw CommandError(error)
        }
        Console.print(printWarnings ? result.diagnostics : result.diagnostics.filter { $0.severity == .error })
        return result
    }

    /// The valid catalog, or exit 65 after printing its errors.
    public func requireCatalog(asOf: CalendarDay) throws -> Catalog {
        guard let catalog = try load(asOf: asOf).catalog else { throw CommandError.dataError() }
        return catalog
    }
}

/// `--as-of YYYY-MM-DD`, defaulting to today's date in the local time zone.
public struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The date to evaluate on, YYYY-MM-DD (default: today).")
    public var asOf: CalendarDay?

    public init() {}

    /// The date given, else today.
    public var day: CalendarDay { asOf ?? Self.today() }

    /// Today's date in the local time zone.
    public static func today() -> CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDay(dayNumber: 0)
    }
}

/// `--format table|json|csv|markdown`.
public struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    public var format: ReportFormat = .table

    public init() {}

    /// Renders `report` to standard output (tables coloured only on a terminal without NO_COLOR).
    public func emit(_ report: Report) {
        Console.out(format.render(report, color: Console.colorEnabled(fd: 1)))
    }
}
