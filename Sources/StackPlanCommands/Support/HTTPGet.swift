import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A blocking HTTP GET with a timeout, for commands that fetch a source (`catalog refresh`).
enum HTTPGet {
    /// What came back: a status and a body, or why nothing did.
    enum Outcome {
        case response(status: Int, body: Data)
        case unreachable(String)
    }

    private final class Box: @unchecked Sendable {
        var outcome: Outcome = .unreachable("no answer")
    }

    static func fetch(_ url: URL, timeout: TimeInterval) -> Outcome {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("stackplan", forHTTPHeaderField: "User-Agent")
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            if let error {
                box.outcome = .unreachable(error.localizedDescription)
            } else if let http = response as? HTTPURLResponse {
                box.outcome = .response(status: http.statusCode, body: data ?? Data())
            }
            done.signal()
        }.resume()
        // The session's own timeout ends the task; the wait has a margin over it.
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            return .unreachable("no answer within \(Int(timeout)) seconds")
        }
        return box.outcome
    }
}
