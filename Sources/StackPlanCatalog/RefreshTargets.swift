import StackPlanCore

/// A catalog file that follows an endoflife.date product (`endoflife: <product>`), with its
/// releases as a refresh compares them.
public struct RefreshTarget: Sendable {
    public let file: SourceFile
    public let kind: RefreshFileKind
    /// The component or platform id, or `kubernetes`.
    public let id: String
    /// The endoflife.date product.
    public let product: String
    public let tracked: [TrackedRelease]

    /// Every catalog file of `files` that names a product, in path order.
    public static func all(in files: [SourceFile]) -> [RefreshTarget] {
        files.compactMap(target).sorted { $0.file.relativePath < $1.file.relativePath }
    }

    private static func target(_ file: SourceFile) -> RefreshTarget? {
        let kind: RefreshFileKind
        if file.relativePath == "kubernetes.yaml" {
            kind = .kubernetes
        } else if file.relativePath.hasPrefix("platforms/") {
            kind = .platform
        } else if file.relativePath.hasPrefix("components/") {
            kind = .component
        } else {
            return nil
        }
        let sink = DiagnosticSink()
        guard let root = file.compose(into: sink), let product = root["endoflife"]?.string else { return nil }
        let id = kind == .kubernetes ? "kubernetes" : root["id"]?.string ?? file.relativePath
        let fields = RefreshField.tracked(in: kind)
        let tracked = (root["releases"]?.items ?? []).compactMap { item -> TrackedRelease? in
            guard let text = item["releaseCycle"]?.string, let cycle = VersionNumber(cycle: text) else { return nil }
            var values: [RefreshField: String] = [:]
            for field in fields { if let value = item[field.rawValue]?.string { values[field] = value } }
            let source = item["source"]?.string ?? ""
            return TrackedRelease(
                cycle: cycle, values: values, planned: item["status"]?.string == "planned",
                curated: !source.contains("endoflife") || item["note"] != nil)
        }
        return RefreshTarget(file: file, kind: kind, id: id, product: product, tracked: tracked)
    }
}
