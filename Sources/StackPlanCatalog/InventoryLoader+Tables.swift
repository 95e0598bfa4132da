import StackPlanCore

extension InventoryLoader {
    /// What the loader looks up in its catalog, made once per loader: the platforms and the
    /// component ids, found by the bytes of an id (the tape's lookup, no String made) or by a
    /// String (the node tree's), through the same table.
    final class Tables: Sendable {
        /// A platform as an inventory refers to it.
        struct KnownPlatform: Sendable {
            let id: String
            let name: String
            /// The minors of its releases.
            let minors: Set<VersionNumber>
        }

        let catalog: Catalog
        private let platformIndex: ByteStringTable
        private let platforms: [KnownPlatform]
        private let componentIndex: ByteStringTable
        /// The catalog's own id Strings, numbered as `componentIndex` numbers their bytes.
        private let componentIds: [String]

        init(catalog: Catalog) {
            self.catalog = catalog
            (platformIndex, platforms) = Self.numbered(
                catalog.platforms.map {
                    ($0.id, KnownPlatform(id: $0.id, name: $0.name, minors: Set($0.releases.map(\.cycle))))
                })
            (componentIndex, componentIds) = Self.numbered(catalog.components.map { ($0.id, $0.id) })
        }

        /// The platform whose id is written in `bytes`.
        func platform(_ bytes: UnsafeBufferPointer<UInt8>) -> KnownPlatform? {
            platformIndex.index(of: bytes).map { platforms[$0] }
        }

        /// The platform with id `id`.
        func platform(_ id: String) -> KnownPlatform? {
            var id = id
            return id.withUTF8 { platform($0) }
        }

        /// The catalog's id of the component whose id is written in `bytes`.
        func componentId(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            componentIndex.index(of: bytes).map { componentIds[$0] }
        }

        /// Whether the catalog has a component `id`.
        func isComponent(_ id: String) -> Bool {
            var id = id
            return id.withUTF8 { componentIndex.index(of: $0) != nil }
        }

        /// `entries` numbered by the bytes of their ids; a repeated id keeps its first entry.
        private static func numbered<Value>(_ entries: [(id: String, value: Value)]) -> (ByteStringTable, [Value]) {
            var index = ByteStringTable()
            var values: [Value] = []
            for (id, value) in entries {
                var id = id
                if id.withUTF8({ index.insert($0).inserted }) { values.append(value) }
            }
            return (index, values)
        }
    }

    public init(catalog: Catalog) {
        self.tables = Tables(catalog: catalog)
    }
}
