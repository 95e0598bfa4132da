import StackPlanCore

/// Reads typed values out of one YAML mapping, reporting each problem at the node it concerns.
struct MappingReader {
    let node: YAMLNode
    let pairs: [(key: YAMLNode, value: YAMLNode)]
    let file: SourceFile
    let sink: DiagnosticSink
    /// The name of this mapping, or of the list it is an item of.
    private let contextName: String
    /// The item's position in that list.
    private let contextIndex: Int?

    /// Where this mapping sits, for messages (`releases[2]`); built only when a message needs it.
    var context: String {
        contextIndex.map { "\(contextName)[\($0)]" } ?? contextName
    }

    /// Wraps `node` when it is a mapping; otherwise reports a type error and returns `nil`.
    init?(_ node: YAMLNode, in file: SourceFile, sink: DiagnosticSink, context: String, index: Int? = nil) {
        self.contextName = context
        self.contextIndex = index
        guard let pairs = node.pairs else {
            let place = index.map { "\(context)[\($0)]" } ?? context
            sink.error("wrong-type", "\(place) must be a mapping", at: file.location(of: node))
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.file = file
        self.sink = sink
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed key.
    func rejectUnknownKeys(allowed: [String]) {
        for (key, _) in pairs {
            guard let name = key.string else {
                sink.error("wrong-type", "keys of \(context) must be strings", at: file.location(of: key))
                continue
            }
            // Lengths first: comparing the texts of keys of another length is wasted.
            guard !allowed.contains(where: { $0.utf8.count == name.utf8.count && $0 == name }) else { continue }
            let hint = Self.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            sink.error("unknown-key", "unknown key '\(name)' in \(context)\(hint)", at: file.location(of: key))
        }
    }

    /// The location of the value of `key`, else of the mapping.
    func location(_ key: String) -> SourceLocation {
        file.location(of: node[key] ?? node)
    }

    /// The raw node of `key`, reporting a missing required key.
    func value(_ key: String, required: Bool) -> YAMLNode? {
        if let value = node[key], !value.isNull { return value }
        if required {
            sink.error("missing-key", "\(context) is missing required key '\(key)'", at: file.location(of: node))
        }
        return nil
    }

    /// A scalar's text.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.string else {
            sink.error("wrong-type", "'\(key)' in \(context) must be a single value", at: file.location(of: value))
            return nil
        }
        guard !text.isEmpty else {
            sink.error("wrong-type", "'\(key)' in \(context) must not be empty", at: file.location(of: value))
            return nil
        }
        return text
    }

    /// A `YYYY-MM-DD` date.
    func day(_ key: String, required: Bool = true) -> CalendarDay? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = CalendarDay(text) else {
            sink.error("bad-date", "'\(key)' must be a date YYYY-MM-DD, not '\(text)'", at: location(key))
            return nil
        }
        return day
    }

    /// A release cycle; `minorOnly` demands exactly `MAJOR.MINOR`.
    func cycle(_ key: String, required: Bool = true, minorOnly: Bool = false) -> VersionNumber? {
        guard let text = string(key, required: required) else { return nil }
        guard let cycle = VersionNumber(cycle: text), !minorOnly || cycle.partCount == 2 else {
            let shape = minorOnly ? "a Kubernetes minor such as \"1.36\"" : "dotted numbers such as \"3.4\""
            sink.error("bad-cycle", "'\(key)' must be \(shape), not '\(text)'", at: location(key))
            return nil
        }
        return cycle
    }

    /// An optional `true`/`false` (only those two spellings).
    func flag(_ key: String) -> Bool? {
        guard let text = string(key, required: false) else { return nil }
        guard let flag = Self.flag(text) else {
            sink.error("bad-value", "'\(key)' must be true or false, not '\(text)'", at: location(key))
            return nil
        }
        return flag
    }

    /// `true` or `false` as written, `nil` for any other text.
    static func flag(_ text: String) -> Bool? {
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// A value from a closed set.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let code = T.self == Tier.self ? "unknown-tier" : "bad-value"
            sink.error(code, "unknown \(key) '\(text)'; expected one of \(allowed)", at: location(key))
            return nil
        }
        return value
    }

    /// A sequence's items.
    func sequence(_ key: String, required: Bool = true) -> [YAMLNode]? {
        guard let value = value(key, required: required) else { return nil }
        guard let items = value.items else {
            sink.error("wrong-type", "'\(key)' in \(context) must be a list", at: file.location(of: value))
            return nil
        }
        return items
    }

    /// Reads each item of a list of mappings.
    func items<T>(_ key: String, required: Bool = true, _ read: (MappingReader, Int) -> T?) -> [T]? {
        guard let nodes = sequence(key, required: required) else { return nil }
        return nodes.enumerated().compactMap { index, item in
            MappingReader(item, in: file, sink: sink, context: key, index: index).flatMap { read($0, index) }
        }
    }

    /// The allowed key within edit distance 2 of `name`, if any.
    static func closest(to name: String, in candidates: [String]) -> String? {
        candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
