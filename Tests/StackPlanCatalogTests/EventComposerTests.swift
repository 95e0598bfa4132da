import Testing

@testable import StackPlanCatalog

@Suite("Event composer")
struct EventComposerTests {
    private func compose(_ text: String) -> (YAMLNode?, String?) {
        do {
            return (try EventComposer.compose(text), nil)
        } catch {
            return (nil, "\(error.mark.line):\(error.mark.column): \(error.message)")
        }
    }

    @Test func composesMappingsSequencesAndScalarsWithPositions() throws {
        let (node, failure) = compose("a: 1\nb:\n  - x\n  - \"y\"\nc: ~\n")
        #expect(failure == nil)
        let root = try #require(node)
        #expect(root["a"]?.string == "1")
        #expect(root["b"]?.items?.map { $0.string ?? "" } == ["x", "y"])
        #expect(root["b"]?.items?.last?.mark == YAMLMark(line: 4, column: 5))
        #expect(root["c"]?.isNull == true)
        if case .scalar(_, let plain, _) = try #require(root["b"]?.items?.last) { #expect(!plain) }
    }

    /// Items of the streamed list reach the callback in order with their indices and the root's
    /// earlier keys; the ones it takes are left out of the tree, the others kept. The flow list
    /// makes the plain scanner give up after the items: the stream restarts once and sees them again.
    @Test func streamsTheItemsOfOneRootList() throws {
        nonisolated(unsafe) var seen: [(String, Int, [String])] = []
        nonisolated(unsafe) var restarts = 0
        let restart = {
            seen.removeAll()
            restarts += 1
        }
        let stream = EventComposer.ItemStream(key: "items", restart: restart) { item, index, root in
            seen.append((item["id"]?.string ?? "", index, root.pairs?.compactMap(\.key.string) ?? []))
            return index % 2 == 0
        }
        let text = "before: 1\nitems:\n  - id: a\n  - id: b\n  - id: c\nother: [x]\nafter:\n  - id: z\n"
        let root = try #require(try EventComposer.compose(text, streaming: stream))
        #expect(restarts == 1)
        #expect(seen.map(\.0) == ["a", "b", "c"] && seen.map(\.1) == [0, 1, 2])
        #expect(seen.allSatisfy { $0.2 == ["before"] })
        #expect(root["items"]?.items?.compactMap { $0["id"]?.string } == ["b"])
        #expect(root["after"]?.items?.count == 1 && root["other"]?.items?.count == 1)
    }

    @Test func resolvesAliases() throws {
        let root = try #require(compose("base: &b {k: v}\ncopy: *b\n").0)
        #expect(root["copy"]?["k"]?.string == "v")
    }

    @Test(arguments: [
        ("a: 1\na: 2\n", "2:1: duplicate key 'a' in a mapping"),
        ("a: [1, 2\n", "2:1: while parsing a flow sequence, did not find expected ',' or ']'"),
        ("a: *missing\n", "1:4: found undefined alias 'missing'"),
        ("a:\n  b: 1\n c: 2\n", "3:2: while parsing a block mapping, did not find expected key"),
    ])
    func reportsProblemsWithTheirPosition(_ text: String, _ expected: String) {
        let (node, failure) = compose(text)
        #expect(node == nil)
        #expect(failure == expected)
    }

    @Test func anEmptyTextHasNoRoot() {
        let (node, failure) = compose("")
        #expect(node == nil && failure == nil)
    }

    @Test func largeMappingsStillCatchDuplicates() {
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        #expect(compose(keys + "k7: again\n").1 == "41:1: duplicate key 'k7' in a mapping")
        #expect(compose(keys).1 == nil)
    }
}

@Suite("YAML text")
struct YAMLTextTests {
    @Test(arguments: ["plain", "say \"hi\"", "back\\slash", "two\nlines\tand a tab", "Gantry — übung"])
    func quotedScalarsReadBackUnchanged(_ text: String) throws {
        let node = try #require(try EventComposer.compose("key: \(YAMLText.quoted(text))\n"))
        #expect(node["key"]?.string == text)
    }
}

@Suite("YAML quoting of control characters")
struct YAMLQuotingTests {
    @Test(arguments: [
        "plain", "quote \" and \\ backslash", "crlf\r\nline", "nel\u{85}x", "ls\u{2028}ps\u{2029}", "esc\u{1B}[0m",
        "del\u{7F}c1\u{9B}", "bom\u{FEFF}", "tab\tend", "emoji 🚀 and é",
    ])
    func aQuotedValueReadsBackExactly(_ text: String) throws {
        let yaml = "key: \(YAMLText.quoted(text))\nnext: 1\n"
        let root = try #require(try EventComposer.compose(yaml))
        #expect(root["key"]?.string == text)
        #expect(root["next"]?.mark.line == 2)
    }
}
