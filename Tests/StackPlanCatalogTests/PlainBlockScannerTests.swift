import StackPlanCore
import Testing

@testable import StackPlanCatalog

/// The plain block scanner must build exactly libyaml's tree (texts, styles, positions) for what it
/// accepts, and give up on everything else.
@Suite("Plain block scanner")
struct PlainBlockScannerTests {
    /// The tree as text: every node with its position, scalars with their style.
    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let text, let plain, let mark):
            "\(plain ? "P" : "Q")\(mark.line):\(mark.column)'\(text)'"
        case .mapping(let pairs, let mark):
            "M\(mark.line):\(mark.column){"
                + pairs.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ",") + "}"
        case .sequence(let items, let mark):
            "S\(mark.line):\(mark.column)[" + items.map(describe).joined(separator: ",") + "]"
        }
    }

    /// The scanner's tree, or `nil` when it gave up.
    static func scanned(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            var builder = YAMLTreeBuilder(streaming: nil)
            guard PlainBlockScanner.scan(bytes, into: &builder), let root = builder.root else { return nil }
            return describe(root)
        }
    }

    /// libyaml's tree, or its error.
    static func libyaml(_ text: String) -> String {
        do {
            return try EventComposer.compose(text, plainScanner: false).map(describe) ?? "empty"
        } catch {
            return "error \(error.mark.line):\(error.mark.column) \(error.message)"
        }
    }

    @Test(arguments: [
        "a: 1\nb: two words\nc: \"quoted: # text\"\n",
        "# header\n\nroot:\n  child: x\n  list:\n    - one\n    - \"two\"\n  after: y\n",
        "items:\n- id: a\n  name: b\n- id: c\nnext: 1\n",
        "- a\n- b: 1\n  c: 2\n-   d: 3\n    e:\n      - f\n",
        "  indented: root\n  second: 2\n",
        "k:    spaced\nl:\n\n  # comment inside\n     m: deep\nno-newline: end",
        "customers:\n  - id: c1\n    environments:\n      - name: prod\n        clusters:\n          - name: x\n            version: \"1.34.8\"\n            components:\n              alertmanager: \"0.32.3\"\n",
        "k: a+b/c_d.e-f\nkey with spaces: v\n2026-01-01: 10500\nk2: \"\"\n",
        "a: 1 # note\nb: \"x\"   # c\nc:   # empty so far\n  - d #\n  - e  \nf: g \n",
        "name: \"Müller GmbH\"\ncity: Zürich # Grüße\n# 東京\nlist:\n  - \"東京\"\n  - a Ωmega\n  - x😀\n",
        "url: https://example.com/a?b=c#d\na:b: c\nodd: x, y [z] {w} 'q' \"r\" @s %t `u` !v &w *x\n",
    ])
    func acceptsTheSubsetWithLibYAMLsTree(_ text: String) {
        let scanned = Self.scanned(text)
        #expect(scanned != nil, "gave up on \(text)")
        #expect(scanned == Self.libyaml(text))
    }

    @Test(arguments: [
        "a:\tb\n", "a: é\n", "a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a:\nb: 1\n",
        "a: one\n  two\n", "\"a\": 1\n", "---\na: 1\n", "a: 1\n...\n", "", "# only a comment\n", "a: 1\na: 2\n",
        "a:\n  b: 1\n c: 2\n", "a: \"x\\ty\"\n", "a:value\n", "a: 1\r\n", "- - a\n", "-\n", "- \n", "just text\n",
        "a: 'single'\n", "a: |\n  block\n", "a: -1\n", "a: \"open\n", "a: b: c\n", "? a\n: b\n",
        "a:\n  - x\n - y\n", "a: 1\n b: 2\n", "%YAML 1.2\n---\na: 1\n", "naïve: 1\n", "- ü\n",
        "a: x\u{85}y\n", "a: x\u{2028}y\n", "a: \"x\u{2029}\"\n", "a: x\u{FEFF}\n", "# \u{9F}\na: 1\n",
    ])
    func givesUpOnTheRest(_ text: String) {
        #expect(Self.scanned(text) == nil, "accepted \(text)")
    }

    @Test(arguments: [3, 11] as [UInt64])
    func readsGeneratedFleetsAsLibYAMLDoes(_ seed: UInt64) throws {
        let text = try Self.fleetText(customers: 40, seed: seed)
        let scanned = try #require(Self.scanned(text))
        #expect(scanned == Self.libyaml(text))
    }

    /// A text with every shape the scanner reads: comments, indentless lists, entries holding
    /// mappings and lists, a pending key, a URL.
    static let shapes = """
        # header
        root:
          child: x # c
          list:
            - one
            - "two"
          after: y
        items:
        - id: a
          name: b
        - id: c
          e:
          - f
          - g: 1
            h: 2
        -   k: v
        url: https://x/y#z

        """

    /// Random edits of a fleet and of ``shapes`` (characters that matter to YAML inserted,
    /// deleted or replaced): whatever the scanner still accepts, libyaml reads as the same tree.
    @Test(arguments: [true, false])
    func randomEditsNeverMakeTheTwoDisagree(fleet: Bool) throws {
        let original = Array((fleet ? try Self.fleetText(customers: 2, seed: 5) : Self.shapes).utf8)
        let alphabet = Array(" -:#\"\n\t{[]},&*!|>'%@`?ab1._/+\\é\u{85}\u{2028}ü".utf8)
        var random = SplitMix64Generator(seed: 42)
        var accepted = 0
        for _ in 0..<2000 {
            let bytes = random.edited(original, alphabet: alphabet)
            let text = String(decoding: bytes, as: UTF8.self)
            guard let scanned = Self.scanned(text) else { continue }
            accepted += 1
            #expect(scanned == Self.libyaml(text), "differs on:\n\(text)")
        }
        #expect(accepted > 100, "too few edits stayed in the subset to test anything")
    }

    /// An inventory that leaves the subset near its end is read again by libyaml: every customer
    /// counts once (none "declared twice") and the result equals the one of the all-libyaml read.
    /// The eight-bytes-at-a-time tests (a line's printable ASCII, a plain scalar's bytes) agree
    /// with a look at each byte, for every byte value at every position among printable fillers.
    @Test func aWordIsPrintableASCIIExactlyWhenEachByteIs() {
        for filler in [UInt8(ascii: " "), UInt8(ascii: "a"), UInt8(ascii: "~"), UInt8(ascii: "!")] {
            for position in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = value
                    let word = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    #expect(ByteWord.isPrintableASCII(word) == (0x20...0x7E).contains(value))
                    let plain = value > 0x20 && value != 0x7F && value != UInt8(ascii: ":")
                    #expect(PlainBlockScanner.isPlainWord(word) == (plain && filler != UInt8(ascii: " ")))
                }
            }
        }
    }

    @Test func anInventoryLeavingTheSubsetLateLoadsOnce() throws {
        let asOf = try #require(CalendarDay("2026-09-01"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        let fleet = FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: 20, seed: 9)
        let text = InventoryWriter.yaml(fleet) + "#\tthe end: a tab\n"
        #expect(Self.scanned(text) == nil)
        let result = InventoryLoader(catalog: catalog).load(
            SourceFile(path: "f.yaml", relativePath: "f.yaml", text: text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(result.inventory == fleet)
    }

    private static func fleetText(customers: Int, seed: UInt64) throws -> String {
        let asOf = try #require(CalendarDay("2026-09-01"))
        let catalog = try #require(try CatalogDirectory.load(at: repositoryRoot + "/catalog", asOf: asOf).catalog)
        return InventoryWriter.yaml(
            FleetGenerator(catalog: catalog, asOf: asOf).generate(customers: customers, seed: seed))
    }
}
