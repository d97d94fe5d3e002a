import Glibc
import GlossCore

/// Creates directories private to the user (0700) and tightens existing ones; or, for files
/// meant to be shared such as exports, ordinary ones (0777 less the umask), left as they are.
enum SecureDirectory {
    /// Makes sure `path` and its missing parents exist as directories. When `isPrivate`, `path`
    /// itself ends up 0700.
    static func ensure(_ path: String, isPrivate: Bool = true) throws(StorageError) {
        if let info = SystemCall.status(path) {
            guard SystemCall.isDirectory(info) else { throw .notADirectory(path: path) }
            // Annotations are private: tighten a directory others can read, if it is ours.
            if isPrivate, info.st_mode & 0o077 != 0 && info.st_uid == getuid() {
                chmod(path, 0o700)
            }
            return
        }
        if errno == ENOTDIR { throw .notADirectory(path: path) }
        let parent = SystemCall.parent(of: path)
        if parent != path && parent != "." && parent != "/" && !SystemCall.exists(parent) {
            try ensure(parent, isPrivate: isPrivate)
        }
        if mkdir(path, isPrivate ? 0o700 : 0o777) != 0 && errno != EEXIST {
            throw SystemCall.lastError(path: path, operation: "create the directory")
        }
        if isPrivate { chmod(path, 0o700) }
    }

    /// The names in a directory (without "." and ".."); empty when it cannot be read.
    static func entries(of path: String) -> [String] {
        DirectoryEntries.names(in: path)
    }
}
