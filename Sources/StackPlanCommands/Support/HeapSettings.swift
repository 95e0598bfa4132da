#if canImport(Glibc)
    import CHeap
#endif

/// How the process's heap is kept, set once when it starts: blocks below 32 MB come from the
/// heap rather than from a mapping of their own each, and freed memory stays for reuse up to
/// 256 MB at the top. A plan's growing arrays and large buffers are then made again in pages
/// already touched instead of new mappings faulted in page by page: on a 10,000-customer plan,
/// 28,000 page faults become 21,000 and the kernel's time 60 ms becomes 40 ms (the default
/// threshold starts at 128 KB and grows only as blocks are freed), for a peak a few MB higher
/// (108 -> 113 MB there).
enum HeapSettings {
    static func apply() {
        #if canImport(Glibc)
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
