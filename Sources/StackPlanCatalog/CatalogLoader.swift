import StackPlanCore

/// The outcome of reading a catalog: the catalog when there were no errors, and every diagnostic.
public struct CatalogLoadResult: Sendable {
    /// The catalog, or `nil` when any error was found.
    public let catalog: Catalog?
    /// Every problem found, sorted by location.
    public let diagnostics: [Diagnostic]
}

/// Turns the files of a catalog directory into a validated ``Catalog``.
///
/// The loader collects every problem instead of stopping at the first: YAML syntax, unknown keys,
/// wrong types, bad dates and cycles, duplicates, unknown references, date order, history order,
/// files in the wrong place, and (as warnings) stale data measured against `asOf`.
public struct CatalogLoader: Sendable {
    /// Files the catalog directory may hold at its top level besides the two folders.
    public static let topLevelFiles: Set<String> = ["catalog.yaml", "kubernetes.yaml", "policy.yaml", "review.yaml"]
    /// Folders whose YAML files are read.
    public static let folders: Set<String> = ["components", "platforms", "reviews"]

    public init() {}

    /// Validates `files` (paths relative to the catalog directory) as of `asOf`.
    public func load(files: [SourceFile], asOf: CalendarDay) -> CatalogLoadResult {
        let sink = DiagnosticSink()
        let placed = checkPlacement(files, sink: sink)
        let header = placed.catalog.flatMap { CatalogFileReaders.header($0, sink: sink) }
        let kubernetes = placed.kubernetes.map { CatalogFileReaders.kubernetes($0, sink: sink) } ?? []
        let policy = placed.policy.map { CatalogFileReaders.policy($0, sink: sink) } ?? .standard
        // Each loaded value keeps its file, so a duplicate id names the right one even when an
        // earlier file failed to load.
        let loadedPlatforms = placed.platforms.compactMap { file in
            CatalogFileReaders.platform(file, sink: sink).map { (value: $0, file: file) }
        }
        let platforms = loadedPlatforms.map(\.value)
        let references = CatalogReferences(
            categories: header.map { Set($0.categories.map(\.id)) }, platforms: Set(platforms.map(\.0.id)))
        let loadedComponents = placed.components.compactMap { file in
            CatalogFileReaders.component(file, references: references, sink: sink).map { (value: $0, file: file) }
        }
        let components = loadedComponents.map(\.value)
        checkDuplicateIds(loadedPlatforms.map { ($0.value.0.id, $0.file) }, kind: "platform", sink: sink)
        checkDuplicateIds(loadedComponents.map { ($0.value.id, $0.file) }, kind: "component", sink: sink)
        let componentIds = Set(components.map(\.id))
        for (_, reference) in platforms {
            if let reference, !componentIds.contains(reference.value) {
                sink.error("unknown-component", "unknown component '\(reference.value)'", at: reference.location)
            }
        }
        if let header {
            checkFreshness(
                header, kubernetes: kubernetes, asOf: asOf, staleAfterDays: policy.staleAfterDays, sink: sink)
        }
        if let review = placed.review { sink.append(contentsOf: ReviewFiles.moves(review).diagnostics) }
        for file in placed.decisions {
            let (decisions, diagnostics) = ReviewFiles.decisions(file)
            sink.append(contentsOf: diagnostics)
            for decision in decisions where !componentIds.contains(decision.component) {
                sink.error(
                    "unknown-component", "a decision names unknown component '\(decision.component)'", at: file.start)
            }
        }

        let diagnostics = sink.diagnostics.sortedByLocation
        guard !diagnostics.hasErrors, let header, let version = header.version, let title = header.title,
            let dataAsOf = header.dataAsOf
        else { return CatalogLoadResult(catalog: nil, diagnostics: diagnostics) }
        let catalog = Catalog(
            version: version, title: title, dataAsOf: dataAsOf, categories: header.categories,
            kubernetes: kubernetes.map(\.value), platforms: platforms.map(\.0), components: components,
            policy: policy, tiers: header.tiers)
        return CatalogLoadResult(catalog: catalog, diagnostics: diagnostics)
    }

    private struct PlacedFiles {
        var catalog: SourceFile?
        var kubernetes: SourceFile?
        var policy: SourceFile?
        var review: SourceFile?
        var decisions: [SourceFile] = []
        var platforms: [SourceFile] = []
        var components: [SourceFile] = []
    }

    private func checkPlacement(_ files: [SourceFile], sink: DiagnosticSink) -> PlacedFiles {
        var placed = PlacedFiles()
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            let parts = file.relativePath.split(separator: "/").map(String.init)
            let name = parts.last ?? ""
            if name.hasSuffix(".yml") {
                sink.error("misplaced-file", "catalog files end in '.yaml', not '.yml'", at: file.start)
                continue
            }
            guard name.hasSuffix(".yaml") else { continue }
            switch (parts.count, parts.first) {
            case (1, _) where name == "catalog.yaml": placed.catalog = file
            case (1, _) where name == "kubernetes.yaml": placed.kubernetes = file
            case (1, _) where name == "policy.yaml": placed.policy = file
            case (1, _) where name == "review.yaml": placed.review = file
            case (1, _) where Self.topLevelFiles.contains(name): continue
            case (2, "components"): placed.components.append(file)
            case (2, "platforms"): placed.platforms.append(file)
            case (2, "reviews"): placed.decisions.append(file)
            default:
                let hint =
                    parts.count == 1
                    ? "component files belong in components/, platform files in platforms/"
                    : "only components/, platforms/ and reviews/ hold YAML files, one level deep"
                sink.error("misplaced-file", "'\(file.relativePath)' is in the wrong place: \(hint)", at: file.start)
            }
        }
        let root = files.first.map { String($0.path.dropLast($0.relativePath.count)) } ?? ""
        if placed.catalog == nil {
            sink.error(
                "missing-file", "the catalog has no catalog.yaml",
                at: SourceLocation(file: root + "catalog.yaml", line: 1, column: 1))
        }
        if placed.kubernetes == nil {
            sink.error(
                "missing-file", "the catalog has no kubernetes.yaml",
                at: SourceLocation(file: root + "kubernetes.yaml", line: 1, column: 1))
        }
        return placed
    }

    private func checkDuplicateIds(_ entries: [(String, SourceFile)], kind: String, sink: DiagnosticSink) {
        var seen: Set<String> = []
        for (id, file) in entries where !seen.insert(id).inserted {
            sink.error("duplicate-id", "\(kind) id '\(id)' is used by more than one file", at: file.start)
        }
    }

    private func checkFreshness(
        _ header: CatalogHeader, kubernetes: [Located<KubernetesRelease>], asOf: CalendarDay, staleAfterDays: Int,
        sink: DiagnosticSink
    ) {
        if let dataAsOf = header.dataAsOf, dataAsOf.days(until: asOf) > staleAfterDays {
            sink.warning(
                "stale-data",
                "the catalog's data is \(dataAsOf.days(until: asOf)) days old on \(asOf) (dataAsOf \(dataAsOf)); "
                    + "run 'stackplan catalog refresh' to check endoflife.date for newer facts",
                at: header.dataAsOfLocation)
        }
        for located in kubernetes where located.value.planned && located.value.releaseDate < asOf {
            sink.warning(
                "planned-passed",
                "Kubernetes \(located.value.cycle) is still 'planned' but its target date \(located.value.releaseDate) "
                    + "has passed on \(asOf); 'stackplan catalog refresh' marks it released once the source has it",
                at: located.location)
        }
    }
}
