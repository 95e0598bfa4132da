import Foundation
import Hummingbird
import StackPlanCatalog
import StackPlanCore
import StackPlanStore

extension StackPlanServer {
    /// Answers with exactly what the matching command prints as JSON for the same options, run
    /// in-process against the generation's copy of the inputs.
    func api(_ endpoint: APIEndpoint, _ info: RequestInfo, extra: [String] = []) async throws(ServerError)
        -> CachedResponse
    {
        let generation = info.generation
        if endpoint.incidents == .required, generation.incidentsPath == nil {
            throw .notFound("the server was started without --incidents: there is no incident log")
        }
        if let customer = info.query["customer"], !generation.inventory.customers.contains(where: { $0.id == customer })
        {
            throw .notFound("no customer '\(customer)' in the inventory")
        }
        if endpoint.takesEdition, let edition = info.query["edition"] {
            try Analysis.requireEdition(edition, databasePath: configuration.databasePath)
        }
        let asOf = info.query["asOf"] ?? info.today.description
        let arguments = try endpoint.arguments(
            info.query, asOf: asOf, generation: generation, databasePath: configuration.databasePath, extra: extra)
        let runner = runner
        let outcome = await offload { runner(arguments) }
        switch outcome.status {
        case 0: return CachedResponse(status: 200, contentType: "application/json", body: outcome.standardOutput)
        case 64: throw .badParameter(outcome.message)
        case 66: throw .notFound(outcome.message)
        default: throw ServerError(status: 500, code: "command-failed", message: outcome.message)
        }
    }

    /// `/api/v1/catalog/{id}`: `catalog show ID`; 404 for an unknown id.
    func componentAPI(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let id = info.parameter("id")
        guard info.generation.catalog.component(id) != nil else {
            throw .notFound("no component '\(id)' in the catalog")
        }
        return try await api(.component, info, extra: ["--", id])
    }

    /// `/api/v1/releases?platform=`: 404 for an unknown platform.
    func releasesAPI(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        if let platform = info.query["platform"], info.generation.catalog.platform(platform) == nil {
            throw .notFound("no platform '\(platform)' in the catalog")
        }
        return try await api(.releases, info)
    }

    /// `/api/v1/review/{quarter}`: the board pack as JSON.
    func reviewAPI(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let quarter = try Self.quarter(info)
        return try await api(.review, info, extra: ["--quarter=\(quarter)"])
    }

    /// `/api/v1/conformance`.
    func conformanceAPI(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        try await api(.conformance, info)
    }

    static func quarter(_ info: RequestInfo) throws(ServerError) -> Quarter {
        let text = info.parameter("quarter")
        guard let quarter = Quarter(text) else { throw .badParameter("a quarter looks like 2026-Q4, not '\(text)'") }
        return quarter
    }
}
