import StackPlanCore
import Yams

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
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    /// The first position of the file, for file-level problems.
    var start: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }

    /// Composes the YAML node tree with Yams, reporting syntax errors with their position.
    func compose(into sink: DiagnosticSink) -> YAMLNode? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                sink.error("empty-file", "the file is empty", at: start)
                return nil
            }
            return Self.convert(node)
        } catch let error as YamlError {
            let (message, line, column) = Self.describe(error)
            sink.error("yaml-syntax", message, at: SourceLocation(file: path, line: line, column: column))
            return nil
        } catch {
            sink.error("yaml-syntax", "cannot read YAML: \(error)", at: start)
            return nil
        }
    }

    /// Composes the YAML node tree straight from libyaml's events (fast, for large files).
    func composeFromEvents(into sink: DiagnosticSink) -> YAMLNode? {
        do {
            guard let node = try EventComposer.compose(text) else {
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

    private static func convert(_ node: Node) -> YAMLNode {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar): return .scalar(scalar.string, plain: scalar.style == .plain, mark)
        case .mapping(let mapping): return .mapping(mapping.map { (convert($0.key), convert($0.value)) }, mark)
        case .sequence(let sequence): return .sequence(sequence.map(convert), mark)
        case .alias: return .scalar("", plain: false, mark)
        }
    }

    private static func describe(_ error: YamlError) -> (String, Int, Int) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text), " } ?? ""
            return (prefix + problem, mark.line, mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys) in a mapping", context.mark.line, context.mark.column)
        case let .reader(problem, _, _, _):
            return ("cannot read the file: \(problem)", 1, 1)
        default:
            return ("cannot read YAML: \(error)", 1, 1)
        }
    }
}
