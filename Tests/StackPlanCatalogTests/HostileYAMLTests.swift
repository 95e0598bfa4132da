import StackPlanCore
import Testing

@testable import StackPlanCatalog

/// Crafted YAML must end in a located error, quickly and in bounded memory (issue 11).
@Suite("Hostile YAML", .timeLimit(.minutes(1)))
struct HostileYAMLTests {
    /// The classic "billion laughs": nine levels of ten aliases each (470 bytes).
    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test func aBillionLaughsInACatalogFileIsALocatedError() {
        let result = CatalogFixture.load(CatalogFixture.with("components/lol.yaml", Self.billionLaughs))
        #expect(result.catalog == nil)
        let diagnostic = result.diagnostics.first { $0.location.file == "cat/components/lol.yaml" }
        #expect(diagnostic?.code == "yaml-syntax")
        #expect(diagnostic?.message.hasPrefix("aliases expand to more than 100000 nodes") == true)
        // The alias that crosses the limit: 9 + 81 + 729 + 6561 + 59049 nodes, then more.
        #expect(diagnostic?.location.line == 6)
    }

    @Test func anInventoryOfAliasedCustomersIsALocatedError() throws {
        var text = "pods:\n  - id: p\n    upgradesPerWeek: 2\ncustomers:\n"
        text += "  - &c\n    id: x\n    name: X\n    pod: p\n    monthlyFee: 1\n    environments:\n"
        text += "      - &e\n        name: prod\n        kind: production\n        clusters:\n"
        text += "          - &k {name: k, platform: eks, version: \"1.35\", components: {prometheus: \"3.13.2\"}}\n"
        text += String(repeating: "          - *k\n", count: 300)
        text += String(repeating: "      - *e\n", count: 300)
        text += String(repeating: "  - *c\n", count: 300)
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "i.yaml", relativePath: "i.yaml", text: text))
        #expect(result.inventory == nil)
        #expect(result.diagnostics.first?.message.hasPrefix("aliases expand to more than") == true)
    }

    @Test func deeplyNestedAliasesAreRefused() {
        var text = "a0: &a0 [x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [*a\(level - 1)]\n" }
        do {
            _ = try EventComposer.compose(text)
            Issue.record("nine levels of nested aliases were accepted")
        } catch {
            #expect(error.message == "alias 'a8' nests aliases more than 8 levels deep")
            #expect(error.mark.line == 10)
        }
    }

    @Test func smallAnchorsKeepWorking() throws {
        let root = try #require(try EventComposer.compose("base: &b {k: v, l: [1, 2]}\none: *b\ntwo: *b\n"))
        #expect(root["two"]?["l"]?.items?.count == 2)
    }

    @Test func aSecondDocumentIsAnError() throws {
        let catalog = try #require(CatalogFixture.load(CatalogFixture.files).catalog)
        let text = "pods: []\ncustomers: []\n---\npods: []\n"
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "i.yaml", relativePath: "i.yaml", text: text))
        #expect(result.inventory == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "i.yaml:3:1: error: a second YAML document; the file must hold exactly one [yaml-syntax]"
            ])
    }
}
