/// How the planner runs pieces of work that do not depend on each other: one after the other on
/// the calling thread (``serial``), or with a function the caller supplies that may run them at
/// the same time. The core starts no threads itself; the edges choose.
public struct Parallelism: Sendable {
    /// How many pieces may run at the same time (at least 1).
    public let width: Int
    private let run: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

    /// `run(count, body)` must call `body` once for every index in `0..<count` and return when
    /// all calls have returned; `body` is safe to call from several threads at once.
    public init(width: Int, run: @escaping @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void) {
        self.width = max(1, width)
        self.run = run
    }

    /// Everything in order on the calling thread.
    public static let serial = Parallelism(width: 1) { count, body in
        for index in 0..<count { body(index) }
    }

    /// `body` of each index in `0..<count`, in index order, the calls made at the same time when
    /// `width` allows (each writes only its own slot of the result).
    public func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let results = DisjointBuffer(base: slots)
        forEach(count) { index in results.base[index] = body(index) }
        // `forEach` calls every index once, so every slot is filled.
        return slots.compactMap { $0 }
    }

    /// Calls `body` for each index in `0..<count`, at the same time when `width` allows.
    public func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if width == 1 || count <= 1 {
            for index in 0..<count { body(index) }
        } else {
            run(count, body)
        }
    }
}

/// A buffer that the calls of one ``Parallelism/forEach(_:_:)`` share, each writing only elements
/// no other call touches (its own index, its own range), so the writes never overlap.
struct DisjointBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>

    /// The elements in `range`, as a buffer of their own.
    func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(rebasing: base[range])
    }
}
