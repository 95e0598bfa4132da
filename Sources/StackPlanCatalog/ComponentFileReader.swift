import StackPlanCore

/// The ids a component file may refer to.
struct CatalogReferences {
    /// The declared categories; `nil` when catalog.yaml could not be read, which skips the check.
    let categories: Set<String>?
    let platforms: Set<String>
}

extension CatalogFileReaders {
    static let componentKeys = [
        "id", "name", "category", "tier", "role", "platforms", "upstream", "endoflife", "charts", "history",
        "releases",
    ]
    static let componentReleaseKeys = ["releaseCycle", "releaseDate", "eol", "latest", "kubernetes", "source"]

    static func component(_ file: SourceFile, references: CatalogReferences, sink: DiagnosticSink) -> Component? {
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: file.relativePath)
        else { return nil }
        reader.rejectUnknownKeys(allowed: componentKeys)
        let id = reader.string("id")
        checkFileName(reader, id: id)
        let name = reader.string("name")
        let category = reader.string("category")
        if let category, let categories = references.categories, !categories.contains(category) {
            let known = categories.sorted().joined(separator: ", ")
            sink.error(
                "unknown-category", "unknown category '\(category)'; catalog.yaml declares: \(known)",
                at: reader.location("category"))
        }
        let tier = reader.choice("tier", Tier.self)
        let role = reader.choice("role", ComponentRole.self, required: false)
        let platforms = platformList(reader, known: references.platforms)
        let upstream = reader.string("upstream")
        if let upstream, !(upstream.hasPrefix("https://") || upstream.hasPrefix("http://")) {
            sink.error(
                "bad-value", "'upstream' must be an http(s) URL, not '\(upstream)'", at: reader.location("upstream"))
        }
        let history = tierHistory(reader, current: tier)
        var seen = DuplicateCycles(sink: sink)
        let releases =
            reader.items("releases", required: false) { item, _ -> ComponentRelease? in
                componentRelease(item, seen: &seen)
            } ?? []
        let charts =
            reader.items("charts", required: false) { item, _ -> HelmChart? in
                item.rejectUnknownKeys(allowed: ["name", "version"])
                guard let name = item.string("name") else { return nil }
                return HelmChart(
                    name: name,
                    version: item.choice("version", HelmChart.VersionSource.self, required: false) ?? .appVersion)
            } ?? []
        guard let id, let name, let category, let tier, let upstream else { return nil }
        return Component(
            id: id, name: name, category: category, tier: tier, role: role, platforms: platforms,
            upstream: upstream, history: history, releases: releases, charts: charts)
    }

    private static func platformList(_ reader: MappingReader, known: Set<String>) -> [String]? {
        guard let nodes = reader.sequence("platforms", required: false) else { return nil }
        return nodes.compactMap { node in
            guard let id = node.string else {
                reader.sink.error(
                    "wrong-type", "'platforms' must list platform ids", at: reader.file.location(of: node))
                return nil
            }
            if !known.contains(id) {
                reader.sink.error(
                    "unknown-platform", "unknown platform '\(id)'; known: \(known.sorted().joined(separator: ", "))",
                    at: reader.file.location(of: node))
            }
            return id
        }
    }

    private static func tierHistory(_ reader: MappingReader, current: Tier?) -> [TierChange] {
        var previous: Quarter?
        let history =
            reader.items("history") { item, _ -> TierChange? in
                item.rejectUnknownKeys(allowed: ["quarter", "tier", "note"])
                let text = item.string("quarter")
                let quarter = text.flatMap { Quarter($0) }
                if let text, quarter == nil {
                    item.sink.error(
                        "bad-quarter", "'quarter' must be YYYY-Qn, not '\(text)'", at: item.location("quarter"))
                }
                let tier = item.choice("tier", Tier.self)
                let note = item.string("note")
                guard let quarter, let tier, let note else { return nil }
                if let previous, quarter <= previous {
                    item.sink.error(
                        "history-order", "history is not ascending: \(quarter) follows \(previous)",
                        at: item.location("quarter"))
                }
                previous = quarter
                return TierChange(quarter: quarter, tier: tier, note: note)
            } ?? []
        if let current, let last = history.last, last.tier != current {
            let location = reader.file.location(of: reader.node["history"]?.items?.last?["tier"])
            reader.sink.error(
                "history-tier",
                "the last history entry's tier '\(last.tier.rawValue)' is not the current tier '\(current.rawValue)'",
                at: location)
        }
        if let nodes = reader.node["history"]?.items, nodes.isEmpty {
            reader.sink.error("missing-key", "'history' needs at least one entry", at: reader.location("history"))
        }
        return history
    }

    private static func componentRelease(_ item: MappingReader, seen: inout DuplicateCycles) -> ComponentRelease? {
        item.rejectUnknownKeys(allowed: componentReleaseKeys)
        let cycle = item.cycle("releaseCycle")
        let releaseDate = item.day("releaseDate")
        let eol = item.day("eol", required: false)
        let latest = item.string("latest", required: false)
        let range = kubernetesRange(item)
        let source = item.string("source")
        guard let cycle, let releaseDate, let source, seen.insert(cycle, at: item.location("releaseCycle"))
        else { return nil }
        checkOrder(item, releaseDate, eol, key: "eol")
        checkLatest(item, latest, cycle: cycle)
        return ComponentRelease(
            cycle: cycle, releaseDate: releaseDate, eol: eol, latest: latest, kubernetes: range, source: source)
    }

    private static func kubernetesRange(_ item: MappingReader) -> KubernetesRange? {
        guard let node = item.value("kubernetes", required: false),
            let range = MappingReader(node, in: item.file, sink: item.sink, context: "\(item.context).kubernetes")
        else { return nil }
        range.rejectUnknownKeys(allowed: ["min", "max"])
        let min = range.cycle("min", required: false, minorOnly: true)
        let max = range.cycle("max", required: false, minorOnly: true)
        if let min, let max, max < min {
            item.sink.error(
                "inverted-range", "Kubernetes range is inverted: min \(min) is above max \(max)",
                at: range.location("min"))
            return nil
        }
        return KubernetesRange(min: min, max: max)
    }
}
