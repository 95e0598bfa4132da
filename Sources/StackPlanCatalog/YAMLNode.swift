/// A position in a YAML file; line and column start at 1.
struct YAMLMark: Hashable, Sendable {
    let line: Int
    let column: Int
}

/// A composed YAML node with its position: the tree the catalog and inventory readers validate.
///
/// Every YAML file is composed into this tree by ``EventComposer`` (the plain block scanner for
/// texts in its subset, libyaml's events for the rest).
enum YAMLNode: Sendable {
    /// A scalar's text; `plain` when it was written without quotes.
    case scalar(String, plain: Bool, YAMLMark)
    /// Collections hold their children in an array, which is indirection enough: no case is
    /// `indirect`, so no node is boxed on the heap (a box per collection cost an allocation to
    /// build and a release to free, a tenth of reading a large inventory).
    case mapping([(key: YAMLNode, value: YAMLNode)], YAMLMark)
    case sequence([YAMLNode], YAMLMark)

    var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }

    /// The text of a scalar.
    var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// The pairs of a mapping.
    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// The items of a sequence.
    var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The value of the first key of a mapping whose text is `key`.
    subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.string == key }?.value
    }

    /// A plain `~`, `null` or empty scalar.
    var isNull: Bool {
        guard case .scalar(let text, let plain, _) = self, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
