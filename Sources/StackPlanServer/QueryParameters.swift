import Foundation

/// A request's query, decoded as HTML forms encode it (`+` is a space, `%XX` escapes).
/// The last value of a repeated name wins.
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    init(values: [String: String]) {
        self.values = values
    }

    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Every name given (empty ones too), sorted.
    var names: [String] { values.keys.sorted() }

    /// A canonical text of the query: cache keys treat `?b=1&a=2` and `?a=2&b=1` alike.
    var canonical: String {
        names.map { "\($0)=\(values[$0] ?? "")" }.joined(separator: "&")
    }

    /// These parameters with `changes` applied (`nil` removes one).
    func with(_ changes: [String: String?]) -> QueryParameters {
        var copy = values
        for (name, value) in changes { copy[name] = value }
        return QueryParameters(values: copy.filter { !$0.value.isEmpty })
    }

    /// `?name=value&…` (percent-encoded, sorted), or the empty string.
    var queryString: String {
        let pairs = names.compactMap { name -> String? in
            guard let value = values[name], !value.isEmpty else { return nil }
            return "\(Self.encode(name))=\(Self.encode(value))"
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` percent-encoded for a query value or a path segment.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
