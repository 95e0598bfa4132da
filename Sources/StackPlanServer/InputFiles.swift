import Foundation
import StackPlanCatalog
import StackPlanCore

/// The modification time and size of one input file: what tells an edit apart.
struct FileStamp: Hashable, Sendable {
    let seconds: Int
    let nanoseconds: Int
    let size: Int64
    let isDirectory: Bool

    /// The stamp of `path` (one `stat` call), or `nil` when it does not exist.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        size = Int64(info.st_size)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// The stamps of every input: the catalog directory's files and folders, the inventory, the
/// incident log and the history database. Two equal signatures mean nothing changed. Taking one
/// costs a `stat` per file (tens of microseconds for the shipped catalog): cheap enough for
/// every request.
struct InputSignature: Equatable, Sendable {
    let stamps: [String: FileStamp]

    init(_ configuration: ServerConfiguration) {
        var stamps: [String: FileStamp] = [:]
        Self.walk(configuration.catalogDirectory, depth: 0, into: &stamps)
        var single = [configuration.inventoryPath, configuration.databasePath, configuration.databasePath + "-wal"]
        if let incidents = configuration.incidentsPath { single.append(incidents) }
        for path in single {
            if let stamp = FileStamp(path: path) { stamps[path] = stamp }
        }
        self.stamps = stamps
    }

    /// Stamps `path` and, for a directory, everything under it (three levels, as the catalog is laid out).
    private static func walk(_ path: String, depth: Int, into stamps: inout [String: FileStamp]) {
        guard let stamp = FileStamp(path: path) else { return }
        stamps[path] = stamp
        guard stamp.isDirectory, depth < 3, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            walk(path + "/" + name, depth: depth + 1, into: &stamps)
        }
    }
}

/// One consistent, valid reading of the inputs, and a private copy of the exact texts it was read
/// from so commands run in-process see the same data even while the originals are being edited.
struct InputGeneration: Sendable {
    /// Counts reloads; part of every cache key.
    let number: Int
    let catalog: Catalog
    let inventory: Inventory
    let incidents: [Incident]?
    /// The copy: `catalog/`, `inventory.yaml` and `incidents.csv` under one directory.
    let copy: String

    var catalogDirectory: String { copy + "/catalog" }
    var inventoryPath: String { copy + "/inventory.yaml" }
    var incidentsPath: String? { incidents == nil ? nil : copy + "/incidents.csv" }
}

/// Why the inputs could not be read: the located diagnostics (`file:line:column: error: …`) or
/// the reason a file could not be opened.
public struct InputProblems: Error, Sendable {
    /// One line per problem, as the command line prints them.
    public let lines: [String]
}

enum InputReader {
    /// Reads and validates every input and writes the private copy under `directory`.
    static func read(_ configuration: ServerConfiguration, number: Int, into directory: String) throws(InputProblems)
        -> InputGeneration
    {
        let day = configuration.today()
        let files: [SourceFile]
        do {
            files = try CatalogDirectory.files(at: configuration.catalogDirectory)
        } catch {
            throw InputProblems(lines: [describe(error)])
        }
        let loaded = CatalogLoader().load(files: files, asOf: day)
        let catalogErrors = loaded.diagnostics.filter { $0.severity == .error }
        guard let catalog = loaded.catalog, catalogErrors.isEmpty else {
            throw InputProblems(lines: catalogErrors.map(\.description))
        }
        let inventoryText: String
        do {
            inventoryText = try readText(atPath: configuration.inventoryPath)
        } catch {
            throw InputProblems(lines: [describe(error)])
        }
        let inventoryResult = InventoryLoader(catalog: catalog).load(
            SourceFile(
                path: configuration.inventoryPath, relativePath: configuration.inventoryPath, text: inventoryText))
        guard let inventory = inventoryResult.inventory else {
            throw InputProblems(lines: inventoryResult.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        var incidents: [Incident]?
        var incidentsText: String?
        if let path = configuration.incidentsPath {
            let text: String
            do {
                text = try readText(atPath: path)
            } catch {
                throw InputProblems(lines: [describe(error)])
            }
            let result = IncidentLogLoader(inventory: inventory.customers).load(text: text, path: path)
            guard let log = result.incidents else {
                throw InputProblems(lines: result.diagnostics.filter { $0.severity == .error }.map(\.description))
            }
            incidents = log
            incidentsText = text
        }
        let copy = directory + "/\(number)"
        do {
            for file in files {
                try write(file.text, to: copy + "/catalog/" + file.relativePath)
            }
            try write(inventoryText, to: copy + "/inventory.yaml")
            if let incidentsText { try write(incidentsText, to: copy + "/incidents.csv") }
        } catch {
            throw InputProblems(lines: ["cannot write the server's copy of the inputs in \(copy): \(error)"])
        }
        return InputGeneration(number: number, catalog: catalog, inventory: inventory, incidents: incidents, copy: copy)
    }

    private static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private static func describe(_ error: CatalogDirectoryError) -> String {
        if case .invalidUTF8(let diagnostic) = error { return diagnostic.description }
        return "error: \(error.description)"
    }
}
