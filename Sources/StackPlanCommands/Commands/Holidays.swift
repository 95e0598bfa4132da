import ArgumentParser
import StackPlanCore
import StackPlanReports

/// `stackplan holidays --year Y`: the business calendar's holidays.
public struct Holidays: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "The non-business days of a year (US federal holidays with their observed days, per policy.yaml).")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var output: FormatOption<ListingFormats>
    @Option(help: "The year, such as 2027.") public var year: Int

    public init() {}

    public func validate() throws {
        guard (1900...9998).contains(year) else { throw ValidationError("--year takes 1900 to 9998, not \(year)") }
    }

    public func run() throws {
        let loaded = try catalog.requireCatalog(asOf: CalendarDay(year: year, month: 1, day: 1) ?? AsOfOption.today())
        output.emit(HolidayReport.make(loaded.policy.holidays.holidays(in: year), year: year))
    }
}
