import Foundation
import StackPlanCore

/// Errors reading a catalog directory from disk.
public enum CatalogDirectoryError: Error, CustomStringConvertible, Equatable {
    /// The directory does not exist or is not a directory.
    case notADirectory(String)
    /// A file is not UTF-8 text (binary, or another encoding): invalid input data, located at
    /// its first bad byte (`invalid-utf8`).
    case invalidUTF8(Diagnostic)
    /// An input file does not exist.
    case notAFile(String)
    /// A directory where a file is expected.
    case isADirectory(String)
    /// A file where a directory is expected (the catalog, or its `components/`, `platforms/` or
    /// `reviews/` folder).
    case isAFile(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "catalog directory '\(path)' does not exist"
        case .invalidUTF8(let diagnostic): diagnostic.description
        case .notAFile(let path): "file '\(path)' does not exist"
        case .isADirectory(let path): "'\(path)' is a directory, not a file"
        case .isAFile(let path): "'\(path)' is a file, not a directory"
        }
    }
}

/// Reads a whole text file as UTF-8 (validated, native: fast to scan). A file that is not UTF-8
/// throws `.invalidUTF8` located at its first bad byte.
public func readText(atPath path: String) throws(CatalogDirectoryError) -> String {
    let data = try readFile(atPath: path, options: [])
    if let text = String(validating: data, as: UTF8.self) { return text }
    throw .invalidUTF8(UTF8Check.firstInvalidByte(in: Array(data), path: path))
}

/// Reads a whole file's bytes, checked to be UTF-8 like ``readText(atPath:)`` (same errors) but
/// without copying them into a String: for large inputs read as bytes (the incident log). The
/// file is memory-mapped where the system allows.
public func readUTF8(atPath path: String) throws(CatalogDirectoryError) -> Data {
    let data: Data
    if let mapped = mapFile(atPath: path) { data = mapped } else { data = try readFile(atPath: path, options: []) }
    // All ASCII (the usual case) is valid UTF-8; otherwise the standard library's check decides.
    let ascii = data.withUnsafeBytes(isASCII)
    if ascii || String(validating: data, as: UTF8.self) != nil { return data }
    throw .invalidUTF8(UTF8Check.firstInvalidByte(in: Array(data), path: path))
}

/// Whether every byte is below 0x80, checked eight bytes at a time.
func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let words = bytes.count / 8
    var high: UInt64 = 0
    for word in 0..<words { high |= bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) }
    for byte in bytes[(words * 8)...] { high |= UInt64(byte) }
    return high & 0x8080_8080_8080_8080 == 0
}

/// A regular file's bytes mapped into memory (read lazily by the kernel, never copied), or nil
/// when it cannot be mapped (empty, not a regular file, or no mmap) and should be read instead.
/// Foundation's `.mappedIfSafe` reads the whole file on Linux. The pages are mapped in one go
/// (`MAP_POPULATE`) rather than a fault at a time.
private func mapFile(atPath path: String) -> Data? {
    #if canImport(Glibc)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            return nil
        }
        let count = Int(status.st_size)
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
            address != MAP_FAILED
        else {
            return nil
        }
        return Data(
            bytesNoCopy: address, count: count, deallocator: .custom { pointer, count in munmap(pointer, count) })
    #else
        return nil
    #endif
}

/// A whole file's bytes; a missing file or a directory is an error naming the path.
private func readFile(atPath path: String, options: Data.ReadingOptions) throws(CatalogDirectoryError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notAFile(path) }
    if isDirectory.boolValue { throw .isADirectory(path) }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path), options: options)
    } catch {
        throw .notAFile(path)
    }
}

/// Locates the first byte that is not valid UTF-8.
enum UTF8Check {
    /// An `invalid-utf8` error at the first bad byte of `bytes`: its line, and its column counted in
    /// Unicode scalars like every other diagnostic.
    static func firstInvalidByte(in bytes: [UInt8], path: String) -> Diagnostic {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error, .emptyInput:
                break parsing
            }
        }
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic(
            .error, "invalid-utf8",
            "the file is not UTF-8 text: byte 0x\(hex.count < 2 ? "0" : "")\(hex) at offset \(offset) is invalid",
            at: SourceLocation(file: path, line: line, column: column))
    }
}

/// Reads the YAML files of a catalog directory (two levels deep) for ``CatalogLoader``.
public enum CatalogDirectory {
    /// Every `.yaml`/`.yml` file under `path`, with its path relative to `path`.
    public static func files(at path: String) throws(CatalogDirectoryError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notADirectory(path)
        }
        guard isDirectory.boolValue else { throw .isAFile(path) }
        let root = path.hasSuffix("/") ? path : path + "/"
        for folder in CatalogLoader.folders {
            var folderIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + folder, isDirectory: &folderIsDirectory),
                !folderIsDirectory.boolValue
            {
                throw .isAFile(root + folder)
            }
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw .notADirectory(path) }
        var files: [SourceFile] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let full = root + relative
            files.append(SourceFile(path: full, relativePath: relative, text: try readText(atPath: full)))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    /// Reads and validates the catalog at `path`.
    public static func load(at path: String, asOf: CalendarDay) throws(CatalogDirectoryError) -> CatalogLoadResult {
        CatalogLoader().load(files: try files(at: path), asOf: asOf)
    }
}
