import Foundation
import StackPlanCore

/// The terminal edge: writes results to standard output and diagnostics to standard error.
public enum Console {
    /// Writes `text` to standard output as is.
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes UTF-8 bytes to standard output as they are (large reports skip building a String).
    public static func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { FileHandle.standardOutput.write(Data(buffer: $0)) }
    }

    /// Writes `text` and a newline to standard error.
    public static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether output on `fd` may be coloured: a terminal, and `NO_COLOR` unset or empty.
    public static func colorEnabled(fd: Int32) -> Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return noColor.isEmpty && isatty(fd) != 0
    }

    /// Prints diagnostics to standard error, errors in red and warnings in yellow on a terminal.
    public static func print(_ diagnostics: [Diagnostic]) {
        let color = colorEnabled(fd: 2)
        for diagnostic in diagnostics {
            guard color else {
                err(diagnostic.description)
                continue
            }
            let code = diagnostic.severity == .error ? "31" : "33"
            err(
                "\(diagnostic.location.position): \u{1B}[1;\(code)m\(diagnostic.severity.rawValue):"
                    + "\u{1B}[0m \(diagnostic.message) [\(diagnostic.code)]")
        }
    }
}

/// Exit statuses, from sysexits(3).
public enum ExitStatus {
    /// Bad usage: unknown option, malformed argument.
    public static let usage: Int32 = 64
    /// Invalid input data: a catalog or inventory with errors.
    public static let dataError: Int32 = 65
    /// An input file or directory that does not exist or cannot be read.
    public static let noInput: Int32 = 66
}
