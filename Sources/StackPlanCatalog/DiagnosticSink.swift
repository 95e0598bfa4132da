import StackPlanCore

/// Collects diagnostics while one catalog or inventory is read.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ code: String, _ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, code, message, at: location))
    }

    func warning(_ code: String, _ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, code, message, at: location))
    }

    func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}

/// A YAML file's text together with the path used in diagnostics.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in diagnostics (as the user gave it, joined with the file's relative path).
    public let path: String
    /// The path relative to the catalog directory, with `/` separators.
    public let relativePath: String
    /// The file's text.
    public let text: String

    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
    }

    /// The location of a node in this file (line 1, column 1 when there is no node).
    func location(of node: YAMLNode?) -> SourceLocation {
        guard let mark = node?.mark else { return start }
        return location(at: mark)
    }

    /// The location of `mark` in this file.
    func location(at mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    /// The first position of the file, for file-level problems.
    var start: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }

    /// Composes the YAML node tree (``EventComposer``: the plain block scanner, else libyaml's
    /// events), reporting syntax errors with their position. Every YAML file (catalog, inventory,
    /// review) is read this way; the libyaml is the one the binary links (the system's). With
    /// `stream`, the items of one list under the root are handed over as they are composed
    /// (``EventComposer/ItemStream``); `plainScanner: false` goes to libyaml straight away.
    func compose(
        into sink: DiagnosticSink, streaming stream: EventComposer.ItemStream? = nil, plainScanner: Bool = true
    ) -> YAMLNode? {
        do {
            guard let node = try EventComposer.compose(text, streaming: stream, plainScanner: plainScanner) else {
                sink.error("empty-file", "the file is empty", at: start)
                return nil
            }
            return node
        } catch {
            sink.error(
                "yaml-syntax", error.message,
                at: SourceLocation(file: path, line: error.mark.line, column: error.mark.column))
            return nil
        }
    }
}
