import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, for tests of commands that fetch a URL.
/// Each request gets the route's status and body after its delay; the server stops when told.
final class LoopbackServer: @unchecked Sendable {
    struct Route: Sendable {
        let status: Int
        let body: String
        let delay: TimeInterval

        init(status: Int = 200, body: String, delay: TimeInterval = 0) {
            self.status = status
            self.body = body
            self.delay = delay
        }
    }

    let port: UInt16
    private let socket: Int32
    private let routes: @Sendable (String) -> Route
    private let lock = NSLock()
    private var running = true
    /// The paths requested, in order.
    private(set) var requests: [String] = []

    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(routes: @escaping @Sendable (String) -> Route) throws {
        self.routes = routes
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            _ = $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Stops accepting; safe to call twice (the socket is closed once, never a reused descriptor).
    func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func serve() {
        while isRunning {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in handle(client) }.start()
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(client, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer.prefix(count), as: UTF8.self)
        let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        lock.lock()
        requests.append(path)
        lock.unlock()
        let route = routes(path)
        if route.delay > 0 { Thread.sleep(forTimeInterval: route.delay) }
        let body = Array(route.body.utf8)
        let head =
            "HTTP/1.1 \(route.status) \(route.status == 200 ? "OK" : "Status")\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Array(head.utf8) + body
        _ = response.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
    }
}
