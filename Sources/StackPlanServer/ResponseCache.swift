import Hummingbird

/// A response ready to send again: status, content type, extra headers and body.
struct CachedResponse: Sendable {
    let status: Int
    let contentType: String
    /// The body, copied once: every answer from the cache shares this buffer.
    let buffer: ByteBuffer
    var headers: [(String, String)] = []

    init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.buffer = ByteBuffer(bytes: body)
        self.headers = headers
    }
}

/// Answers computed once per key (the input generation, the path and the canonical query, so
/// per inputs, as-of and edition) and shared by concurrent requests for the same key. An input
/// change starts a new generation and empties the cache.
actor ResponseCache {
    private var generation = -1
    private var entries: [String: Task<CachedResponse, Never>] = [:]
    /// Bounds memory: past this many answers the cache starts over.
    let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The cached answer for `key` in `generation`, computing it with `make` the first time.
    func response(
        generation: Int, key: String, make: @escaping @Sendable () async -> CachedResponse
    ) async -> CachedResponse {
        // A request still running on an older generation is answered but not cached.
        if generation < self.generation { return await make() }
        if generation > self.generation {
            self.generation = generation
            entries = [:]
        }
        if let task = entries[key] { return await task.value }
        if entries.count >= capacity { entries = [:] }
        let task = Task { await make() }
        entries[key] = task
        return await task.value
    }

    /// How many answers are held (for `/api/v1/health`).
    var count: Int { entries.count }
}

/// Computed values shared by every page of one (generation, as-of, edition): planning a large
/// fleet is done once, not per page.
actor AnalysisCache {
    private var generation = -1
    private var entries: [String: Task<Result<Analysis, ServerError>, Never>] = [:]

    func analysis(
        generation: Int, key: String, make: @escaping @Sendable () async -> Result<Analysis, ServerError>
    ) async -> Result<Analysis, ServerError> {
        if generation < self.generation { return await make() }
        if generation > self.generation {
            self.generation = generation
            entries = [:]
        }
        if let task = entries[key] { return await task.value }
        if entries.count >= 16 { entries = [:] }
        let task = Task { await make() }
        entries[key] = task
        return await task.value
    }
}
