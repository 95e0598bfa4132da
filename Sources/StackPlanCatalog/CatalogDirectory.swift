import Foundation
import StackPlanCore

/// Errors reading a catalog directory from disk.
public enum CatalogDirectoryError: Error, CustomStringConvertible, Equatable {
    /// The directory does not exist or is not a directory.
    case notADirectory(String)
    /// A file could not be read as UTF-8 text.
    case unreadable(String)
    /// An input file does not exist.
    case notAFile(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "catalog directory '\(path)' does not exist"
        case .unreadable(let path): "cannot read '\(path)' as UTF-8 text"
        case .notAFile(let path): "file '\(path)' does not exist"
        }
    }
}

/// Reads a whole text file as UTF-8 (validated, native: fast to scan).
func readText(atPath path: String) throws(CatalogDirectoryError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw .notAFile(path) }
    guard let text = String(validating: data, as: UTF8.self) else { throw .unreadable(path) }
    return text
}

/// Reads the YAML files of a catalog directory (two levels deep) for ``CatalogLoader``.
public enum CatalogDirectory {
    /// Every `.yaml`/`.yml` file under `path`, with its path relative to `path`.
    public static func files(at path: String) throws(CatalogDirectoryError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path)
        }
        let root = path.hasSuffix("/") ? path : path + "/"
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
