import Foundation
import Testing

@testable import StackPlanCatalog

/// The JSON Schemas under Docs/schema must accept exactly the keys the loader accepts.
@Suite("JSON Schemas")
struct SchemaTests {
    private func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Docs/schema/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func keys(_ object: [String: Any], _ path: [String] = []) throws -> [String] {
        var node = object
        for step in path {
            let next = try #require(node[step] as? [String: Any], "no \(step)")
            node = next
        }
        let properties = try #require(node["properties"] as? [String: Any])
        return properties.keys.sorted()
    }

    @Test func catalogSchemaMatchesTheLoader() throws {
        #expect(try keys(schema("catalog.schema.json")) == CatalogFileReaders.catalogKeys.sorted())
    }

    @Test func kubernetesSchemaMatchesTheLoader() throws {
        let schema = try schema("kubernetes.schema.json")
        #expect(try keys(schema) == CatalogFileReaders.kubernetesKeys.sorted())
        #expect(
            try keys(schema, ["properties", "releases", "items"]) == CatalogFileReaders.kubernetesReleaseKeys.sorted())
    }

    @Test func platformSchemaMatchesTheLoader() throws {
        let schema = try schema("platform.schema.json")
        #expect(try keys(schema) == CatalogFileReaders.platformKeys.sorted())
        #expect(
            try keys(schema, ["properties", "releases", "items"]) == CatalogFileReaders.platformReleaseKeys.sorted())
    }

    @Test func componentSchemaMatchesTheLoader() throws {
        let schema = try schema("component.schema.json")
        #expect(try keys(schema) == CatalogFileReaders.componentKeys.sorted())
        #expect(
            try keys(schema, ["properties", "releases", "items"]) == CatalogFileReaders.componentReleaseKeys.sorted())
    }
}

@Suite("Inventory JSON Schema")
struct InventorySchemaTests {
    @Test func inventorySchemaMatchesTheLoader() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Docs/schema/inventory.schema.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func properties(_ node: [String: Any]) throws -> [String: Any] {
            try #require(node["properties"] as? [String: Any])
        }
        func items(_ node: [String: Any], _ key: String) throws -> [String: Any] {
            let property = try #require(try properties(node)[key] as? [String: Any])
            return try #require(property["items"] as? [String: Any])
        }
        let customer = try items(root, "customers")
        let environment = try items(customer, "environments")
        let cluster = try items(environment, "clusters")
        #expect(try properties(root).keys.sorted() == InventoryLoader.rootKeys.sorted())
        #expect(try properties(try items(root, "pods")).keys.sorted() == InventoryLoader.podKeys.sorted())
        #expect(try properties(customer).keys.sorted() == InventoryLoader.customerKeys.sorted())
        #expect(try properties(environment).keys.sorted() == InventoryLoader.environmentKeys.sorted())
        #expect(try properties(cluster).keys.sorted() == InventoryLoader.clusterKeys.sorted())
        #expect(try properties(try items(customer, "waivers")).keys.sorted() == InventoryLoader.waiverKeys.sorted())
    }
}
