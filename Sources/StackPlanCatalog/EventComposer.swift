import CLibYAML

/// Composes the YAML document of a text into a ``YAMLNode`` tree from libyaml's event parser: no
/// tag resolution and no intermediate objects, so a 16 MB inventory reads in a fraction of a
/// second. Duplicate keys, undefined aliases and a second document are errors.
///
/// Aliases are bounded so a crafted file ("billion laughs") cannot exhaust time or memory: at most
/// `maxAliasNodes` nodes may be produced by aliases in one document, and an alias may refer to a
/// node holding aliases at most `maxAliasDepth` levels deep. Past either limit the alias is an
/// error at its position.
enum EventComposer {
    /// Nodes that aliases may produce in one document (an alias of a node with n nodes counts n).
    static let maxAliasNodes = 100_000
    /// How deeply aliases may nest (an alias of a node that holds aliases of nodes that hold …).
    static let maxAliasDepth = 8
    struct Failure: Error {
        let message: String
        let mark: YAMLMark
    }

    /// The items of one list under the root mapping (the inventory's customers), handed over one
    /// by one as each is composed, so a reader can decode an item and let its nodes go instead of
    /// holding the whole tree.
    struct ItemStream {
        /// The root mapping's key whose list is streamed.
        let key: String
        /// Called with each complete item, its index in the list and the root mapping as composed
        /// so far (the keys before this list); returns whether it took the item. A taken item is
        /// left out of the tree; the others stay in the list as usual.
        let take: (_ item: YAMLNode, _ index: Int, _ root: YAMLNode) -> Bool
    }

    /// An open collection; a class so appends mutate in place (no copy per item).
    private final class Frame {
        let isMapping: Bool
        let mark: YAMLMark
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// Items handed to an ``ItemStream`` rather than kept.
        var taken = 0
        /// Nodes in this collection so far, itself included, counting what aliases expand to.
        var size = 1
        /// The deepest alias nesting inside this collection.
        var aliasDepth = 0
        /// Key texts, kept only once a mapping grows large; small mappings are scanned instead.
        var keys: Set<String>?

        /// Records `key`; `false` when the mapping already has it.
        func insertKey(_ key: String) -> Bool {
            if keys == nil, pairs.count < 16 {
                return !pairs.contains { $0.key.string == key }
            }
            if keys == nil { keys = Set(pairs.compactMap(\.key.string)) }
            return keys?.insert(key).inserted ?? true
        }

        init(isMapping: Bool, mark: YAMLMark, anchor: String?) {
            self.isMapping = isMapping
            self.mark = mark
            self.anchor = anchor
        }

        var node: YAMLNode { isMapping ? .mapping(pairs, mark) : .sequence(items, mark) }
    }

    /// The document's root, `nil` for an empty text.
    static func compose(_ text: String, streaming stream: ItemStream? = nil) throws(Failure) -> YAMLNode? {
        var copy = text
        let result: Result<YAMLNode?, Failure> = copy.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Failure(message: "cannot start the YAML parser", mark: YAMLMark(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return run(&parser, stream: stream)
        }
        return try result.get()
    }

    private static func run(_ parser: inout yaml_parser_t, stream: ItemStream?) -> Result<YAMLNode?, Failure> {
        var stack: [Frame] = []
        var anchors: [String: (node: YAMLNode, size: Int, aliasDepth: Int)] = [:]
        var root: YAMLNode?
        var documents = 0
        var aliasNodes = 0
        var event = yaml_event_t()

        func add(_ node: YAMLNode, size: Int = 1, aliasDepth: Int = 0) -> Failure? {
            guard let top = stack.last else {
                root = node
                return nil
            }
            top.size += size
            top.aliasDepth = max(top.aliasDepth, aliasDepth)
            if !top.isMapping {
                if let stream, stack.count == 2, stack[0].isMapping, stack[0].pendingKey?.string == stream.key,
                    stream.take(node, top.taken + top.items.count, stack[0].node)
                {
                    top.taken += 1
                } else {
                    top.items.append(node)
                }
            } else if let key = top.pendingKey {
                top.pairs.append((key, node))
                top.pendingKey = nil
            } else {
                if let text = node.string, !top.insertKey(text) {
                    return Failure(message: "duplicate key '\(text)' in a mapping", mark: node.mark)
                }
                top.pendingKey = node
            }
            return nil
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(failure(parser)) }
            defer { yaml_event_delete(&event) }
            let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var failed: Failure?
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = YAMLNode.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark)
                if let anchor = string(scalar.anchor) { anchors[anchor] = (node, 1, 0) }
                failed = add(node)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, mark: mark, anchor: string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, mark: mark, anchor: string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node = frame.node
                if let anchor = frame.anchor { anchors[anchor] = (node, frame.size, frame.aliasDepth) }
                failed = add(node, size: frame.size, aliasDepth: frame.aliasDepth)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    return .failure(Failure(message: "found undefined alias '\(name)'", mark: mark))
                }
                aliasNodes += anchored.size
                if anchored.aliasDepth + 1 > maxAliasDepth {
                    return .failure(
                        Failure(
                            message: "alias '\(name)' nests aliases more than \(maxAliasDepth) levels deep",
                            mark: mark))
                }
                if aliasNodes > maxAliasNodes {
                    return .failure(
                        Failure(
                            message: "aliases expand to more than \(maxAliasNodes) nodes (at alias '\(name)'); "
                                + "write the values out or use fewer aliases",
                            mark: mark))
                }
                failed = add(anchored.node, size: anchored.size, aliasDepth: anchored.aliasDepth + 1)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        Failure(message: "a second YAML document; the file must hold exactly one", mark: mark))
                }
            case YAML_STREAM_END_EVENT:
                return .success(root)
            default:
                break
            }
            if let failed { return .failure(failed) }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error as "context, problem" at the problem's position.
    private static func failure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) + ", " } ?? ""
        return Failure(
            message: context + problem,
            mark: YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
    }
}
