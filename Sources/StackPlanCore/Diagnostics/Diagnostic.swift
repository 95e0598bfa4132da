/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A position in an input file; line and column start at 1.
public struct SourceLocation: Hashable, Codable, Sendable, Comparable {
    /// The file path as given to the loader.
    public let file: String
    /// The line, 1-based.
    public let line: Int
    /// The column, 1-based (counted in Unicode scalars); 0 when only the line is known (CSV rows).
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line` when there is no column.
    public var position: String {
        column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A problem found in input data: collected, never thrown, so a user sees every problem at once.
public struct Diagnostic: Hashable, Codable, Sendable {
    /// Error or warning.
    public let severity: Severity
    /// A stable kebab-case code, such as `unknown-key`.
    public let code: String
    /// One sentence, lower-case start, no final period.
    public let message: String
    /// Where the problem is; a file-level problem has line and column 1.
    public let location: SourceLocation

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:column: error: message [code]` (`path:line:` when there is no column).
    public var description: String {
        "\(location.position): \(severity.rawValue): \(message) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then message, for stable output.
    public var sortedByLocation: [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
