import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("stackplan serve as a process", .serialized)
struct ServeProcessTests {
    @Test func refusesInvalidInputsAndBadOptions() throws {
        let invalid = try subprocess(["serve", "--inventory", "Tests/StackPlanCommandsTests/Fixtures/not-here.yaml"])
        #expect(invalid.status == 65 || invalid.status == 66)
        #expect(invalid.stderr.contains("not-here.yaml"))
        let port = try subprocess(["serve", "--inventory", "examples/inventory.yaml", "--port", "0"])
        #expect(port.status == 64 && port.stderr.contains("--port takes 1 to 65535"))
        let token = try subprocess([
            "serve", "--inventory", "examples/inventory.yaml", "--token-file", "/nonexistent/token",
        ])
        #expect(token.status == 66)
    }

    /// Starts on a loopback port, answers, logs one line per request and stops cleanly on SIGTERM.
    @Test func servesAndStopsOnSIGTERM() throws {
        let port = Int.random(in: 20_000..<40_000)
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("stackplan")
        process.arguments = ["serve", "--inventory", "examples/inventory.yaml", "--port", String(port)]
        process.currentDirectoryURL = packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        var body: Data?
        for _ in 0..<100 where body == nil {
            Thread.sleep(forTimeInterval: 0.1)
            body = Self.get("http://127.0.0.1:\(port)/api/v1/health")
        }
        let health = String(decoding: try #require(body), as: UTF8.self)
        #expect(health.contains("\"status\": \"ok\""))
        let taken = try subprocess(["serve", "--inventory", "examples/inventory.yaml", "--port", String(port)])
        #expect(taken.status == 69 && taken.stderr.contains("cannot serve on 127.0.0.1:\(port)"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("serving http://127.0.0.1:\(port)/"))
        #expect(log.contains("GET /api/v1/health 200"))
    }

    /// The body of a GET, or `nil` when nothing answers.
    static func get(_ address: String) -> Data? {
        guard let url = URL(string: address) else { return nil }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Data?
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            if (response as? HTTPURLResponse)?.statusCode == 200 { result = data }
            done.signal()
        }
        task.resume()
        done.wait()
        return result
    }
}
