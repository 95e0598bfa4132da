import Foundation
import Hummingbird
import StackPlanCore
import StackPlanReports

extension StackPlanServer {
    /// The fields of a decision body and the options of `review decide` they become.
    static let decisionFields: [String: String] = [
        "component": "--component", "to": "--to", "decision": "--decision", "note": "--note", "by": "--by",
        "effective": "--effective",
    ]

    /// `POST /api/v1/review/{quarter}/decisions`: appends a decision exactly as `review decide`
    /// does, to the working catalog. Needs the server's token as a bearer token: 401 without one,
    /// 403 with a wrong one or when the server was started without a token.
    func decide(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let expected = configuration.token else {
            throw ServerError(
                status: 403, code: "read-only", message: "this server was started without a token: writes are disabled")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw ServerError(
                status: 401, code: "unauthorized", message: "send the server's token as 'Authorization: Bearer …'")
        }
        guard Self.constantTimeEqual(String(header.dropFirst(7)), expected) else {
            throw ServerError(status: 403, code: "forbidden", message: "the token is not this server's")
        }
        let quarterText = context.parameters.get("quarter") ?? ""
        guard let quarter = Quarter(quarterText) else {
            throw ServerError.badParameter("a quarter looks like 2026-Q4, not '\(quarterText)'")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw ServerError(status: 413, code: "too-large", message: "a decision body is at most 64 KiB")
        }
        var arguments = [
            "review", "decide", "--catalog=\(configuration.catalogDirectory)", "--as-of=\(configuration.today())",
            "--quarter=\(quarter)",
        ]
        let fields = try Self.decisionBody(Array(buffer: body))
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            if name == "allowSkip" {
                if value == "true" { arguments.append("--allow-skip") }
            } else if let option = Self.decisionFields[name] {
                arguments.append("\(option)=\(value)")
            }
        }
        let runner = runner
        let command = arguments
        let outcome = await offload { runner(command) }
        switch outcome.status {
        case 0:
            let recorded = JSONValue.object(
                [("quarter", .string(quarter.description))]
                    + fields.sorted(by: { $0.key < $1.key }).map {
                        ($0.key, $0.key == "allowSkip" ? .bool($0.value == "true") : .string($0.value))
                    })
            let text = JSONValue.object([("recorded", recorded), ("message", .string(outcome.message))]).serialized()
            return Self.response(CachedResponse(status: 201, contentType: "application/json", body: Array(text.utf8)))
        case 64: throw ServerError.badParameter(outcome.message)
        default: throw ServerError(status: 500, code: "command-failed", message: outcome.message)
        }
    }

    /// The decision's fields as text: a JSON object of strings (and `allowSkip`, a Boolean);
    /// `component`, `to`, `decision` and `note` are required. Anything else is a 400.
    static func decisionBody(_ bytes: [UInt8]) throws(ServerError) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw .badParameter(
                "the body must be a JSON object such as {\"component\": …, \"to\": …, \"decision\": …, \"note\": …}")
        }
        var fields: [String: String] = [:]
        for (name, value) in object {
            if name == "allowSkip" {
                guard let flag = value as? Bool else { throw .badParameter("allowSkip takes true or false") }
                fields[name] = flag ? "true" : "false"
            } else if decisionFields[name] != nil {
                guard let text = value as? String else { throw .badParameter("\(name) takes a string") }
                fields[name] = text
            } else {
                let known = (Array(decisionFields.keys) + ["allowSkip"]).sorted().joined(separator: ", ")
                throw .badParameter("unknown field '\(name)'; a decision takes \(known)")
            }
        }
        for name in ["component", "to", "decision", "note"] where fields[name] == nil {
            throw .badParameter("the decision needs '\(name)'")
        }
        return fields
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEqual(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<right.count {
            difference |= (index < left.count ? left[index] : 0) ^ right[index]
        }
        return difference == 0
    }
}
