import Foundation
import Hummingbird

/// One line per request on the log: time, method, path and query, status, bytes and duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let target = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
        // The target is the client's text: control characters could forge log lines.
        let safe = String(
            String.UnicodeScalarView(target.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        log(
            "\(Self.timestamp()) \(request.method) \(safe) \(response.status.code) "
                + "\(response.headers[.contentLength] ?? "-")B \(String(format: "%.1f", milliseconds))ms")
        return response
    }

    /// The current UTC time as `2026-11-28T13:04:16Z` (no formatter object per request).
    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// The headers every response carries: a self-only Content-Security-Policy, no MIME sniffing,
/// no referrer, no framing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        for (name, value) in SecurityHeaders.all {
            if let field = HeaderName(name) { response.headers[field] = value }
        }
        return response
    }
}

/// The security headers and their values.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let all = [
        ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
    ]
}

/// A header field name (swift-http-types' `HTTPField.Name`, reached through Hummingbird's exports).
typealias HeaderName = HTTPFields.Element.Name

/// Turns every failure into a response: JSON `{"error": …}` under `/api/`, a small page
/// elsewhere; never a stack trace.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let failure: ServerError
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            failure = error
        } catch let error as HTTPError where error.status == .notFound {
            failure = .notFound("no page or endpoint at \(request.uri.path)")
        } catch let error as HTTPError {
            failure = ServerError(status: Int(error.status.code), code: "http", message: error.status.reasonPhrase)
        } catch {
            failure = ServerError(status: 500, code: "internal", message: "the server could not answer this request")
        }
        return StackPlanServer.response(failure.answer(json: request.uri.path.hasPrefix("/api/")))
    }
}
