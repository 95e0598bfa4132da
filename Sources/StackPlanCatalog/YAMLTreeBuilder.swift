/// Builds a ``YAMLNode`` tree from parse events, whichever parser produced them (libyaml's event
/// parser or ``PlainBlockScanner``): open and close collections, add scalars and aliases. It
/// rejects duplicate keys, bounds what aliases expand to, and hands the items of one root list to
/// an ``EventComposer/ItemStream`` as each is complete.
///
/// A struct passed `inout`, so its stack is checked for exclusive access when compiled rather
/// than on every event.
struct YAMLTreeBuilder {
    typealias Failure = EventComposer.Failure

    /// An open collection, mutated in place on the stack.
    private struct Frame {
        let isMapping: Bool
        let mark: YAMLMark
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// Items handed to an ``EventComposer/ItemStream`` rather than kept.
        var taken = 0
        /// Nodes in this collection so far, itself included, counting what aliases expand to.
        var size = 1
        /// The deepest alias nesting inside this collection.
        var aliasDepth = 0
        /// Key texts, kept only once a mapping grows large; small mappings are scanned instead.
        var keys: Set<String>?

        /// Records `key`; `false` when the mapping already has it.
        mutating func insertKey(_ key: String) -> Bool {
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
            // Room for a small collection at once rather than growing from one by doubling (a
            // reallocation and a move each time). No more than doubling would reach for three
            // pairs or two items anyway, so a tree that is kept whole grows by little (10,000
            // customers with the pods listed last: 163 -> 166 MB).
            if isMapping { pairs.reserveCapacity(4) } else { items.reserveCapacity(2) }
        }

        var node: YAMLNode { isMapping ? .mapping(pairs, mark) : .sequence(items, mark) }
    }

    private let stream: EventComposer.ItemStream?
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int, aliasDepth: Int)] = [:]
    private var aliasNodes = 0
    /// The document's root once it is complete.
    private(set) var root: YAMLNode?

    init(streaming stream: EventComposer.ItemStream?) {
        self.stream = stream
    }

    /// Opens a mapping or a sequence at `mark`.
    mutating func open(mapping: Bool, at mark: YAMLMark, anchor: String? = nil) {
        stack.append(Frame(isMapping: mapping, mark: mark, anchor: anchor))
    }

    /// Closes the innermost open collection and adds it to its parent.
    mutating func close() -> Failure? {
        guard let frame = stack.popLast() else { return nil }
        let node = frame.node
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size, frame.aliasDepth) }
        return add(node, size: frame.size, aliasDepth: frame.aliasDepth)
    }

    /// Adds a scalar.
    mutating func scalar(_ text: String, plain: Bool, at mark: YAMLMark, anchor: String? = nil) -> Failure? {
        let node = YAMLNode.scalar(text, plain: plain, mark)
        if let anchor { anchors[anchor] = (node, 1, 0) }
        return add(node)
    }

    /// Adds what the anchor `name` names, within the alias bounds of ``EventComposer``.
    mutating func alias(_ name: String, at mark: YAMLMark) -> Failure? {
        guard let anchored = anchors[name] else {
            return Failure(message: "found undefined alias '\(name)'", mark: mark)
        }
        aliasNodes += anchored.size
        if anchored.aliasDepth + 1 > EventComposer.maxAliasDepth {
            return Failure(
                message: "alias '\(name)' nests aliases more than \(EventComposer.maxAliasDepth) levels deep",
                mark: mark)
        }
        if aliasNodes > EventComposer.maxAliasNodes {
            return Failure(
                message: "aliases expand to more than \(EventComposer.maxAliasNodes) nodes (at alias '\(name)'); "
                    + "write the values out or use fewer aliases",
                mark: mark)
        }
        return add(anchored.node, size: anchored.size, aliasDepth: anchored.aliasDepth + 1)
    }

    private mutating func add(_ node: YAMLNode, size: Int = 1, aliasDepth: Int = 0) -> Failure? {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return nil
        }
        stack[top].size += size
        stack[top].aliasDepth = max(stack[top].aliasDepth, aliasDepth)
        if !stack[top].isMapping {
            if let stream, top == 1, stack[0].isMapping, stack[0].pendingKey?.string == stream.key,
                stream.take(node, stack[top].taken + stack[top].items.count, stack[0].node)
            {
                stack[top].taken += 1
            } else {
                stack[top].items.append(node)
            }
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append((key, node))
            stack[top].pendingKey = nil
        } else {
            if let text = node.string, !stack[top].insertKey(text) {
                return Failure(message: "duplicate key '\(text)' in a mapping", mark: node.mark)
            }
            stack[top].pendingKey = node
        }
        return nil
    }
}

extension YAMLTreeBuilder: PlainScanSink {
    mutating func openCollection(mapping: Bool, at mark: YAMLMark) {
        open(mapping: mapping, at: mark)
    }

    mutating func closeCollection() -> Bool {
        close() == nil
    }

    mutating func addScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, plain: Bool, at mark: YAMLMark
    ) -> Bool {
        scalar(String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self), plain: plain, at: mark)
            == nil
    }
}
