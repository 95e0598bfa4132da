import StackPlanCore

extension InventoryLoader {
    /// What the loader looks up in its catalog, made once per loader.
    final class Tables: Sendable {
        let catalog: Catalog
        /// Each platform's name and minors, looked up once per cluster.
        let platforms: [String: (name: String, minors: Set<VersionNumber>)]
        let componentIds: Set<String>
        /// The platform ids by their bytes (the tape's lookup, no String made), numbered as
        /// `platformList` holds each id and its minors.
        let platformIndex: ByteStringTable
        let platformList: [(id: String, minors: Set<VersionNumber>)]
        /// The component ids by their bytes, numbered as `componentList` holds them.
        let componentIndex: ByteStringTable
        let componentList: [String]

        init(catalog: Catalog) {
            self.catalog = catalog
            self.platforms = Dictionary(
                catalog.platforms.map { ($0.id, (name: $0.name, minors: Set($0.releases.map(\.cycle)))) }
            ) { first, _ in first }
            self.componentIds = Set(catalog.components.map(\.id))
            // A repeated id keeps its first number (and entry).
            var platformIndex = ByteStringTable()
            var platformList: [(id: String, minors: Set<VersionNumber>)] = []
            for var platform in catalog.platforms.map(\.id)
            where platform.withUTF8({ platformIndex.insert($0).inserted }) {
                platformList.append((platform, platforms[platform]?.minors ?? []))
            }
            var componentIndex = ByteStringTable()
            var componentList: [String] = []
            for var component in catalog.components.map(\.id)
            where component.withUTF8({ componentIndex.insert($0).inserted }) {
                componentList.append(component)
            }
            (self.platformIndex, self.platformList) = (platformIndex, platformList)
            (self.componentIndex, self.componentList) = (componentIndex, componentList)
        }
    }

    public init(catalog: Catalog) {
        self.tables = Tables(catalog: catalog)
    }
}
