import Glibc
import GlossCore

/// Thin helpers over the C library: errno to `StorageError`, retry on EINTR.
enum SystemCall {
    /// The system's message for an errno value.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The `StorageError` for a failed `operation` on `path` with errno `code`.
    static func error(_ code: Int32, path: String, operation: String) -> StorageError {
        switch code {
        case EACCES, EPERM: return .permissionDenied(path: path)
        case EROFS: return .readOnlyFileSystem(path: path)
        case ENOSPC, EDQUOT: return .noSpace(path: path)
        case EFBIG: return .fileSizeLimit(path: path)
        case ENOENT: return .notFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        case ENOTDIR: return .notADirectory(path: path)
        case ELOOP: return .symlinkLoop(path: path)
        default: return .io(path: path, operation: operation, reason: message(code))
        }
    }

    /// The error for the current errno.
    static func lastError(path: String, operation: String) -> StorageError {
        error(errno, path: path, operation: operation)
    }

    /// Runs `call` again while it fails with EINTR.
    static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }

    /// `lstat` of `path`, or nil with errno set.
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// `stat` of `path` (following links), or nil with errno set.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isRegularFile(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
    static func isSymbolicLink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }

    static func exists(_ path: String) -> Bool { linkStatus(path) != nil }

    /// The directory part of a path ("." when there is none).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A short random hex string for unique temporary names.
    static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}
