import Testing

@testable import StackPlanCommands

#if canImport(Glibc)
    import Glibc
#endif

/// With the command line's heap settings, a 16 MB block comes from the heap, not from a mapping
/// of its own (glibc's default threshold is 128 KB, raised only by freeing mapped blocks).
@Suite("Heap settings")
struct HeapSettingsTests {
    #if canImport(Glibc)
        @Test func aLargeBlockComesFromTheHeap() throws {
            HeapSettings.apply()
            let block = try #require(malloc(16 << 20))
            defer { free(block) }
            // The size word before a glibc block; its second bit is set for a block mapped apart.
            let size = block.load(fromByteOffset: -MemoryLayout<UInt>.size, as: UInt.self)
            #expect(size & 2 == 0)
        }
    #endif
}
