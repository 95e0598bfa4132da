import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive advisory lock (flock) on a directory, held while `body` runs: commands that
/// read, modify and write files of the catalog directory (`review decide`, `review apply`) take it,
/// so concurrent runs queue instead of losing each other's writes. Locking the directory itself
/// leaves no lock file behind.
enum DirectoryLock {
    static func withLock<T>(on directory: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else {
            throw CommandError.noInput("cannot open '\(directory)' to lock it: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw CommandError.failure("cannot lock '\(directory)': \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
