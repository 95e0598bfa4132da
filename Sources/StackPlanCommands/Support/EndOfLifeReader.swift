import Foundation
import StackPlanCatalog
import StackPlanCore

/// Where `catalog refresh` reads endoflife.date from: a directory of product files or API v1
/// responses, or an API v1 base URL.
struct EndOfLifeReader: CustomStringConvertible {
    private enum Location {
        case directory(String, revision: String?)
        case api(URL)
    }

    private let location: Location
    private let timeout: Double
    private let asOf: CalendarDay

    /// A `REVISION` file in a source directory names the upstream commit its files come from.
    init(from source: String, timeout: Double, asOf: CalendarDay) throws {
        self.timeout = timeout
        self.asOf = asOf
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            guard let url = URL(string: source.hasSuffix("/") ? String(source.dropLast()) : source) else {
                throw CommandError.usage("--from: '\(source)' is not a URL")
            }
            location = .api(url)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw CommandError.noInput("source directory '\(source)' does not exist")
        }
        guard isDirectory.boolValue else { throw CommandError.noInput("'\(source)' is a file, not a directory") }
        let revision = (try? readText(atPath: source + "/REVISION"))?.trimmingCharacters(in: .whitespacesAndNewlines)
        location = .directory(source, revision: revision?.isEmpty == false ? revision : nil)
    }

    var description: String {
        switch location {
        case .directory(let path, let revision): revision.map { "\(path) (endoflife.date@\($0))" } ?? path
        case .api(let url): url.absoluteString
        }
    }

    /// What a touched release's `source` says.
    func note(for product: String) -> String {
        switch location {
        case .directory(_, let revision?): "endoflife-date/endoflife.date@\(revision):products/\(product).md"
        case .directory: "endoflife.date products/\(product) (read \(asOf))"
        case .api(let url): "endoflife.date API v1 \(url.absoluteString)/products/\(product) (fetched \(asOf))"
        }
    }

    /// The product's releases; `nil` when the source does not have the product. A malformed file
    /// exits 65 with located diagnostics; an unreachable URL exits 69.
    func releases(of product: String) throws -> [SourceRelease]? {
        let read: EndOfLifeSource.Product
        switch location {
        case .directory(let path, _):
            let candidates = ["\(path)/products/\(product).md", "\(path)/\(product).md", "\(path)/\(product).json"]
            guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                return nil
            }
            let text: String
            do {
                text = try readText(atPath: file)
            } catch {
                throw CommandError(error)
            }
            read =
                file.hasSuffix(".json")
                ? EndOfLifeSource.apiResponse(data: Data(text.utf8), path: file)
                : EndOfLifeSource.productFile(text: text, path: file)
        case .api(let base):
            let url = base.appendingPathComponent("products").appendingPathComponent(product)
            switch HTTPGet.fetch(url, timeout: timeout) {
            case .unreachable(let reason):
                throw CommandError(
                    status: ExitStatus.unavailable,
                    message: "cannot reach \(url.absoluteString): \(reason); nothing was changed")
            case .response(404, _):
                return nil
            case .response(200, let body):
                read = EndOfLifeSource.apiResponse(data: body, path: url.absoluteString)
            case .response(let status, _):
                throw CommandError(
                    status: ExitStatus.unavailable,
                    message: "\(url.absoluteString) answered HTTP \(status); nothing was changed")
            }
        }
        Console.print(read.diagnostics)
        guard let releases = read.releases else { throw CommandError.dataError() }
        return releases
    }
}
