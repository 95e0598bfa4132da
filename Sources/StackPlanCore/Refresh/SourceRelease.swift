/// A date field as a lifecycle source states it: a date, "no date yet" (`false`), or "ended, date
/// unknown" (`true`).
public enum SourceDate: Hashable, Sendable {
    case date(CalendarDay)
    case notYet
    case endedUnknown
}

/// One release cycle as endoflife.date states it (a product file or an API v1 response).
public struct SourceRelease: Hashable, Sendable {
    public let cycle: VersionNumber
    public let releaseDate: CalendarDay?
    public let eoas: SourceDate?
    public let eol: SourceDate?
    public let eoes: SourceDate?
    public let latest: String?
    public let latestReleaseDate: CalendarDay?

    public init(
        cycle: VersionNumber, releaseDate: CalendarDay?, eoas: SourceDate? = nil, eol: SourceDate? = nil,
        eoes: SourceDate? = nil, latest: String? = nil, latestReleaseDate: CalendarDay? = nil
    ) {
        self.cycle = cycle
        self.releaseDate = releaseDate
        self.eoas = eoas
        self.eol = eol
        self.eoes = eoes
        self.latest = latest
        self.latestReleaseDate = latestReleaseDate
    }

    /// What the source says of `field` as catalog text: a date or a version, no value (absent or
    /// `false`), or `keep` for "ended, date unknown" (which the catalog cannot hold).
    public func value(of field: RefreshField) -> RefreshValue {
        func date(_ value: SourceDate?) -> RefreshValue {
            switch value {
            case .date(let day)?: .text(day.description)
            case .notYet?, nil: .none
            case .endedUnknown?: .keep
            }
        }
        switch field {
        case .releaseDate: return releaseDate.map { .text($0.description) } ?? .none
        case .eoas: return date(eoas)
        case .eol: return date(eol)
        case .eoes: return date(eoes)
        case .latest: return latest.map { .text($0) } ?? .none
        case .latestReleaseDate: return latestReleaseDate.map { .text($0.description) } ?? .none
        }
    }

    /// The newest date the source states as a fact (release or newest patch).
    public var newestFact: CalendarDay? {
        [releaseDate, latestReleaseDate].compactMap { $0 }.max()
    }
}

/// What the source says of one field.
public enum RefreshValue: Hashable, Sendable {
    /// This value.
    case text(String)
    /// No value (not stated, or "no date yet").
    case none
    /// Something the catalog cannot hold ("ended, date unknown"): the catalog keeps its value.
    case keep
}

/// The release fields a refresh tracks, in the order they are written.
public enum RefreshField: String, CaseIterable, Codable, Sendable {
    case releaseDate, eoas, eol, eoes, latest, latestReleaseDate

    /// The fields each kind of catalog file holds.
    public static func tracked(in kind: RefreshFileKind) -> [RefreshField] {
        switch kind {
        case .kubernetes: [.releaseDate, .eoas, .eol, .latest, .latestReleaseDate]
        case .platform: [.releaseDate, .eol, .eoes]
        case .component: [.releaseDate, .eol, .latest]
        }
    }
}

/// The kinds of catalog file a refresh edits.
public enum RefreshFileKind: String, Sendable {
    case kubernetes, platform, component
}
