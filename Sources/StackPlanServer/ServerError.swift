import StackPlanReports

/// A request that cannot be answered: the status and a JSON (API) or HTML (pages) body say why.
struct ServerError: Error, Sendable {
    let status: Int
    /// A stable machine-readable code.
    let code: String
    let message: String
    /// For 405: the methods the path takes.
    var allowed: [String] = []

    static func badParameter(_ message: String) -> ServerError {
        ServerError(status: 400, code: "bad-parameter", message: message)
    }

    static func notFound(_ message: String) -> ServerError {
        ServerError(status: 404, code: "not-found", message: message)
    }

    static func methodNotAllowed(_ allowed: [String]) -> ServerError {
        ServerError(
            status: 405, code: "method-not-allowed",
            message: "this path takes \(allowed.joined(separator: ", "))", allowed: allowed)
    }

    /// The answer: JSON (the API) or a small HTML page, with `Allow` on a 405 and
    /// `WWW-Authenticate` on a 401.
    func answer(json: Bool) -> CachedResponse {
        var headers: [(String, String)] = []
        if !allowed.isEmpty { headers.append(("Allow", allowed.joined(separator: ", "))) }
        if status == 401 { headers.append(("WWW-Authenticate", "Bearer")) }
        return json
            ? CachedResponse(
                status: status, contentType: "application/json", body: Array(self.json.utf8), headers: headers)
            : CachedResponse(
                status: status, contentType: "text/html; charset=utf-8", body: Array(PageLayout.errorPage(self).utf8),
                headers: headers)
    }

    /// `{"error": {"code": …, "message": …}}` and a newline.
    var json: String {
        JSONValue.object([
            ("error", .object([("code", .string(code)), ("message", .string(message))]))
        ]).serialized()
    }
}
