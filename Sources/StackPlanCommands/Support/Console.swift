import Foundation
import StackPlanCatalog
import StackPlanCore

/// The terminal edge: writes results to standard output and diagnostics to standard error, or to
/// an `OutputCapture` when a command runs in-process (tests, or a server calling a command).
public enum Console {
    /// When set (for the current task), output goes here instead of the process's streams.
    @TaskLocal public static var capture: OutputCapture?

    /// Writes `text` to standard output as is.
    public static func out(_ text: String) {
        var text = text
        text.withUTF8(out(buffer:))
    }

    /// Writes a buffer of UTF-8 bytes to standard output without copying it (streamed reports).
    public static func out(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        if let capture {
            capture.append(Array(buffer), to: .standardOutput)
        } else {
            let data = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            FileHandle.standardOutput.write(data)
        }
    }

    /// Writes `text` and a newline to standard error.
    public static func err(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        if let capture {
            capture.append(bytes, to: .standardError)
        } else {
            FileHandle.standardError.write(Data(bytes))
        }
    }

    /// Large values a command is done with when the process is about to exit. Freeing a
    /// 10,000-customer plan object by object costs measurable time at exit; as a process, the
    /// command hands them here and the operating system reclaims the memory at `exit`. In-process
    /// runs (tests, the server) capture output and free them as usual.
    public static func keepUntilExit(_ values: Any...) {
        guard capture == nil else { return }
        exitKeeper.keep(values)
    }

    private static let exitKeeper = ExitKeeper()

    /// Whether output on `fd` may be coloured: a terminal, `NO_COLOR` unset or empty, and not captured.
    public static func colorEnabled(fd: Int32) -> Bool {
        guard capture == nil else { return false }
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

/// Holds values until the process exits (see `Console.keepUntilExit`).
private final class ExitKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Any] = []

    func keep(_ more: [Any]) {
        lock.lock()
        values.append(contentsOf: more)
        lock.unlock()
    }
}

/// Standard output and standard error of a command run in-process.
public final class OutputCapture: @unchecked Sendable {
    /// The two streams.
    public enum Stream: Sendable {
        case standardOutput, standardError
    }

    private let lock = NSLock()
    private var outBytes: [UInt8] = []
    private var errBytes: [UInt8] = []

    public init() {}

    func append(_ bytes: [UInt8], to stream: Stream) {
        lock.lock()
        defer { lock.unlock() }
        switch stream {
        case .standardOutput: outBytes += bytes
        case .standardError: errBytes += bytes
        }
    }

    /// What was written to standard output, byte for byte.
    public var standardOutputBytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return outBytes
    }

    /// What was written to standard output, as UTF-8 text.
    public var standardOutput: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: outBytes, as: UTF8.self)
    }

    /// What was written to standard error, as UTF-8 text.
    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errBytes, as: UTF8.self)
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
    /// A service that cannot be reached (a source URL).
    public static let unavailable: Int32 = 69
    /// A write that failed: a full disk, a directory that is not writable.
    public static let ioError: Int32 = 74
}

/// A command's failure, carrying its exit status. The entry point prints its `diagnostics`, then
/// `message` (when there is one) as `error: message`, and exits with `status`. Diagnostics of a
/// file that loaded with errors are printed where they arise, before the throw.
public struct CommandError: Error, CustomStringConvertible {
    public let status: Int32
    public let message: String?
    public let diagnostics: [Diagnostic]

    public init(status: Int32, message: String?, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.message = message
        self.diagnostics = diagnostics
    }

    /// Exit 64: bad usage (an unknown id, a malformed argument).
    public static func usage(_ message: String) -> CommandError {
        CommandError(status: ExitStatus.usage, message: message)
    }

    /// Exit 65: invalid input data; `nil` when its diagnostics were printed already.
    public static func dataError(_ message: String? = nil) -> CommandError {
        CommandError(status: ExitStatus.dataError, message: message)
    }

    /// Exit 66: an input that does not exist or cannot be read.
    public static func noInput(_ message: String) -> CommandError {
        CommandError(status: ExitStatus.noInput, message: message)
    }

    /// Exit 74: a write that failed (a full disk, a directory that is not writable).
    public static func failure(_ message: String) -> CommandError {
        CommandError(status: ExitStatus.ioError, message: message)
    }

    public var description: String { message ?? "exit \(status)" }
}

extension CommandError {
    /// An input that could not be read: 65 with the located diagnostic for a file that is not
    /// UTF-8 text, 66 for a file or directory that does not exist.
    public init(_ error: CatalogDirectoryError) {
        if case .invalidUTF8(let diagnostic) = error {
            self.init(status: ExitStatus.dataError, message: nil, diagnostics: [diagnostic])
        } else {
            self.init(status: ExitStatus.noInput, message: error.description)
        }
    }
}
