import Hummingbird
import StackPlanCore
import StackPlanReports

extension StackPlanServer {
    /// `/api/v1/health`: liveness, the input generation and any diagnostics (never cached).
    func health(_ request: Request) async throws -> Response {
        let (generation, problems) = await workspace.refresh()
        let body = HealthReport(
            generation: generation.number, problems: problems, customers: generation.inventory.customers.count,
            catalogVersion: generation.catalog.version.description, cached: await responses.count
        ).json
        return Self.response(CachedResponse(status: 200, contentType: "application/json", body: Array(body.utf8)))
    }
}

/// The body of `/api/v1/health`.
struct HealthReport {
    let generation: Int
    let problems: [String]
    let customers: Int
    let catalogVersion: String
    let cached: Int

    var json: String {
        JSONValue.object([
            ("status", .string(problems.isEmpty ? "ok" : "degraded")),
            ("inputsGeneration", .int(generation)),
            ("catalogVersion", .string(catalogVersion)),
            ("customers", .int(customers)),
            ("cachedResponses", .int(cached)),
            ("warnings", .array(problems.map { .string($0) })),
        ]).serialized()
    }
}
