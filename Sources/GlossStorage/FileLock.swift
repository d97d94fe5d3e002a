import Glibc
import GlossCore

/// An advisory `flock` on a lock file, serializing writers across processes. The kernel
/// releases it when the process dies, so a crashed writer never leaves a stale lock.
enum FileLock {
    /// Runs `body` while holding an exclusive lock on `path` (created 0600 if missing).
    static func withExclusiveLock<T>(
        _ path: String, _ body: () throws(StorageError) -> T
    ) throws(StorageError) -> T {
        let fd = SystemCall.retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw SystemCall.lastError(path: path, operation: "open the lock file") }
        defer { close(fd) }
        guard SystemCall.retrying({ flock(fd, LOCK_EX) }) == 0 else {
            throw SystemCall.lastError(path: path, operation: "lock")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding exclusive locks on every path in `paths`, taken in sorted order so
    /// that two processes locking the same pair cannot deadlock.
    static func withExclusiveLocks<T>(
        _ paths: [String], _ body: () throws(StorageError) -> T
    ) throws(StorageError) -> T {
        let ordered = Array(Set(paths)).sorted()
        guard let first = ordered.first else { return try body() }
        return try withExclusiveLock(first) { () throws(StorageError) -> T in
            try withExclusiveLocks(Array(ordered.dropFirst()), body)
        }
    }
}
