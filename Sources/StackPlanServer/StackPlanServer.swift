import Foundation
import Hummingbird
import StackPlanCore

/// `stackplan serve`: the pages and the JSON API over one set of inputs. Build it with
/// ``start(_:runner:log:)``, serve ``router()`` with Hummingbird, then call ``stop()``.
public struct StackPlanServer: Sendable {
    let configuration: ServerConfiguration
    let workspace: Workspace
    let responses = ResponseCache()
    let analyses = AnalysisCache()
    let runner: CommandRunner
    let log: @Sendable (String) -> Void

    /// Reads and validates the inputs; throws their diagnostics when they are invalid.
    public static func start(
        _ configuration: ServerConfiguration, runner: @escaping CommandRunner,
        log: @escaping @Sendable (String) -> Void
    ) async throws(InputProblems) -> StackPlanServer {
        StackPlanServer(
            configuration: configuration, workspace: try await Workspace(configuration), runner: runner, log: log)
    }

    /// Removes the server's private copies of the inputs.
    public func stop() async {
        await workspace.removeCopies()
    }

    /// Every route, behind the request log and the security headers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(log: log))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        let pages: [(String, Handler)] = [
            ("/", { info throws(ServerError) in try await self.portfolioPage(info) }),
            ("/steps", { info throws(ServerError) in try await self.stepsPage(info) }),
            ("/incidents", { info throws(ServerError) in try await self.incidentsPage(info) }),
            ("/customers/{id}", { info throws(ServerError) in try await self.customerPage(info) }),
            ("/catalog", { info throws(ServerError) in try await self.catalogPage(info) }),
            ("/catalog/{id}", { info throws(ServerError) in try await self.componentPage(info) }),
            ("/releases", { info throws(ServerError) in try await self.releasesIndexPage(info) }),
            ("/releases/{platform}", { info throws(ServerError) in try await self.releasesPage(info) }),
            ("/review/{quarter}", { info throws(ServerError) in try await self.reviewPage(info) }),
            ("/api/v1/plan", { info throws(ServerError) in try await self.api(.plan, info) }),
            ("/api/v1/forecast", { info throws(ServerError) in try await self.api(.forecast, info) }),
            ("/api/v1/sla/report", { info throws(ServerError) in try await self.api(.slaReport, info) }),
            ("/api/v1/catalog", { info throws(ServerError) in try await self.api(.catalog, info) }),
            ("/api/v1/catalog/{id}", { info throws(ServerError) in try await self.componentAPI(info) }),
            ("/api/v1/releases", { info throws(ServerError) in try await self.releasesAPI(info) }),
            ("/api/v1/review/{quarter}", { info throws(ServerError) in try await self.reviewAPI(info) }),
            ("/api/v1/conformance", { info throws(ServerError) in try await self.conformanceAPI(info) }),
        ]
        for (path, handler) in pages {
            router.get(RouterPath(path)) { request, context in
                try await self.answer(request, context: context, handler: handler)
            }
            router.head(RouterPath(path)) { request, context in
                try await self.answer(request, context: context, handler: handler)
            }
        }
        router.get("/api/v1/health") { request, _ in try await self.health(request) }
        router.head("/api/v1/health") { request, _ in try await self.health(request) }
        router.get("/assets/app.css") { _, _ in Self.asset(Assets.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Self.asset(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get("/assets/icon.svg") { _, _ in Self.asset(Assets.icon, type: "image/svg+xml") }
        router.get("/favicon.ico") { _, _ in Self.asset(Assets.icon, type: "image/svg+xml") }
        router.post("/api/v1/review/{quarter}/decisions") { request, context in
            try await self.decide(request, context: context)
        }
        // Every other method on a known path is a 405 naming the ones it takes.
        let readOnly =
            pages.map(\.0) + [
                "/api/v1/health", "/assets/app.css", "/assets/app.js", "/assets/icon.svg", "/favicon.ico",
            ]
        for path in readOnly {
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw ServerError.methodNotAllowed(["GET", "HEAD"])
                }
            }
        }
        for method in [HTTPRequest.Method.get, .head, .put, .patch, .delete] {
            router.on("/api/v1/review/{quarter}/decisions", method: method) { _, _ -> Response in
                throw ServerError.methodNotAllowed(["POST"])
            }
        }
        return router
    }

    /// Answers a GET from the cache, computing it once per (inputs, path, query).
    private func answer(
        _ request: Request, context: BasicRequestContext,
        handler: @escaping Handler
    ) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let (generation, problems) = await workspace.acquire()
        let isAPI = request.uri.path.hasPrefix("/api/")
        let today = configuration.today()
        let key = "\(request.uri.path)?\(query.canonical)#\(today)"
        let info = RequestInfo(
            path: request.uri.path, query: query,
            parameters: context.parameters.reduce(into: [:]) { $0[String($1.key)] = String($1.value) },
            generation: generation, problems: problems, today: today)
        let cached = await responses.response(generation: generation.number, key: key) {
            do throws(ServerError) {
                _ = try info.asOf()
                return try await handler(info)
            } catch {
                return error.answer(json: isAPI)
            }
        }
        await workspace.release(generation)
        var response = Self.response(cached)
        if isAPI, !problems.isEmpty {
            // RFC 7234's Warning: the body stays the command's JSON; the header says it is stale.
            // Header values are visible ASCII: anything else in a diagnostic becomes `?`.
            let first = problems.first ?? ""
            let text = String(
                first.unicodeScalars.map { (0x20..<0x7F).contains($0.value) && $0 != "\"" ? Character($0) : "?" })
            if let name = HeaderName("Warning") {
                response.headers[name] =
                    "199 stackplan \"inputs changed and are invalid; serving the last valid data: \(text)\""
            }
        }
        return response
    }

    static func response(_ cached: CachedResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = cached.contentType
        for (name, value) in cached.headers {
            if let field = HeaderName(name) { headers[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: cached.status), headers: headers,
            body: ResponseBody(byteBuffer: cached.buffer))
    }

    private static func asset(_ text: String, type: String) -> Response {
        var response = response(CachedResponse(status: 200, contentType: type, body: Array(text.utf8)))
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
    }
}

/// Answers one GET route.
typealias Handler = @Sendable (RequestInfo) async throws(ServerError) -> CachedResponse

/// What a handler needs of a request: its path, query, path parameters and the inputs to use.
struct RequestInfo: Sendable {
    let path: String
    let query: QueryParameters
    let parameters: [String: String]
    let generation: InputGeneration
    let problems: [String]
    let today: CalendarDay

    /// `?asOf=YYYY-MM-DD`, else today; a malformed date is a 400.
    func asOf() throws(ServerError) -> CalendarDay {
        guard let text = query["asOf"] else { return today }
        guard let day = CalendarDay(text) else { throw .badParameter("asOf takes a date YYYY-MM-DD, not '\(text)'") }
        return day
    }

    /// `?name=` as one of `T`'s cases, `nil` when absent; any other value is a 400 naming the cases.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(ServerError) -> T?
    where T.RawValue == String {
        guard let text = query[name] else { return nil }
        guard let value = T(rawValue: text) else {
            let cases = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badParameter("\(name) takes \(cases), not '\(text)'")
        }
        return value
    }

    /// The path parameter `name` (the router matched it, so it is there).
    func parameter(_ name: String) -> String { parameters[name] ?? "" }
}
