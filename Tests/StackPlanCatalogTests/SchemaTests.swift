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
