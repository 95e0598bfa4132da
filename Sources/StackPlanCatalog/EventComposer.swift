import CLibYAML

/// Composes the YAML document of a text into a ``YAMLNode`` tree, with ``PlainBlockScanner`` when
/// the text is in its subset and from libyaml's event parser otherwise: no tag resolution and no
/// intermediate objects, so a 16 MB inventory reads in a fraction of a second. Duplicate keys,
/// undefined aliases and a second document are errors.
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
        /// Called when the items handed so far are void: the text is read again from the start.
        let restart: () -> Void

        init(
            key: String, restart: @escaping () -> Void = {},
            take: @escaping (_ item: YAMLNode, _ index: Int, _ root: YAMLNode) -> Bool
        ) {
            self.key = key
            self.restart = restart
            self.take = take
        }
    }

    /// The document's root, `nil` for an empty text.
    ///
    /// A text in the plain block subset that generated and hand-kept inventories use (see
    /// ``PlainBlockScanner``) is read by that scanner, at a fraction of libyaml's cost; any other
    /// text, and every text with a problem, by libyaml, so what is accepted and every message are
    /// libyaml's. When the scanner gives up after handing items to `stream`, the stream's
    /// `restart` runs before libyaml hands them over again.
    static func compose(
        _ text: String, streaming stream: ItemStream? = nil, plainScanner: Bool = true
    ) throws(Failure) -> YAMLNode? {
        var copy = text
        let result: Result<YAMLNode?, Failure> = copy.withUTF8 { bytes in
            if plainScanner {
                var builder = YAMLTreeBuilder(streaming: stream)
                if PlainBlockScanner.scan(bytes, into: &builder) { return .success(builder.root) }
                stream?.restart()
            }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Failure(message: "cannot start the YAML parser", mark: YAMLMark(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var builder = YAMLTreeBuilder(streaming: stream)
            return run(&parser, into: &builder)
        }
        return try result.get()
    }

    /// Feeds libyaml's events to `builder` up to the end of the stream or the first problem.
    private static func run(
        _ parser: inout yaml_parser_t, into builder: inout YAMLTreeBuilder
    ) -> Result<YAMLNode?, Failure> {
        var documents = 0
        var event = yaml_event_t()
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
                failed = builder.scalar(
                    text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: mark, anchor: string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                builder.open(mapping: false, at: mark, anchor: string(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                builder.open(mapping: true, at: mark, anchor: string(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                failed = builder.close()
            case YAML_ALIAS_EVENT:
                failed = builder.alias(string(event.data.alias.anchor) ?? "", at: mark)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        Failure(message: "a second YAML document; the file must hold exactly one", mark: mark))
                }
            case YAML_STREAM_END_EVENT:
                return .success(builder.root)
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
