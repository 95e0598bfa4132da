import ArgumentParser
import StackPlanCore
import StackPlanReports

/// `stackplan releases`: Kubernetes minors and their status on a date.
public struct Releases: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "releases",
        abstract: "Every Kubernetes minor on a platform (upstream when omitted) with its status on a date.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var output: FormatOption<ListingFormats>
    @Option(help: "A platform id from the catalog (default: the upstream calendar).") public var platform: String?
    @OptionGroup public var projection: ProjectionOptions

    public init() {}

    public func run() throws {
        let day = asOf.day
        let known = try catalog.requireCatalog(asOf: day)
        let loaded = projection.projected ? known.withProjections(through: projection.through(from: day)) : known
        let releases: [PlatformRelease]
        let name: String
        if let platform {
            let found = try loaded.requirePlatform(platform)
            releases = found.releases
            name = found.name
        } else {
            releases = loaded.upstreamReleases
            name = "upstream Kubernetes"
        }
        let standings = ReleaseCalendar(releases: releases, supportedMinors: loaded.policy.supportedMinors).standings(
            on: day)
        output.emit(CatalogReports.releases(standings, platformName: name, asOf: day))
    }
}

extension Catalog {
    /// The platform with `id`, or a usage error (exit 64) naming the known ones.
    func requirePlatform(_ id: String) throws -> Platform {
        guard let found = platform(id) else {
            throw ValidationError("unknown platform '\(id)'; known: \(platforms.map(\.id).joined(separator: ", "))")
        }
        return found
    }
}

/// `stackplan compat`: which release of each component supports a Kubernetes minor.
public struct Compat: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compat",
        abstract: "For each component, the newest cycle that supports a Kubernetes minor.")

    @OptionGroup public var catalog: CatalogOptions
    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var output: FormatOption<ListingFormats>
    @Option(help: "The Kubernetes minor, such as 1.35.") public var kubernetes: VersionNumber
    @Option(help: "Only components offered on this platform.") public var platform: String?

    public init() {}

    public func validate() throws {
        guard kubernetes.partCount == 2,
            !kubernetes.text.split(separator: ".").contains(where: { $0.count > 1 && $0.first == "0" })
        else {
            throw ValidationError("--kubernetes takes a minor such as 1.35, not '\(kubernetes)'")
        }
    }

    public func run() throws {
        let loaded = try catalog.requireCatalog(asOf: asOf.day)
        if let platform { _ = try loaded.requirePlatform(platform) }
        let entries = loaded.compatibility(kubernetes: kubernetes, platform: platform)
        output.emit(CatalogReports.compat(entries, kubernetes: kubernetes, platform: platform))
    }
}
