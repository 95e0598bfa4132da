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
extension OutputFormat: ExpressibleByArgument {}

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

/// The formats one command offers, and its default: the type argument of `FormatOption`.
public protocol FormatChoices {
    static var formats: [OutputFormat] { get }
    static var defaultFormat: OutputFormat { get }
}

/// The listings: table (default), JSON, CSV and Markdown.
public enum ListingFormats: FormatChoices {
    public static let formats = OutputFormat.listings
    public static let defaultFormat = OutputFormat.table
}

/// `--format F`: one of the formats `Choices` offers; any other is a usage error (exit 64).
public struct FormatOption<Choices: FormatChoices>: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: \(Choices.formats.map(\.rawValue).joined(separator: ", ")) "
                + "(default: \(Choices.defaultFormat.rawValue)).",
            valueName: "format"))
    public var format: OutputFormat?

    public init() {}

    /// The format asked for, else the command's default.
    public var chosen: OutputFormat { format ?? Choices.defaultFormat }

    public func validate() throws {
        guard let format, !Choices.formats.contains(format) else { return }
        throw ValidationError(
            "--format takes \(Choices.formats.map(\.rawValue).joined(separator: ", ")) here, not '\(format.rawValue)'")
    }

    /// Renders `report` to standard output in the chosen format (tables coloured only on a
    /// terminal without NO_COLOR). JSON, tables and CSV stream in chunks rather than as one String;
    /// the pieces of large arrays and tables are written on `parallelism`'s threads.
    public func emit(_ report: Report, parallelism: Parallelism = .serial) {
        let color = Console.colorEnabled(fd: 1)
        switch chosen {
        case .json: report.json.stream(parallelism: parallelism, toBuffers: Console.out(buffer:))
        case .table: TableRenderer(color: color).stream(report, parallelism: parallelism, to: Console.out(buffer:))
        case .csv: CSVRenderer().stream(report, parallelism: parallelism, to: Console.out(buffer:))
        default: Console.out(report.rendered(as: chosen, color: color))
        }
    }
}

/// `--projected [--through DATE]`: add minors projected from the past cadence.
public struct ProjectionOptions: ParsableArguments {
    @Flag(help: "Add minors projected from the past cadence (marked ~ and \"projected\").") public var projected = false
    @Option(help: "Project minors released up to this date, YYYY-MM-DD (default: the date + 12 months).")
    public var through: CalendarDay?

    public init() {}

    /// The last day projected releases may fall on.
    public func through(from day: CalendarDay) -> CalendarDay { through ?? day.adding(months: 12) }

    public func validate() throws {
        if through != nil, !projected { throw ValidationError("--through needs --projected") }
    }
}
