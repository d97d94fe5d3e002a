import Glibc
import GlossCore

/// Writes exported notes where the user asked: atomically, so a reader of the file (Obsidian,
/// git, a sync tool) sees either the old export or the new one, never half of it.
///
/// Unlike annotation files, exports are meant to be shared: missing directories are created
/// with the usual permissions (0777 less the umask), a new file gets 0666 less the umask, and a
/// file being replaced keeps its mode.
public enum ExportFile {
    public static func write(_ text: String, to path: String) throws(StorageError) {
        let path = path.withoutTrailingSlash
        let directory = SystemCall.parent(of: path)
        try createDirectories(directory)
        if let info = SystemCall.status(path), SystemCall.isDirectory(info) {
            throw .isDirectory(path: path)
        }
        // A replaced export keeps its mode; a new one gets what the umask allows.
        let mode = SystemCall.status(path).map { $0.st_mode & 0o7777 }
        try AtomicFile.write(Array(text.utf8), to: path, keepBackup: false, mode: mode)
    }

    /// `mkdir -p` with ordinary permissions.
    static func createDirectories(_ path: String) throws(StorageError) {
        if let info = SystemCall.status(path) {
            guard SystemCall.isDirectory(info) else { throw .notADirectory(path: path) }
            return
        }
        let parent = SystemCall.parent(of: path)
        if parent != path && parent != "." && parent != "/" { try createDirectories(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw SystemCall.lastError(path: path, operation: "create directory")
        }
    }
}
