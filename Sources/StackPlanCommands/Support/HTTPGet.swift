import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A blocking HTTP GET with a timeout, for commands that fetch a source (`catalog refresh`).
///
/// It uses AsyncHTTPClient (SwiftNIO and BoringSSL, linked statically) rather than Foundation's
/// `URLSession`: `FoundationNetworking` brings libcurl and some thirty shared libraries that every
/// run of `stackplan` would load at start-up, about 6 ms of the dynamic loader's time (issue 15).
enum HTTPGet {
    /// What came back: a status and a body, or why nothing did.
    enum Outcome {
        case response(status: Int, body: Data)
        case unreachable(String)
    }

    static func fetch(_ url: URL, timeout: TimeInterval) -> Outcome {
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(
                url: url, method: .GET, headers: ["Accept": "application/json", "User-Agent": "stackplan"])
        } catch {
            return .unreachable(reason(error, timeout: timeout))
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(max(timeout, 0) * 1000))
        do {
            let response = try HTTPClient.shared.execute(request: request, deadline: deadline).wait()
            let body = response.body.map { Data($0.readableBytesView) } ?? Data()
            return .response(status: Int(response.status.code), body: body)
        } catch {
            return .unreachable(reason(error, timeout: timeout))
        }
    }

    /// A short reason a person can act on.
    private static func reason(_ error: any Error, timeout: TimeInterval) -> String {
        guard let failure = error as? HTTPClientError else { return String(describing: error) }
        if failure == .deadlineExceeded || failure == .readTimeout || failure == .connectTimeout {
            return "no answer within \(Int(timeout)) seconds"
        }
        return failure.shortDescription.lowercased()
    }
}
