import StackPlanCore

/// What `catalog.yaml` says.
struct CatalogHeader {
    var version: Quarter?
    var title: String?
    var dataAsOf: CalendarDay?
    var dataAsOfLocation: SourceLocation
    var categories: [Category]
    var tiers: [TierObligation]
}

/// A value read from a file together with the position of a key that later cross-file checks
/// report against.
struct Located<Value> {
    let value: Value
    let location: SourceLocation
}

enum CatalogFileReaders {
    static let catalogKeys = ["version", "title", "dataAsOf", "categories", "tiers"]
    static let tierKeys = ["id", "support", "lifecycle", "upgradeGuarantee"]
    static let kubernetesReleaseKeys = [
        "releaseCycle", "releaseDate", "eoas", "eol", "latest", "latestReleaseDate", "status", "source",
    ]
    static let platformKeys = ["id", "name", "component", "endoflife", "releases"]
    /// The top-level keys of `kubernetes.yaml`.
    static let kubernetesKeys = ["endoflife", "releases"]
    static let platformReleaseKeys = ["releaseCycle", "releaseDate", "eol", "eoes", "status", "source"]

    static func header(_ file: SourceFile, sink: DiagnosticSink) -> CatalogHeader? {
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: "catalog.yaml")
        else { return nil }
        reader.rejectUnknownKeys(allowed: catalogKeys)
        var version: Quarter?
        if let text = reader.string("version") {
            version = Quarter(text)
            if version == nil {
                sink.error(
                    "bad-quarter", "'version' must be a quarter YYYY-Qn, not '\(text)'", at: reader.location("version"))
            }
        }
        var seen: Set<String> = []
        let categories =
            reader.items("categories") { item, _ -> Category? in
                item.rejectUnknownKeys(allowed: ["id", "name"])
                guard let id = item.string("id"), let name = item.string("name") else { return nil }
                guard seen.insert(id).inserted else {
                    sink.error("duplicate-id", "category '\(id)' is declared twice", at: item.location("id"))
                    return nil
                }
                return Category(id: id, name: name)
            } ?? []
        var tierSeen: Set<Tier> = []
        let tiers =
            reader.items("tiers", required: false) { item, _ -> TierObligation? in
                item.rejectUnknownKeys(allowed: tierKeys)
                let tier = item.choice("id", Tier.self)
                let support = item.string("support")
                let lifecycle = item.string("lifecycle")
                let guarantee = item.string("upgradeGuarantee")
                guard let tier, let support, let lifecycle, let guarantee else { return nil }
                guard tierSeen.insert(tier).inserted else {
                    sink.error("duplicate-id", "tier '\(tier.rawValue)' is described twice", at: item.location("id"))
                    return nil
                }
                return TierObligation(tier: tier, support: support, lifecycle: lifecycle, upgradeGuarantee: guarantee)
            } ?? []
        return CatalogHeader(
            version: version, title: reader.string("title"), dataAsOf: reader.day("dataAsOf"),
            dataAsOfLocation: reader.location("dataAsOf"), categories: categories, tiers: tiers)
    }

    static func kubernetes(_ file: SourceFile, sink: DiagnosticSink) -> [Located<KubernetesRelease>] {
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: "kubernetes.yaml")
        else { return [] }
        reader.rejectUnknownKeys(allowed: kubernetesKeys)
        var seen = DuplicateCycles(sink: sink)
        return reader.items("releases") { item, _ -> Located<KubernetesRelease>? in
            item.rejectUnknownKeys(allowed: kubernetesReleaseKeys)
            let cycle = item.cycle("releaseCycle", minorOnly: true)
            let releaseDate = item.day("releaseDate")
            let eoas = item.day("eoas", required: false)
            let eol = item.day("eol", required: false)
            let latest = item.string("latest", required: false)
            let latestDate = item.day("latestReleaseDate", required: false)
            let planned = plannedStatus(item)
            let source = item.string("source")
            guard let cycle, let releaseDate, let source, seen.insert(cycle, at: item.location("releaseCycle"))
            else { return nil }
            checkOrder(item, releaseDate, eoas, key: "eoas")
            checkOrder(item, releaseDate, eol, key: "eol")
            if let eoas, let eol, eol < eoas {
                sink.error("date-order", "'eol' \(eol) is before 'eoas' \(eoas)", at: item.location("eol"))
            }
            checkLatest(item, latest, cycle: cycle)
            let release = KubernetesRelease(
                cycle: cycle, releaseDate: releaseDate, eoas: eoas, eol: eol, latest: latest,
                latestReleaseDate: latestDate, planned: planned, source: source)
            return Located(value: release, location: item.location("releaseDate"))
        } ?? []
    }

    static func platform(_ file: SourceFile, sink: DiagnosticSink) -> (Platform, componentRef: Located<String>?)? {
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: file.relativePath)
        else { return nil }
        reader.rejectUnknownKeys(allowed: platformKeys)
        let id = reader.string("id")
        checkFileName(reader, id: id)
        let name = reader.string("name")
        let component = reader.string("component", required: false)
        var seen = DuplicateCycles(sink: sink)
        let releases =
            reader.items("releases") { item, _ -> PlatformRelease? in
                item.rejectUnknownKeys(allowed: platformReleaseKeys)
                let cycle = item.cycle("releaseCycle", minorOnly: true)
                let releaseDate = item.day("releaseDate")
                let eol = item.day("eol", required: false)
                let eoes = item.day("eoes", required: false)
                let planned = plannedStatus(item)
                let source = item.string("source")
                guard let cycle, let releaseDate, let source, seen.insert(cycle, at: item.location("releaseCycle"))
                else { return nil }
                checkOrder(item, releaseDate, eol, key: "eol")
                if let eoes {
                    if let eol, eoes < eol {
                        sink.error("date-order", "'eoes' \(eoes) is before 'eol' \(eol)", at: item.location("eoes"))
                    } else if eol == nil {
                        sink.error(
                            "missing-key", "'eoes' needs an 'eol' (end of standard support)", at: item.location("eoes"))
                    }
                }
                return PlatformRelease(
                    cycle: cycle, releaseDate: releaseDate, eol: eol, eoes: eoes, planned: planned, source: source)
            } ?? []
        guard let id, let name else { return nil }
        let reference = component.map { Located(value: $0, location: reader.location("component")) }
        return (Platform(id: id, name: name, component: component, releases: releases), reference)
    }

    /// `status` may only be `planned`.
    static func plannedStatus(_ item: MappingReader) -> Bool {
        guard let status = item.string("status", required: false) else { return false }
        guard status == "planned" else {
            item.sink.error(
                "bad-value", "'status' can only be 'planned', not '\(status)'", at: item.location("status"))
            return false
        }
        return true
    }

    static func checkOrder(_ item: MappingReader, _ releaseDate: CalendarDay, _ date: CalendarDay?, key: String) {
        guard let date, date < releaseDate else { return }
        item.sink.error(
            "eol-before-release", "'\(key)' \(date) is before 'releaseDate' \(releaseDate)", at: item.location(key))
    }

    static func checkLatest(_ item: MappingReader, _ latest: String?, cycle: VersionNumber) {
        guard let latest else { return }
        guard let version = VersionNumber(version: latest), version.belongs(to: cycle) else {
            item.sink.error(
                "latest-mismatch", "'latest' \(latest) is not a version of cycle \(cycle)", at: item.location("latest"))
            return
        }
    }

    /// A platform's or component's `id` must equal its file name.
    static func checkFileName(_ reader: MappingReader, id: String?) {
        guard let id else { return }
        let fileName = reader.file.relativePath.split(separator: "/").last.map(String.init) ?? ""
        let expected = "\(id).yaml"
        if fileName != expected {
            reader.sink.error(
                "id-mismatch", "id '\(id)' does not match the file name '\(fileName)' (expected '\(expected)')",
                at: reader.location("id"))
        }
    }
}

/// Reports a release cycle listed twice in one file.
struct DuplicateCycles {
    let sink: DiagnosticSink
    private var seen: Set<VersionNumber> = []

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    mutating func insert(_ cycle: VersionNumber, at location: SourceLocation) -> Bool {
        guard seen.insert(cycle).inserted else {
            sink.error("duplicate-cycle", "release cycle \(cycle) is listed twice", at: location)
            return false
        }
        return true
    }
}
